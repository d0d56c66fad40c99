"""Fills scoring workbooks as an independent tool would, for the tests: openpyxl (not scorebook)
writes each value into the cell its defined name points at and saves the file without
calculating it, so the file carries no cached values for its formulas.

argv[1] is a JSON list of jobs: {"file": in, "out": out, "cells": {name: value}, "unprotect": [sheet]}.
"""
import json
import sys

from openpyxl import load_workbook

with open(sys.argv[1], encoding="utf-8") as f:
    jobs = json.load(f)
for job in jobs:
    wb = load_workbook(job["file"])
    # A member who changes what the sheet protects first lifts the protection (no password).
    for sheet in job.get("unprotect", []):
        wb[sheet].protection.sheet = False
    for name, value in job["cells"].items():
        defined = wb.defined_names.get(name)
        if defined is None:
            raise SystemExit(f"{job['file']}: no defined name {name}")
        for sheet, coord in defined.destinations:
            wb[sheet][coord.replace("$", "")].value = value
    wb.save(job["out"])
print(len(jobs))
