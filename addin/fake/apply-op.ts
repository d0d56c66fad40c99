/**
 * The Excel side of the fake: applies recorded operations to a WorkbookState, one at a time, as
 * Excel runs a batch at context.sync(). The same function replays a recorded log into a fresh
 * state, so what a test inspects is what the operations did, not what the client meant.
 *
 * It refuses what Excel refuses (a duplicate sheet or name, an array whose shape differs from the
 * range, deleting a veryHidden or the last visible sheet, editing locked cells of a protected
 * sheet, protecting a protected sheet, members newer than the API version it pretends to be),
 * with the error codes Office.js uses, so that a writer that would fail in Excel fails here.
 */
import {
  FakeExcelError,
  PAGE_MARGINS,
  emptySheet,
  key,
  parseAddress,
  parseReference,
  sheetByName,
  sheetByUid,
  type BorderState,
  type PageMargin,
  type CellFormat,
  type CellState,
  type Scalar,
  type SheetState,
  type WorkbookState,
} from './workbook-state.ts';

/** One request in a batch. Object 0 is the workbook; every other object is made by a 'new'. */
export type Op =
  | { k: 'new'; id: number; from: number; m: string; a?: unknown[] }
  | { k: 'set'; id: number; p: string; v: unknown }
  | { k: 'call'; id: number; m: string; a?: unknown[] }
  | { k: 'load'; id: number; p: string[] };

/** A proxy passed as an argument travels as its object id. */
export interface ObjectArg {
  $ref: number;
}

type Rect = { row: number; col: number; rows: number; cols: number };
type RangeT = { t: 'range'; uid: number | null } & Rect;
type Target =
  | { t: 'workbook' | 'worksheets' | 'names' | 'application' }
  | { t: 'sheet'; uid: number | null }
  | RangeT
  | {
      t: 'format' | 'font' | 'fill' | 'borders' | 'cellProtection' | 'dataValidation';
      range: RangeT;
    }
  | { t: 'border'; range: RangeT; edge: string }
  | { t: 'name'; name: string | null }
  | {
      t: 'freezePanes' | 'protection' | 'pageLayout' | 'headersFooters' | 'headerFooter';
      uid: number;
    };

export type LoadResult = Record<string, unknown>;

const ITEM_IDS_FROM = 1_000_000;
const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
];
const FORMULA_MAX = 8192;
// Excel's largest row height, and the longest header or footer section it takes.
const ROW_HEIGHT_MAX = 409;
const HEADER_FOOTER_MAX = 255;
const HEADER_FOOTER_SECTIONS = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
];
// Excel's data validation dialog limits, which the API enforces too.
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

export class FakeExcelEngine {
  private targets = new Map<number, Target>([[0, { t: 'workbook' }]]);
  private nextItemId = ITEM_IDS_FROM;

  constructor(
    readonly state: WorkbookState,
    /** The ExcelApi requirement set this "Excel" supports, e.g. 1.8. */
    readonly apiVersion: number,
  ) {}

  /** Applies one operation; a load returns the snapshot the client fills its proxy with. */
  apply(op: Op): LoadResult | undefined {
    switch (op.k) {
      case 'new':
        this.targets.set(op.id, this.derive(this.target(op.from), op.m, op.a ?? []));
        return undefined;
      case 'set':
        this.set(this.target(op.id), op.p, op.v);
        return undefined;
      case 'call':
        this.call(this.target(op.id), op.m, op.a ?? []);
        return undefined;
      case 'load':
        return this.load(this.target(op.id));
    }
  }

  /** Called at the end of each sync, as Excel resumes calculation. */
  endBatch(): void {
    if (this.state.calculationSuspended) this.state.suspendedBatches++;
    this.state.calculationSuspended = false;
  }

  private target(id: number): Target {
    const t = this.targets.get(id);
    if (!t)
      throw new FakeExcelError(
        'InvalidObjectPath',
        `object ${id} is unknown (used before it was made, or made in another context)`,
      );
    return t;
  }

  private sheet(uid: number | null): SheetState {
    const s = uid === null ? undefined : sheetByUid(this.state, uid);
    if (!s)
      throw new FakeExcelError(
        uid === null ? 'InvalidOperation' : 'ItemNotFound',
        'the worksheet does not exist (null object or deleted)',
      );
    return s;
  }

