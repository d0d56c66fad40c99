/**
 * The recording fake of Excel as the pane's spreadsheet host, for tests: the Office.js
 * implementation run against the fake, page setup as its API version allows. What the pane asks
 * of a host is then recorded request by request, and replayable into an .xlsx.
 */
import { officeHost } from '../src/office-host.ts';
import type { SpreadsheetHost } from '../src/spreadsheet-host.ts';
import type { FakeExcel } from './fake-excel.ts';

export function fakeHost(excel: FakeExcel): SpreadsheetHost {
  return officeHost(excel.run, { pageLayout: excel.isSetSupported('ExcelApi', '1.9') });
}
