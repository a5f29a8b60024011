#!/usr/bin/env python3
"""Writes openpyxl.xlsx, the fixture of Tests/WorkbookTests/OpenpyxlFixtureTests.swift: a
workbook made by an independent writer (openpyxl), so the reader is not only tested against
workbooks of its own making. Run from this folder: python3 make_openpyxl_fixture.py

The cells are listed in the test; change both together. openpyxl stamps the file with the time
it was made, so the bytes differ from run to run, but never the cells.
"""
import datetime

import openpyxl
from openpyxl.styles import Font, PatternFill

book = openpyxl.Workbook()
staff = book.active
staff.title = "Staff"
# A title merged across the columns above the header, as planners write one.
staff["A1"] = "Danh sách giáo viên — Quảng Ninh"
staff.merge_cells("A1:D1")
staff.append(["school_id", "subject", "teachers", "required"])
for cell in staff[2]:
    cell.font = Font(bold=True)
staff.append(["S1", "toán", 12, 2.53])
staff.append(["S2", "ngữ_văn", "7", 1.5])            # a number stored as text
staff.append(["S3", "tiếng_anh", "=C3+1", 0.1])      # a formula (openpyxl stores no cached value)
staff.append(["S4", "sử", True, 1e-7])               # a boolean; a tiny number
staff["C7"] = datetime.date(2024, 9, 5)               # a date where a number belongs
staff["A7"] = "S5"
# Styled empty cells far below: trailing rows that hold nothing.
staff["B30"].fill = PatternFill("solid", fgColor="FFC7CE")
staff["D40"].font = Font(italic=True)

dates = book.create_sheet("Dates")
dates["A1"] = datetime.date(1975, 3, 14)
dates["A2"] = datetime.datetime(2025, 8, 31, 12, 30, 0)
dates["A3"] = datetime.date(1900, 1, 1)
dates["B1"] = 45000
dates["B1"].number_format = "0.00"

plan = book.create_sheet("Hires and releases")
plan["A1"] = "action"
plan["B1"] = "teachers"
plan.merge_cells("C1:D1")
plan["C1"] = "to"
plan["A2"] = "hire"
plan["B2"] = 0.1 + 0.2                                # openpyxl stores 15 digits: 0.3

book.save("openpyxl.xlsx")