  private requireApi(version: number, member: string): void {
    if (this.apiVersion < version)
      throw new FakeExcelError(
        'ApiNotFound',
        `${member} needs ExcelApi ${version}; this Excel supports ${this.apiVersion}`,
      );
  }

  private derive(parent: Target, m: string, a: unknown[]): Target {
    const arg = (i: number) => a[i];
    switch (parent.t) {
      case 'workbook':
        if (m === 'worksheets' || m === 'names' || m === 'application') return { t: m };
        break;
      case 'worksheets':
        if (m === 'add') return { t: 'sheet', uid: this.addSheet(String(arg(0))) };
        if (m === 'getItem' || m === 'getItemOrNullObject') {
          const s = sheetByName(this.state, String(arg(0)));
          if (!s && m === 'getItem')
            throw new FakeExcelError('ItemNotFound', `no worksheet named ${String(arg(0))}`);
          return { t: 'sheet', uid: s?.uid ?? null };
        }
        if (m === 'items') return { t: 'sheet', uid: this.state.sheets[Number(arg(0))]!.uid };
        break;
      case 'sheet': {
        const uid = parent.uid;
        if (m === 'getRange')
          return {
            t: 'range',
            uid,
            ...(a.length
              ? parseAddress(String(arg(0)))
              : { row: 0, col: 0, rows: 1048576, cols: 16384 }),
          };
        if (m === 'getRangeByIndexes') {
          this.requireApi(1.7, 'Worksheet.getRangeByIndexes');
          const [row, col, rows, cols] = a.map(Number) as [number, number, number, number];
          if (rows < 1 || cols < 1)
            throw new FakeExcelError(
              'InvalidArgument',
              'a range has at least one row and one column',
            );
          return { t: 'range', uid, row, col, rows, cols };
        }
        if (m === 'getUsedRangeOrNullObject') {
          const box = usedBox(this.sheet(uid));
          return box
            ? { t: 'range', uid, ...box }
            : { t: 'range', uid: null, row: 0, col: 0, rows: 1, cols: 1 };
        }
        if (m === 'freezePanes') this.requireApi(1.7, 'Worksheet.freezePanes');
        if (m === 'pageLayout') this.requireApi(1.9, 'Worksheet.pageLayout');
        if (m === 'freezePanes' || m === 'protection' || m === 'pageLayout')
          return { t: m, uid: this.sheet(uid).uid };
        break;
      }
      case 'pageLayout':
        if (m === 'headersFooters') return { t: 'headersFooters', uid: parent.uid };
        break;
      case 'headersFooters':
        // Only the header and footer of every page; first and odd/even pages are not modelled.
        if (m === 'defaultForAllPages') return { t: 'headerFooter', uid: parent.uid };
        break;
      case 'range':
        if (m === 'dataValidation') this.requireApi(1.8, 'Range.dataValidation');
        if (m === 'format' || m === 'dataValidation') return { t: m, range: parent };
        break;
      case 'format':
        if (m === 'font' || m === 'fill' || m === 'borders') return { t: m, range: parent.range };
        if (m === 'protection') return { t: 'cellProtection', range: parent.range };
        break;
      case 'borders':
        if (m === 'getItem') {
          if (!EDGES.includes(String(arg(0))))
            throw new FakeExcelError('InvalidArgument', `unknown border ${String(arg(0))}`);
          return { t: 'border', range: parent.range, edge: String(arg(0)) };
        }
        break;
      case 'names':
        if (m === 'add') return { t: 'name', name: this.addName(String(arg(0)), arg(1)) };
        if (m === 'getItem' || m === 'getItemOrNullObject') {
          const n = this.state.names.find(
            (x) => x.name.toLowerCase() === String(arg(0)).toLowerCase(),
          );
          if (!n && m === 'getItem')
            throw new FakeExcelError('ItemNotFound', `no name ${String(arg(0))}`);
          return { t: 'name', name: n?.name ?? null };
        }
        if (m === 'items') return { t: 'name', name: this.state.names[Number(arg(0))]!.name };
        break;
      case 'name':
        if (m === 'getRange' || m === 'getRangeOrNullObject') {
          const n = this.state.names.find((x) => x.name === parent.name);
          if (!n?.ref || !sheetByUid(this.state, n.ref.uid)) {
            if (m === 'getRange')
              throw new FakeExcelError(
                'InvalidReference',
                `the name ${parent.name ?? '(null)'} does not refer to a range`,
              );
            return { t: 'range', uid: null, row: 0, col: 0, rows: 1, cols: 1 };
          }
          const { uid, row, col, rows, cols } = n.ref;
          return { t: 'range', uid, row, col, rows, cols };
        }
        break;
    }
    throw new FakeExcelError('ApiNotFound', `the fake has no ${parent.t}.${m}`);
  }

