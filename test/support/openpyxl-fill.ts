/**
 * Returned workbooks filled by an independent tool, as members' own scripts fill them: openpyxl
 * (Debian's python3-openpyxl) writes values into the cells the contract's defined names point
 * at and saves. openpyxl does not calculate: the files it saves hold no cached results.
 */
import { spawnSync } from 'node:child_process';

export interface OpenpyxlJob {
  src: string;
  dst: string;
  /** defined name → value; null empties the cell */
  values: Record<string, string | number | null>;
}

const SCRIPT = `
import json, sys, openpyxl
for job in json.load(sys.stdin):
    wb = openpyxl.load_workbook(job['src'])
    for name, value in job['values'].items():
        dn = wb.defined_names.get(name)
        if dn is None:
            raise SystemExit('no defined name ' + name + ' in ' + job['src'])
        for sheet, coord in dn.destinations:
            wb[sheet][coord.replace('$', '')].value = value
    wb.save(job['dst'])
`;

export function fillWithOpenpyxl(jobs: readonly OpenpyxlJob[]): void {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr || r.error}`);
}
