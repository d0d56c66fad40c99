/**
 * Errors as data: a code, where (a path into the document or input), the values the message
 * needs, and, where known, the file and line. They are turned into words once, at the edge,
 * by `formatIssue` (core/messages.ts).
 */
export type PathSegment = string | number;

export interface Issue {
  code: string;
  path: PathSegment[];
  params?: Record<string, string | number | boolean | null | undefined>;
  file?: string;
  line?: number;
  column?: number;
  /** CSV row (1-based, header = row 1) for issues found in tabular input. */
  row?: number;
  /** The cell of a spreadsheet (a definition workbook) the issue is about, as a person finds it. */
  cell?: CellLocation;
}

/** A cell as a spreadsheet shows it: the sheet's name, the row number (header = row 1), the column's header. */
export interface CellLocation {
  sheet: string;
  row: number;
  column: string;
}

export interface Result<T> {
  value: T | undefined;
  errors: Issue[];
}

/** `dimensions[2].groups[0].indicators[4].rule.bands[1]` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function issue(code: string, path: PathSegment[], params?: Issue['params']): Issue {
  return params ? { code, path, params } : { code, path };
}
