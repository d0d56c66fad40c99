/** The veryHidden `_scorebook` sheet: the workbook's metadata, a key and its value a row. */
import { METADATA_KEYS, METADATA_SHEET, type WorkbookMetadata } from '../workbook/metadata.ts';
import { Grid } from './layout-context.ts';
import type { SheetSpec } from './sheet-model.ts';

export function layoutMetadata(meta: WorkbookMetadata): SheetSpec {
  const metaGrid = new Grid();
  METADATA_KEYS.forEach((k, i) => {
    metaGrid.set(i, 0, { value: k });
    metaGrid.set(i, 1, { value: meta[k] ?? '' });
  });
  return {
    name: METADATA_SHEET,
    state: 'veryHidden',
    rows: metaGrid.rows,
    columns: [{ width: 18 }, { width: 60 }],
    merges: [],
    validations: [],
    protect: true,
  };
}