  private addSheet(name: string): number {
    checkSheetName(name);
    if (sheetByName(this.state, name))
      throw new FakeExcelError('ItemAlreadyExists', `a worksheet named ${name} exists`);
    const uid = this.state.nextUid++;
    this.state.sheets.push(emptySheet(uid, name));
    return uid;
  }

  private addName(name: string, reference: unknown): string {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new FakeExcelError('InvalidArgument', `not a valid name: ${name}`);
    if (this.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
      throw new FakeExcelError('ItemAlreadyExists', `the name ${name} exists`);
    let ref: { uid: number } & Rect;
    if (isObjectArg(reference)) {
      const r = this.target(reference.$ref);
      if (r.t !== 'range') throw new FakeExcelError('InvalidArgument', 'a name refers to a range');
      ref = { ...r, uid: this.sheet(r.uid).uid };
    } else {
      const p = parseReference(String(reference));
      const s = sheetByName(this.state, p.sheet);
      if (!s) throw new FakeExcelError('InvalidReference', `no worksheet ${p.sheet}`);
      ref = { uid: s.uid, row: p.row, col: p.col, rows: p.rows, cols: p.cols };
    }
    this.state.names.push({ name, ref });
    return name;
  }

  private set(t: Target, p: string, v: unknown): void {
    switch (t.t) {
      case 'sheet': {
        const s = this.sheet(t.uid);
        if (p === 'name') {
          checkSheetName(String(v));
          const other = sheetByName(this.state, String(v));
          if (other && other.uid !== s.uid)
            throw new FakeExcelError('ItemAlreadyExists', `a worksheet named ${String(v)} exists`);
          s.name = String(v);
          return;
        }
        if (p === 'visibility') {
          if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
            throw new FakeExcelError('InvalidArgument', `visibility ${String(v)}`);
          if (
            v !== 'Visible' &&
            this.state.sheets.filter((x) => x.visibility === 'Visible' && x.uid !== s.uid)
              .length === 0
          ) {
            throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
          }
          s.visibility = v;
          return;
        }
        break;
      }
      case 'range': {
        const s = this.sheet(t.uid);
        if (p === 'formulas' || p === 'values') return this.writeCells(s, t, v, p);
        if (p === 'numberFormat') {
          this.guardEdit(s, t, 'format');
          eachCell(t, matrix(t, v, p), (row, col, x) => {
            if (x !== null && x !== undefined) cell(s, row, col).numberFormat = String(x);
          });
          return;
        }
        if (p === 'columnHidden') {
          this.guardEdit(s, t, 'columns');
          for (let c = t.col; c < t.col + t.cols; c++) (s.columns[c] ??= {}).hidden = Boolean(v);
          return;
        }
        break;
      }
      case 'format': {
        const s = this.sheet(t.range.uid);
        if (p === 'columnWidth') {
          this.guardEdit(s, t.range, 'columns');
          if (typeof v !== 'number' || v < 0 || v > 255 * 7.5)
            throw new FakeExcelError('InvalidArgument', `column width ${String(v)}`);
          for (let c = t.range.col; c < t.range.col + t.range.cols; c++)
            (s.columns[c] ??= {}).width = v;
          return;
        }
        if (p === 'rowHeight') {
          // Every row the range touches, whatever its columns: a height belongs to the whole row.
          this.guardEdit(s, t.range, 'rows');
          if (typeof v !== 'number' || v < 0 || v > ROW_HEIGHT_MAX)
            throw new FakeExcelError('InvalidArgument', `row height ${String(v)}`);
          if (t.range.rows > 1_048_576)
            throw new FakeExcelError('InvalidArgument', 'the fake does not size every row');
          for (let r = t.range.row; r < t.range.row + t.range.rows; r++)
            ((s.rows ??= {})[r] ??= {}).height = v;
          return;
        }
        const field = (
          {
            horizontalAlignment: 'horizontal',
            verticalAlignment: 'vertical',
            wrapText: 'wrap',
          } as const
        )[p as 'wrapText'];
        if (field)
          return this.format(s, t.range, (f) => ((f as Record<string, unknown>)[field] = v));
        break;
      }
      case 'font': {
        const field = (
          {
            name: 'fontName',
            size: 'fontSize',
            bold: 'bold',
            italic: 'italic',
            color: 'fontColor',
          } as const
        )[p as 'name'];
        if (field)
          return this.format(
            this.sheet(t.range.uid),
            t.range,
            (f) => ((f as Record<string, unknown>)[field] = v),
          );
        break;
      }
      case 'fill':
        if (p === 'color')
          return this.format(this.sheet(t.range.uid), t.range, (f) => (f.fill = String(v)));
        break;
      case 'cellProtection':
        if (p === 'locked')
          return this.format(this.sheet(t.range.uid), t.range, (f) => (f.locked = Boolean(v)));
        break;
      case 'border':
        if (p === 'style' || p === 'color' || p === 'weight')
          return this.border(t.range, t.edge, p, String(v));
        break;
      case 'dataValidation':
        if (p === 'rule' || p === 'prompt' || p === 'errorAlert' || p === 'ignoreBlanks')
          return this.validation(t.range, p, v);
        break;
      case 'pageLayout': {
        const s = this.sheet(t.uid);
        if (p === 'orientation' || p === 'paperSize' || p === 'zoom') {
          (s.pageLayout ??= {})[p] = v as never;
          return;
        }
        if (PAGE_MARGINS.includes(p)) {
          if (typeof v !== 'number' || !(v >= 0))
            throw new FakeExcelError('InvalidArgument', `${p}: a margin in points, 0 or more`);
          ((s.pageLayout ??= {}).margins ??= {})[p as PageMargin] = v;
          return;
        }
        break;
      }
      case 'headerFooter': {
        const s = this.sheet(t.uid);
        if (HEADER_FOOTER_SECTIONS.includes(p)) {
          if (typeof v !== 'string' || v.length > HEADER_FOOTER_MAX)
            throw new FakeExcelError(
              'InvalidArgument',
              `${p}: at most ${HEADER_FOOTER_MAX} characters`,
            );
          ((s.pageLayout ??= {}).headersFooters ??= {})[p as 'leftHeader'] = v;
          return;
        }
        break;
      }
    }
    throw new FakeExcelError('ApiNotFound', `the fake cannot set ${t.t}.${p}`);
  }

  private call(t: Target, m: string, a: unknown[]): void {
    switch (t.t) {
      case 'application':
        if (m === 'suspendApiCalculationUntilNextSync') {
          this.requireApi(1.6, 'Application.suspendApiCalculationUntilNextSync');
          this.state.calculationSuspended = true;
          return;
        }
        break;
      case 'sheet': {
        const s = this.sheet(t.uid);
        if (m === 'delete') {
          if (s.visibility === 'VeryHidden')
            throw new FakeExcelError(
              'InvalidOperation',
              `${s.name} is veryHidden: make it visible before deleting it`,
            );
          if (
            s.visibility === 'Visible' &&
            this.state.sheets.filter((x) => x.visibility === 'Visible').length === 1
          ) {
            throw new FakeExcelError(
              'InvalidOperation',
              'the last visible sheet cannot be deleted',
            );
          }
          this.state.sheets = this.state.sheets.filter((x) => x.uid !== s.uid);
          for (const n of this.state.names) if (n.ref?.uid === s.uid) n.ref = null;
          if (this.state.activeUid === s.uid)
            this.state.activeUid = this.state.sheets.find((x) => x.visibility === 'Visible')!.uid;
          return;
        }
        if (m === 'activate') {
          if (s.visibility !== 'Visible')
            throw new FakeExcelError('InvalidOperation', 'a hidden sheet cannot be activated');
          this.state.activeUid = s.uid;
          return;
        }
        break;
      }
      case 'range':
        if (m === 'merge') {
          const s = this.sheet(t.uid);
          this.guardEdit(s, t, 'format');
          if (a[0]) throw new FakeExcelError('ApiNotFound', 'the fake merges whole areas only');
          if (s.merges.some((x) => overlaps(x, t)))
            throw new FakeExcelError('InvalidOperation', 'merged areas may not overlap');
          s.merges.push({ row: t.row, col: t.col, rows: t.rows, cols: t.cols });
          return;
        }
        break;
      case 'freezePanes': {
        const s = this.sheet(t.uid);
        if (m === 'freezeAt') {
          const r = isObjectArg(a[0])
            ? this.target(a[0].$ref)
            : { t: 'range' as const, uid: s.uid, ...parseAddress(String(a[0])) };
          if (r.t !== 'range')
            throw new FakeExcelError('InvalidArgument', 'freezeAt takes a range');
          s.freeze = { rows: r.row + r.rows, cols: r.col + r.cols };
          return;
        }
        if (m === 'freezeRows') return void (s.freeze = { rows: Number(a[0]), cols: 0 });
        break;
      }
      case 'protection': {
        const s = this.sheet(t.uid);
        if (m === 'protect') {
          if (s.protection.protected)
            throw new FakeExcelError('InvalidOperation', `${s.name} is already protected`);
          s.protection = {
            protected: true,
            ...(a[0] ? { options: a[0] as Excel.WorksheetProtectionOptions } : {}),
            ...(a[1] ? { password: String(a[1]) } : {}),
          };
          return;
        }
        if (m === 'unprotect') {
          if (s.protection.password && s.protection.password !== a[0])
            throw new FakeExcelError('InvalidArgument', 'wrong password');
          s.protection = { protected: false };
          return;
        }
        break;
      }
      case 'name':
        if (m === 'delete') {
          const before = this.state.names.length;
          this.state.names = this.state.names.filter((n) => n.name !== t.name);
          if (this.state.names.length === before)
            throw new FakeExcelError('ItemNotFound', `no name ${t.name ?? '(null)'}`);
          return;
        }
        break;
      case 'pageLayout':
        if (m === 'setPrintTitleRows')
          return void ((this.sheet(t.uid).pageLayout ??= {}).printTitleRows = String(a[0]));
        if (m === 'setPrintArea')
          return void ((this.sheet(t.uid).pageLayout ??= {}).printArea = String(a[0]));
        break;
      case 'dataValidation':
        if (m === 'clear') {
          const s = this.sheet(t.range.uid);
          this.guardEdit(s, t.range, 'format');
          eachCell(t.range, undefined, (row, col) => delete cell(s, row, col).validation);
          return;
        }
        break;
    }
    throw new FakeExcelError('ApiNotFound', `the fake has no ${t.t}.${m}()`);
  }

  private load(t: Target): LoadResult {
    switch (t.t) {
      case 'worksheets':
        return {
          items: this.state.sheets.map((s, i) => ({
            $id: this.itemId('worksheets', i),
            name: s.name,
            visibility: s.visibility,
            position: i,
          })),
        };
      case 'names':
        return {
          items: this.state.names.map((n, i) => ({
            $id: this.itemId('names', i),
            ...this.nameSnapshot(n.name),
          })),
        };
      case 'sheet': {
        const s = t.uid === null ? undefined : sheetByUid(this.state, t.uid);
        if (!s) return { isNullObject: true };
        return {
          isNullObject: false,
          name: s.name,
          visibility: s.visibility,
          position: this.state.sheets.indexOf(s),
        };
      }
      case 'name':
        return t.name === null
          ? { isNullObject: true }
          : { isNullObject: false, ...this.nameSnapshot(t.name) };
      case 'range': {
        if (t.uid === null) return { isNullObject: true };
        const s = this.sheet(t.uid);
        const grid = <T>(f: (c: CellState | undefined) => T) =>
          Array.from({ length: t.rows }, (_, r) =>
            Array.from({ length: t.cols }, (_, c) => f(s.cells[key(t.row + r, t.col + c)])),
          );
        return {
          isNullObject: false,
          rowIndex: t.row,
          columnIndex: t.col,
          rowCount: t.rows,
          columnCount: t.cols,
          values: grid(valueOf),
          formulas: grid((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ''))),
          valueTypes: grid((c) => valueType(valueOf(c))),
          numberFormat: grid((c) => c?.numberFormat ?? 'General'),
        };
      }
      case 'protection':
        return { protected: this.sheet(t.uid).protection.protected };
    }
    throw new FakeExcelError('ApiNotFound', `the fake cannot load ${t.t}`);
  }

