/**
 * What the task pane needs from a spreadsheet host, and nothing of how a host does it: read the
 * contract cells back by name, and apply a workbook model (its sheets, its names, the sheets
 * protected last, an earlier generation's sheets and names replaced). Generate, Check and the
 * pane talk to this interface only.
 *
 * Office.js is one implementation (office-host.ts, over office-reader.ts and office-writer.ts);
 * the tests hand the pane the recording fake of Excel the same way (addin/fake/fake-host.ts).
 * A second host — WPS's JS add-ins drive an object model shaped like VBA's (Worksheets.Add,
 * Range.Formula, Names.Add, Worksheet.Protect) — is one new set of files: its reader, its
 * writer and an entry page script that finds it; what is host-neutral about reading and
 * replacing (contract-reading.ts, sheet-replacement.ts, sheet-batches.ts) serves it too.
 */
import type { ContractCells, SheetGrid, WorkbookModel } from '../../core/index.ts';

export interface WorkbookReading extends ContractCells {
  /** Names found, contract names only. */
  names: string[];
  /** Round trips to the host it took. */
  syncs: number;
}

export interface WriteReport {
  /** Round trips to the host it took. */
  syncs: number;
  /** Sheets of an earlier generation that were replaced. */
  replaced: string[];
}

export interface SpreadsheetHost {
  /** The open workbook's `_scorebook` metadata and every contract name's cell. */
  readContractCells(): Promise<WorkbookReading>;
  /**
   * Writes the model into the open workbook: replaces the sheets and contract names of an
   * earlier generation, throws SheetConflictError (writing nothing) when a sheet of the same
   * name is not scorebook's, and protects the sheets last.
   */
  applyWorkbookModel(model: WorkbookModel): Promise<WriteReport>;
  /**
   * The sheets of a template defined in the open workbook (a definition workbook's Settings,
   * Indicators … sheets), or undefined when it has no indicators sheet.
   */
  readDefinitionSheets(): Promise<SheetGrid[] | undefined>;
}
