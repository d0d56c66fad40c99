/**
 * Office.js as the spreadsheet host: Excel.run around the reader and the writer, page setup where
 * Excel has ExcelApi 1.9, and the start of the pane once Office says where it runs.
 */
import { readDefinitionSheets } from './office-definition-reader.ts';
import { readContractCells } from './office-reader.ts';
import { writeWorkbookModel } from './office-writer.ts';
import type { SpreadsheetHost } from './spreadsheet-host.ts';

/** Excel.run, or the recording fake's run in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function officeHost(run: ExcelRun, opts: { pageLayout: boolean }): SpreadsheetHost {
  return {
    readContractCells: () => run((ctx) => readContractCells(ctx)),
    applyWorkbookModel: (model) =>
      run((ctx) => writeWorkbookModel(ctx, model, { pageLayout: opts.pageLayout })),
    readDefinitionSheets: () => run((ctx) => readDefinitionSheets(ctx)),
  };
}

/** How the page was opened, as Office.js tells once it is ready. */
export type OfficeStart =
  | { host: SpreadsheetHost; displayLanguage: string }
  /** office.js did not load (no network, or its address is blocked). */
  | { missing: 'office-js' }
  /** office.js loaded, but the page is not inside an Office application (a browser tab). */
  | { missing: 'host' };

export async function officeStart(): Promise<OfficeStart> {
  if (typeof Office === 'undefined') return { missing: 'office-js' };
  const info = await Office.onReady();
  if (!info.host) return { missing: 'host' };
  return {
    host: officeHost((batch) => Excel.run(batch), {
      pageLayout: Office.context.requirements.isSetSupported('ExcelApi', '1.9'),
    }),
    displayLanguage: Office.context.displayLanguage,
  };
}