  /** Collection items get ids from Excel's answer; counted from 1,000,000, the same on every replay. */
  private itemId(collection: 'worksheets' | 'names', index: number): number {
    const id = this.nextItemId++;
    const s = collection === 'worksheets' ? this.state.sheets[index]! : undefined;
    this.targets.set(
      id,
      s ? { t: 'sheet', uid: s.uid } : { t: 'name', name: this.state.names[index]!.name },
    );
    return id;
  }

  private nameSnapshot(name: string): LoadResult {
    const n = this.state.names.find((x) => x.name === name)!;
    const s = n.ref ? sheetByUid(this.state, n.ref.uid) : undefined;
    if (!n.ref || !s) return { name, type: 'Error', value: '#REF!' };
    return {
      name,
      type: 'Range',
      value: `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.name) ? s.name : `'${s.name.replace(/'/g, "''")}'`}!${addressOf(n.ref)}`,
    };
  }

  private guardEdit(s: SheetState, r: Rect, what: 'cells' | 'format' | 'columns' | 'rows'): void {
    if (!s.protection.protected) return;
    const o = s.protection.options ?? {};
    if (what === 'columns' && o.allowFormatColumns) return;
    if (what === 'rows' && o.allowFormatRows) return;
    if (what === 'cells') {
      let locked = false;
      eachCell(r, undefined, (row, col) => {
        if (s.cells[key(row, col)]?.format?.locked !== false) locked = true;
      });
      if (!locked) return;
    }
    throw new FakeExcelError('AccessDenied', `${s.name} is protected: the cells are locked`);
  }

  private writeCells(s: SheetState, r: RangeT, v: unknown, p: 'formulas' | 'values'): void {
    this.guardEdit(s, r, 'cells');
    eachCell(r, matrix(r, v, p), (row, col, x) => {
      if (x === null || x === undefined) return; // null leaves a cell as it is
      const c = cell(s, row, col);
      delete c.value;
      delete c.formula;
      delete c.quotePrefix;
      delete c.computed;
      const parsed = parseWritten(x as Scalar, c.numberFormat);
      Object.assign(c, parsed);
      if (parsed.formula !== undefined && parsed.formula.length > FORMULA_MAX)
        throw new FakeExcelError(
          'InvalidArgument',
          `a formula longer than ${FORMULA_MAX} characters at ${addressOf({ row, col, rows: 1, cols: 1 })}`,
        );
    });
  }

  private format(s: SheetState, r: Rect, f: (fmt: CellFormat) => void): void {
    this.guardEdit(s, r, 'format');
    eachCell(r, undefined, (row, col) => f((cell(s, row, col).format ??= {})));
  }

  private border(r: RangeT, edge: string, p: keyof BorderState, v: string): void {
    const s = this.sheet(r.uid);
    this.guardEdit(s, r, 'format');
    const side = (row: number, col: number, which: 'top' | 'bottom' | 'left' | 'right') => {
      const f = (cell(s, row, col).format ??= {});
      ((f.borders ??= {})[which] ??= {})[p] = v;
    };
    const last = { row: r.row + r.rows - 1, col: r.col + r.cols - 1 };
    eachCell(r, undefined, (row, col) => {
      if (edge === 'EdgeTop' && row === r.row) side(row, col, 'top');
      if (edge === 'EdgeBottom' && row === last.row) side(row, col, 'bottom');
      if (edge === 'EdgeLeft' && col === r.col) side(row, col, 'left');
      if (edge === 'EdgeRight' && col === last.col) side(row, col, 'right');
      if (edge === 'InsideHorizontal') {
        if (row > r.row) side(row, col, 'top');
        if (row < last.row) side(row, col, 'bottom');
      }
      if (edge === 'InsideVertical') {
        if (col > r.col) side(row, col, 'left');
        if (col < last.col) side(row, col, 'right');
      }
    });
  }

  private validation(
    r: RangeT,
    p: 'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks',
    v: unknown,
  ): void {
    const s = this.sheet(r.uid);
    this.guardEdit(s, r, 'format');
    if (p === 'prompt') {
      const x = v as Excel.DataValidationPrompt;
      if ((x.title ?? '').length > PROMPT_TITLE_MAX || (x.message ?? '').length > PROMPT_MAX)
        throw new FakeExcelError('InvalidArgument', `prompt too long: ${x.title}`);
    }
    if (p === 'errorAlert') {
      const x = v as Excel.DataValidationErrorAlert;
      if ((x.title ?? '').length > PROMPT_TITLE_MAX || (x.message ?? '').length > ERROR_MAX)
        throw new FakeExcelError('InvalidArgument', `error alert too long: ${x.title}`);
    }
    if (p === 'rule') {
      const rule = v as Excel.DataValidationRule;
      if (rule.list && String(rule.list.source).length > 255)
        throw new FakeExcelError('InvalidArgument', 'a list source longer than 255 characters');
    }
    eachCell(r, undefined, (row, col) => {
      const c = cell(s, row, col);
      if (p !== 'rule' && !c.validation?.rule)
        throw new FakeExcelError(
          'InvalidOperation',
          'set the validation rule before its prompt and alert',
        );
      (c.validation ??= {})[p] = v as never;
      // A new rule ignores blanks unless told otherwise (DataValidation.ignoreBlanks: "Default is true").
      if (p === 'rule') c.validation.ignoreBlanks ??= true;
    });
  }
}

