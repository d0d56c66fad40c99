/**
 * The templates' sizes (their `size`: an indicator's figure cut into bands), kept in the table
 * size_bands so that the view bench_org_size can band each organization's figure. Written from
 * the templates this scorebook has, whenever ingest runs (and when an older file migrates): a
 * template whose size changed is rewritten, one that lost its size is removed, and a template
 * this scorebook does not have (a user's, absent from this run) keeps what it had.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Template } from '../../core/index.ts';
import { appendRows } from './table-declaration.ts';
import { SIZE_BANDS, type SizeBandRow } from './tables.ts';

export function sizeBandRows(t: Template): SizeBandRow[] {
  return (t.size?.bands ?? []).map((b, i) => ({
    template_id: t.id,
    template_version: t.version,
    indicator_id: t.size!.indicator,
    position: i + 1,
    band: b.id,
    below: b.below ?? null,
  }));
}

/** Brings size_bands in line with `templates`. Run it inside a transaction. */
export async function syncSizeBands(
  con: DuckDBConnection,
  templates: Iterable<Template>,
): Promise<void> {
  const rows = (
    await con.runAndReadAll(
      'SELECT template_id, template_version, indicator_id, position, band, below FROM size_bands ORDER BY template_id, position',
    )
  ).getRowObjectsJson() as unknown as SizeBandRow[];
  const stored = new Map<string, SizeBandRow[]>();
  for (const r of rows) stored.set(r.template_id, [...(stored.get(r.template_id) ?? []), r]);
  const fresh: SizeBandRow[] = [];
  for (const t of templates) {
    const want = sizeBandRows(t);
    const had = stored.get(t.id);
    if (JSON.stringify(want) === JSON.stringify(had ?? [])) continue;
    if (had) await con.run('DELETE FROM size_bands WHERE template_id = $1', [t.id]);
    fresh.push(...want);
  }
  if (!fresh.length) return;
  const a = await con.createAppender(SIZE_BANDS.name);
  appendRows(a, SIZE_BANDS, fresh);
  a.closeSync();
}
