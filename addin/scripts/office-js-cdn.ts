/**
 * Where the task pane loads Office.js from. Microsoft's CDN by default; for Office 365 operated
 * by 21Vianet in China, the CDN Microsoft names for that cloud in "Referencing the Office
 * JavaScript API library" (learn.microsoft.com/office/dev/add-ins/develop/
 * referencing-the-javascript-api-for-office-library-from-its-cdn, section "CDN references for
 * other Microsoft 365 environments").
 */
export const OFFICE_JS = {
  microsoft: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
} as const;

export type OfficeJsCdn = keyof typeof OFFICE_JS;

export function isOfficeJsCdn(s: string): s is OfficeJsCdn {
  return Object.hasOwn(OFFICE_JS, s);
}

/** taskpane.html with its Office.js script taken from `cdn` (the source names Microsoft's). */
export function withOfficeJs(html: string, cdn: OfficeJsCdn): string {
  const tag = `<script src="${OFFICE_JS.microsoft}"></script>`;
  if (!html.includes(tag)) throw new Error(`taskpane.html does not load ${OFFICE_JS.microsoft}`);
  return html.split(tag).join(`<script src="${OFFICE_JS[cdn]}"></script>`);
}
