/**
 * What the browser test serves in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js:
 * the Office and Excel globals the task pane uses, backed by the recording fake of Excel. The
 * test sets window.__officeConfig before the page loads and reads window.__fake afterwards.
 */
import { FakeExcel } from '../../../addin/fake/fake-excel.ts';
import type { WorkbookState } from '../../../addin/fake/workbook-state.ts';

interface OfficeConfig {
  displayLanguage?: string;
  /** null: Office.js says the page is not inside an Office application (a browser tab). */
  host?: string | null;
  apiVersion?: number;
  state?: WorkbookState;
}

const w = window as unknown as {
  __officeConfig?: OfficeConfig;
  __fake: FakeExcel;
  Office: unknown;
  Excel: unknown;
};
const cfg = w.__officeConfig ?? {};
const fake = new FakeExcel({
  apiVersion: cfg.apiVersion ?? 1.8,
  ...(cfg.state ? { state: cfg.state } : {}),
});
w.__fake = fake;
w.Excel = { run: fake.run };
w.Office = {
  onReady(callback?: (info: { host: string | null; platform: string | null }) => void) {
    const host = cfg.host === undefined ? 'Excel' : cfg.host;
    const info = { host, platform: host === null ? null : 'OfficeOnline' };
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    });
  },
  context: {
    displayLanguage: cfg.displayLanguage ?? 'en-US',
    requirements: {
      isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version),
    },
  },
};
