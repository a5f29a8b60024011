#!/usr/bin/env python3
"""Writes a scenario folder (scenario.yaml and its CSV files, no `extends`) as one workbook in
the layout of docs/WORKBOOK.md, with openpyxl: a sheet per CSV file, numbers as number cells,
and a Policy sheet of key/value rows. For Benchmarks/workbook-read.sh.

    python3 Benchmarks/workbook_convert.py SCENARIO_DIR OUT.xlsx
"""
import csv
import os
import sys

import openpyxl
import yaml

SHEETS = {"schools": "Schools", "staff": "Staff", "distances": "Distances", "norms": "Norms",
          "roster": "Roster", "retraining": "Retraining"}


def cell(text):
    try:
        value = float(text)
    except ValueError:
        return text
    if value == int(value) and "." not in text and "e" not in text.lower() and not (len(text) > 1 and text[0] == "0"):
        return int(value)
    return value if repr(value) == text else text


def main(folder, out):
    with open(os.path.join(folder, "scenario.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    book = openpyxl.Workbook(write_only=True)
    policy = [("key", "value")]

    def rows(prefix, value):
        if isinstance(value, dict):
            for k, v in value.items():
                rows(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(value, list):
            policy.append((prefix, yaml.safe_dump(value, default_flow_style=True).strip()))
        else:
            policy.append((prefix, value))

    for key, value in config.items():
        if key in SHEETS and isinstance(value, str) and value.endswith(".csv"):
            sheet = book.create_sheet(SHEETS[key])
            with open(os.path.join(folder, value), encoding="utf-8-sig", newline="") as f:
                for k, row in enumerate(csv.reader(f)):
                    sheet.append(row if k == 0 else [cell(x) for x in row])
        else:
            rows(key, value)
    sheet = book.create_sheet("Policy")
    for row in policy:
        sheet.append(list(row))
    book.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