function isObjectArg(v: unknown): v is ObjectArg {
  return typeof v === 'object' && v !== null && typeof (v as ObjectArg).$ref === 'number';
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw new FakeExcelError('InvalidArgument', `not a valid sheet name: ${name}`);
}

function cell(s: SheetState, row: number, col: number): CellState {
  return (s.cells[key(row, col)] ??= {});
}

function eachCell(
  r: Rect,
  values: unknown[][] | undefined,
  f: (row: number, col: number, v: unknown) => void,
): void {
  if (r.rows * r.cols > 5_000_000)
    throw new FakeExcelError('InvalidArgument', 'the fake does not format whole sheets');
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) f(r.row + i, r.col + j, values?.[i]?.[j]);
}

/** Office.js takes a 2-D array of exactly the range's shape. */
function matrix(r: Rect, v: unknown, p: string): unknown[][] {
  if (
    !Array.isArray(v) ||
    v.length !== r.rows ||
    v.some((row) => !Array.isArray(row) || row.length !== r.cols)
  ) {
    throw new FakeExcelError(
      'InvalidArgument',
      `${p}: the array's dimensions do not match the size of the range (${r.rows} × ${r.cols})`,
    );
  }
  return v as unknown[][];
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

function usedBox(s: SheetState): Rect | undefined {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  for (const [k, c] of Object.entries(s.cells)) {
    if (c.value === undefined && c.formula === undefined) continue;
    const [row, col] = k.split(',').map(Number) as [number, number];
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom < 0
    ? undefined
    : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function valueOf(c: CellState | undefined): Scalar {
  if (!c) return '';
  if (c.formula !== undefined) return c.computed ?? '';
  return c.value ?? '';
}

function valueType(v: Scalar): string {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(v) ? 'Error' : 'String';
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function addressOf(r: Rect): string {
  const a = `$${columnLetters(r.col)}$${r.row + 1}`;
  return r.rows === 1 && r.cols === 1
    ? a
    : `${a}:$${columnLetters(r.col + r.cols - 1)}$${r.row + r.rows}`;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const DATE =
  /^(\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?|\d{1,2}:\d{2}(:\d{2})?)$/;
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i;

/**
 * What Excel stores for a value written through values/formulas, as if typed: an apostrophe
 * keeps the rest as text; "=…" is a formula, and so is "+x", "-x" or "@x" that is not a number;
 * numbers, percentages, dates and TRUE/FALSE are converted — unless the cell is formatted as text.
 */
export function parseWritten(x: Scalar, numberFormat: string | undefined): Partial<CellState> {
  if (typeof x !== 'string') return { value: x };
  if (x === '') return {};
  if (x.startsWith("'")) return { value: x.slice(1), quotePrefix: true };
  if (numberFormat === '@') return { value: x };
  if (x.startsWith('=') && x.length > 1) return { formula: x.slice(1) };
  const t = x.trim();
  if (t !== '' && NUMBER.test(t.replace(/%$/, '')) && /\d/.test(t)) {
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    return { value: t.endsWith('%') ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  if (DATE.test(t) || MONTH.test(t))
    return { value: Number.isNaN(Date.parse(t)) ? 0 : Date.parse(t) / 86_400_000 + 25569 };
  if (/^[+\-@]/.test(x) && x.length > 1) return { formula: x.slice(/^[+\-]/.test(x) ? 0 : 1) };
  return { value: x };
}
