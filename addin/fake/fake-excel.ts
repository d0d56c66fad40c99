/**
 * A small recording fake of the Excel JavaScript API: only the members scorebook's add-in uses.
 * Like Office.js, nothing happens until context.sync(): property sets and method calls are
 * queued as operations, a property read before load() + sync() throws, and each sync sends one
 * request. Every request is recorded (its operations and its size as JSON), so tests can count
 * syncs, check the order and the payload, and replay the log into a fresh workbook.
 */
import { FakeExcelEngine, type LoadResult, type ObjectArg, type Op } from './apply-op.ts';
import {
  FakeExcelError,
  cloneState,
  newWorkbookState,
  type WorkbookState,
} from './workbook-state.ts';

export interface SyncRecord {
  ops: Op[];
  /** UTF-8 bytes of the request as JSON. */
  bytes: number;
  /** Set when Excel refused one of the operations: its index and the error. */
  failed?: { at: number; code: string; message: string };
}

export interface RecordedLog {
  apiVersion: number;
  initial: WorkbookState;
  syncs: SyncRecord[];
}

export interface FakeExcelOptions {
  apiVersion?: number;
  state?: WorkbookState;
}

export class FakeExcel {
  engine: FakeExcelEngine;
  readonly log: RecordedLog;
  private nextId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    const state = opts.state ?? newWorkbookState();
    const apiVersion = opts.apiVersion ?? 1.8;
    this.log = { apiVersion, initial: cloneState(state), syncs: [] };
    this.engine = new FakeExcelEngine(state, apiVersion);
  }

  get state(): WorkbookState {
    return this.engine.state;
  }

  /** Excel.run(batch): a fresh request context for the batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /** The part of Office.context.requirements the add-in asks. */
  isSetSupported(name: string, version?: string): boolean {
    return name === 'ExcelApi' && Number(version ?? '1.1') <= this.log.apiVersion + 1e-9;
  }

  newId(): number {
    return this.nextId++;
  }

  /** Forgets the recorded requests (the workbook stays as it is). */
  resetLog(): void {
    // A fresh engine too: collection items are numbered per engine, and a replay starts at one.
    this.engine = new FakeExcelEngine(this.state, this.log.apiVersion);
    this.log.initial = cloneState(this.state);
    this.log.syncs = [];
  }
}

type Loaded = { target: FakeObject; index: number };

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private pending: Op[] = [];
  private loads: Loaded[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, 0);
  }

  queue(op: Op, loader?: FakeObject): void {
    if (loader) this.loads.push({ target: loader, index: this.pending.length });
    this.pending.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    const loads = new Map(this.loads.map((l) => [l.index, l.target]));
    this.pending = [];
    this.loads = [];
    const record: SyncRecord = { ops, bytes: new TextEncoder().encode(JSON.stringify(ops)).length };
    this.excel.log.syncs.push(record);
    try {
      ops.forEach((op, i) => {
        try {
          const result = this.excel.engine.apply(op);
          if (result) loads.get(i)?.receive(result);
        } catch (e) {
          record.failed = {
            at: i,
            code: e instanceof FakeExcelError ? e.code : 'GeneralException',
            message: (e as Error).message,
          };
          throw e;
        }
      });
    } finally {
      this.excel.engine.endBatch();
    }
  }
}

function argOf(v: unknown): unknown {
  return v instanceof FakeObject ? ({ $ref: v.id } satisfies ObjectArg) : v;
}

function plainCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

class FakeObject {
  private loaded: LoadResult | undefined;
  private children = new Map<string, FakeObject>();

  constructor(
    protected readonly ctx: FakeContext,
    readonly id: number,
  ) {}

  protected child<T extends FakeObject>(
    Cls: new (ctx: FakeContext, id: number) => T,
    m: string,
    args: unknown[] = [],
    cache = false,
  ): T {
    const cacheKey = cache ? m : undefined;
    if (cacheKey && this.children.has(cacheKey)) return this.children.get(cacheKey) as T;
    const id = this.ctx.excel.newId();
    this.ctx.queue({
      k: 'new',
      id,
      from: this.id,
      m,
      ...(args.length ? { a: args.map(argOf) } : {}),
    });
    const obj = new Cls(this.ctx, id);
    if (cacheKey) this.children.set(cacheKey, obj);
    return obj;
  }

  protected setProp(p: string, v: unknown): void {
    this.ctx.queue({ k: 'set', id: this.id, p, v: plainCopy(v) });
  }

  protected invoke(m: string, args: unknown[] = []): void {
    this.ctx.queue({ k: 'call', id: this.id, m, ...(args.length ? { a: args.map(argOf) } : {}) });
  }

