#!/usr/bin/env python3
"""Edits a plan workbook as a planner would in a spreadsheet program, with openpyxl (an
independent reader and writer): the first transfer (row 2 of Transfers) moves 500 teachers
more. Used by Tests/RedeployCommandsTests/WorkbookCommandTests.swift.

    python3 edit_plan.py IN.xlsx OUT.xlsx
"""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book["Transfers"]
header = [cell.value for cell in sheet[1]]
column = header.index("teachers") + 1
sheet.cell(row=2, column=column).value = sheet.cell(row=2, column=column).value + 500
book.save(sys.argv[2])
