/**
 * `report-manifest.json` in a folder of reports: which template, selection and period its pages
 * are of, how they compare (peer groups, partial returns, k, evaluators consolidated), when they
 * were written, and which files they are. A later run into the folder for another template,
 * selection, period or way of comparing is refused (a member would open another year's page, or
 * the index would list pages whose medians were taken over other peers side by side) unless
 * `force`, which removes the pages the manifest lists and writes a new one. A run for the same comparison replaces its
 * own pages and removes those it no longer writes (an organization gone from the comparison).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeWholeSync } from '../files/write-whole.ts';
import { basename, join } from 'node:path';
import { UserError } from '../user-error.ts';
import { DEFAULT_CONSOLIDATE, type ConsolidateMethod } from '../benchmark/consolidate.ts';
import { DEFAULT_BY, peerGroupings, type PeerGroupings } from '../benchmark/peer-groupings.ts';
import { DEFAULT_MIN_GROUP } from '../store/statistics.ts';

export const MANIFEST_FILE = 'report-manifest.json';

export interface ReportManifest {
  template: string;
  template_version: string;
  profile: string | null;
  profile_hash: string;
  /** the selection as people read it */
  selection: string;
  period: string;
  /** the evaluation mode the comparison was limited to (--mode); absent for every mode */
  evaluation_mode?: string;
  /**
   * how the pages compare, as the flags that say it with the defaults left out (comparisonFlags);
   * absent for the defaults, and in a manifest written before it was recorded
   */
  comparison?: string;
  generated_at: string;
  /** every file the run wrote in the folder, the manifest aside */
  files: string[];
}

type Scope = Pick<
  ReportManifest,
  'template' | 'template_version' | 'profile_hash' | 'period' | 'evaluation_mode' | 'comparison'
>;

const same = (a: Scope, b: Scope) =>
  a.template === b.template &&
  a.template_version === b.template_version &&
  a.profile_hash === b.profile_hash &&
  a.period === b.period &&
  (a.evaluation_mode ?? null) === (b.evaluation_mode ?? null) &&
  (a.comparison ?? '') === (b.comparison ?? '');

/**
 * How a run compares, as the command-line flags that would say it, each default left out: ''
 * for --by region,org_type with its default fallback, partial returns unranked, k = 5 and the
 * evaluators' mean.
 */
export function comparisonFlags(c: {
  peers: PeerGroupings;
  includePartial: boolean;
  k: number;
  consolidate: ConsolidateMethod;
}): string {
  const flags: string[] = [];
  const by = c.peers.by.join(',');
  if (by !== DEFAULT_BY.join(',')) flags.push(`--by ${by}`);
  const named = (g: readonly string[]) => (g.length ? g.join(',') : 'all');
  const fallback = c.peers.groupings.slice(1).map(named).join(';');
  const usual = peerGroupings(c.peers.by).groupings.slice(1).map(named).join(';');
  if (fallback !== usual) flags.push(`--fallback ${fallback || 'none'}`);
  if (c.includePartial) flags.push('--include-partial');
  if (c.k !== DEFAULT_MIN_GROUP) flags.push(`--min-group ${c.k}`);
  if (c.consolidate !== DEFAULT_CONSOLIDATE) flags.push(`--consolidate ${c.consolidate}`);
  return flags.join(' ');
}

/** The selection as the refusal names it: the label, then --mode and the comparison's flags. */
const described = (m: Pick<ReportManifest, 'selection' | 'evaluation_mode' | 'comparison'>) =>
  [m.selection, m.evaluation_mode ? `--mode ${m.evaluation_mode}` : '', m.comparison ?? '']
    .filter(Boolean)
    .join(' ');

function readManifest(dir: string): ReportManifest | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as ReportManifest;
    if (typeof m.template === 'string' && typeof m.period === 'string' && Array.isArray(m.files))
      return m;
  } catch {
    // said below
  }
  throw UserError.of('reports.manifest-unreadable', { file });
}

/** Only file names the manifest lists in the folder itself: a manifest is no way to delete elsewhere. */
function removeListed(dir: string, files: readonly string[], keep: ReadonlySet<string>): void {
  for (const f of files) {
    if (typeof f !== 'string' || basename(f) !== f || f === MANIFEST_FILE || keep.has(f)) continue;
    rmSync(join(dir, f), { force: true });
  }
}

/**
 * Before writing into `dir`: refuses a folder of another comparison unless `force` (which
 * removes its listed pages); returns the files of the same comparison's earlier run.
 */
export function claimFolder(
  dir: string,
  scope: Scope & Pick<ReportManifest, 'selection'>,
  force: boolean,
): string[] {
  const old = readManifest(dir);
  if (!old) return [];
  if (same(old, scope)) return old.files;
  if (!force)
    throw UserError.of('reports.other-scope', {
      out: dir,
      template: old.template,
      version: old.template_version,
      selection: described(old),
      period: old.period,
      ours: `${scope.template} ${scope.template_version} ${described(scope)}`,
      our_period: scope.period,
    });
  removeListed(dir, old.files, new Set());
  return [];
}

/** After writing: the manifest of what is there now; `earlier` files not among them are removed when `replace`. */
export function writeManifest(
  dir: string,
  manifest: ReportManifest,
  earlier: readonly string[],
  replace: boolean,
): void {
  const now = new Set(manifest.files);
  if (replace) removeListed(dir, earlier, now);
  const files = replace ? manifest.files : [...new Set([...earlier, ...manifest.files])];
  writeWholeSync(
    join(dir, MANIFEST_FILE),
    `${JSON.stringify({ ...manifest, files: files.sort() }, null, 2)}\n`,
  );
}