  protected getProp<T>(p: string): T {
    if (!this.loaded || !(p in this.loaded)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded[p] as T;
  }

  load(props?: string | string[]): this {
    const list =
      props === undefined
        ? []
        : Array.isArray(props)
          ? props
          : props.split(',').map((s) => s.trim());
    this.ctx.queue({ k: 'load', id: this.id, p: list }, this);
    return this;
  }

  receive(result: LoadResult): void {
    this.loaded = { ...(this.loaded ?? {}), ...result };
  }

  get isNullObject(): boolean {
    return this.getProp<boolean>('isNullObject');
  }

  protected itemsOf<T extends FakeObject>(Cls: new (ctx: FakeContext, id: number) => T): T[] {
    return this.getProp<(LoadResult & { $id: number })[]>('items').map((it) => {
      const obj = new Cls(this.ctx, it.$id);
      obj.receive(it);
      return obj;
    });
  }
}

class FakeWorkbook extends FakeObject {
  get worksheets() {
    return this.child(FakeWorksheetCollection, 'worksheets', [], true);
  }
  get names() {
    return this.child(FakeNamedItemCollection, 'names', [], true);
  }
  get application() {
    return this.child(FakeApplication, 'application', [], true);
  }
}

class FakeApplication extends FakeObject {
  suspendApiCalculationUntilNextSync(): void {
    this.invoke('suspendApiCalculationUntilNextSync');
  }
}

class FakeWorksheetCollection extends FakeObject {
  add(name: string) {
    return this.child(FakeWorksheet, 'add', [name]);
  }
  getItem(name: string) {
    return this.child(FakeWorksheet, 'getItem', [name]);
  }
  getItemOrNullObject(name: string) {
    return this.child(FakeWorksheet, 'getItemOrNullObject', [name]);
  }
  get items() {
    return this.itemsOf(FakeWorksheet);
  }
}

class FakeWorksheet extends FakeObject {
  get name(): string {
    return this.getProp('name');
  }
  set name(v: string) {
    this.setProp('name', v);
  }
  get visibility(): string {
    return this.getProp('visibility');
  }
  set visibility(v: string) {
    this.setProp('visibility', v);
  }
  get position(): number {
    return this.getProp('position');
  }
  getRange(address?: string) {
    return this.child(FakeRange, 'getRange', address === undefined ? [] : [address]);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
    return this.child(FakeRange, 'getRangeByIndexes', [row, col, rows, cols]);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean) {
    return this.child(
      FakeRange,
      'getUsedRangeOrNullObject',
      valuesOnly === undefined ? [] : [valuesOnly],
    );
  }
  get freezePanes() {
    return this.child(FakeFreezePanes, 'freezePanes', [], true);
  }
  get protection() {
    return this.child(FakeWorksheetProtection, 'protection', [], true);
  }
  get pageLayout() {
    return this.child(FakePageLayout, 'pageLayout', [], true);
  }
  delete(): void {
    this.invoke('delete');
  }
  activate(): void {
    this.invoke('activate');
  }
}

class FakeRange extends FakeObject {
  get values(): unknown[][] {
    return this.getProp('values');
  }
  set values(v: unknown[][]) {
    this.setProp('values', v);
  }
  get formulas(): unknown[][] {
    return this.getProp('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setProp('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.getProp('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setProp('numberFormat', v);
  }
  get valueTypes(): string[][] {
    return this.getProp('valueTypes');
  }
  get rowIndex(): number {
    return this.getProp('rowIndex');
  }
  get columnIndex(): number {
    return this.getProp('columnIndex');
  }
  set columnHidden(v: boolean) {
    this.setProp('columnHidden', v);
  }
  get format() {
    return this.child(FakeRangeFormat, 'format', [], true);
  }
  get dataValidation() {
    return this.child(FakeDataValidation, 'dataValidation', [], true);
  }
  merge(across?: boolean): void {
    this.invoke('merge', [across ?? false]);
  }
}

class FakeRangeFormat extends FakeObject {
  set horizontalAlignment(v: string) {
    this.setProp('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.setProp('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this.setProp('wrapText', v);
  }
  set columnWidth(v: number) {
    this.setProp('columnWidth', v);
  }
  set rowHeight(v: number) {
    this.setProp('rowHeight', v);
  }
  get font() {
    return this.child(FakeFont, 'font', [], true);
  }
  get fill() {
    return this.child(FakeFill, 'fill', [], true);
  }
  get borders() {
    return this.child(FakeBorders, 'borders', [], true);
  }
  get protection() {
    return this.child(FakeCellProtection, 'protection', [], true);
  }
}

class FakeFont extends FakeObject {
  set name(v: string) {
    this.setProp('name', v);
  }
  set size(v: number) {
    this.setProp('size', v);
  }
  set bold(v: boolean) {
    this.setProp('bold', v);
  }
  set italic(v: boolean) {
    this.setProp('italic', v);
  }
  set color(v: string) {
    this.setProp('color', v);
  }
}

class FakeFill extends FakeObject {
  set color(v: string) {
    this.setProp('color', v);
  }
}

class FakeBorders extends FakeObject {
  getItem(edge: string) {
    return this.child(FakeBorder, 'getItem', [edge]);
  }
}

class FakeBorder extends FakeObject {
  set style(v: string) {
    this.setProp('style', v);
  }
  set color(v: string) {
    this.setProp('color', v);
  }
  set weight(v: string) {
    this.setProp('weight', v);
  }
}

class FakeCellProtection extends FakeObject {
  set locked(v: boolean) {
    this.setProp('locked', v);
  }
}

class FakeDataValidation extends FakeObject {
  set rule(v: Excel.DataValidationRule) {
    this.setProp('rule', v);
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.setProp('prompt', v);
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.setProp('errorAlert', v);
  }
  set ignoreBlanks(v: boolean) {
    this.setProp('ignoreBlanks', v);
  }
  clear(): void {
    this.invoke('clear');
  }
}

class FakeFreezePanes extends FakeObject {
  freezeAt(range: FakeRange | string): void {
    this.invoke('freezeAt', [range]);
  }
  freezeRows(count: number): void {
    this.invoke('freezeRows', [count]);
  }
}

class FakeWorksheetProtection extends FakeObject {
  get protected(): boolean {
    return this.getProp('protected');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.invoke(
      'protect',
      password === undefined ? [options ?? null] : [options ?? null, password],
    );
  }
  unprotect(password?: string): void {
    this.invoke('unprotect', password === undefined ? [] : [password]);
  }
}

class FakePageLayout extends FakeObject {
  set orientation(v: string) {
    this.setProp('orientation', v);
  }
  set paperSize(v: string) {
    this.setProp('paperSize', v);
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.setProp('zoom', v);
  }
  set leftMargin(v: number) {
    this.setProp('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.setProp('rightMargin', v);
  }
  set topMargin(v: number) {
    this.setProp('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.setProp('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.setProp('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.setProp('footerMargin', v);
  }
  setPrintTitleRows(rows: string): void {
    this.invoke('setPrintTitleRows', [rows]);
  }
  setPrintArea(area: string): void {
    this.invoke('setPrintArea', [area]);
  }
  get headersFooters() {
    return this.child(FakeHeaderFooterGroup, 'headersFooters', [], true);
  }
}

class FakeHeaderFooterGroup extends FakeObject {
  get defaultForAllPages() {
    return this.child(FakeHeaderFooter, 'defaultForAllPages', [], true);
  }
}

class FakeHeaderFooter extends FakeObject {
  set leftHeader(v: string) {
    this.setProp('leftHeader', v);
  }
  set centerHeader(v: string) {
    this.setProp('centerHeader', v);
  }
  set rightHeader(v: string) {
    this.setProp('rightHeader', v);
  }
  set leftFooter(v: string) {
    this.setProp('leftFooter', v);
  }
  set centerFooter(v: string) {
    this.setProp('centerFooter', v);
  }
  set rightFooter(v: string) {
    this.setProp('rightFooter', v);
  }
}

class FakeNamedItemCollection extends FakeObject {
  add(name: string, reference: FakeRange | string) {
    return this.child(FakeNamedItem, 'add', [name, reference]);
  }
  getItem(name: string) {
    return this.child(FakeNamedItem, 'getItem', [name]);
  }
  getItemOrNullObject(name: string) {
    return this.child(FakeNamedItem, 'getItemOrNullObject', [name]);
  }
  get items() {
    return this.itemsOf(FakeNamedItem);
  }
}

class FakeNamedItem extends FakeObject {
  get name(): string {
    return this.getProp('name');
  }
  get type(): string {
    return this.getProp('type');
  }
  get value(): unknown {
    return this.getProp('value');
  }
  getRange() {
    return this.child(FakeRange, 'getRange');
  }
  getRangeOrNullObject() {
    return this.child(FakeRange, 'getRangeOrNullObject');
  }
  delete(): void {
    this.invoke('delete');
  }
}

/** Replays a recorded log into a fresh copy of its starting workbook, stopping where Excel refused. */
export function replayLog(log: RecordedLog): WorkbookState {
  const engine = new FakeExcelEngine(cloneState(log.initial), log.apiVersion);
  for (const sync of log.syncs) {
    const ops = sync.failed ? sync.ops.slice(0, sync.failed.at) : sync.ops;
    for (const op of ops) engine.apply(op);
    engine.endBatch();
  }
  return engine.state;
}
