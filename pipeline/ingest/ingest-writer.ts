/**
 * Decides what each file's outcome does to the store (ingested, unchanged, replaced, rejected)
 * and writes batches of them, each batch one transaction through DuckDB appenders. A crash
 * loses at most the open batch, which a re-run writes again: every file ends up in the store
 * exactly once.
 */
import { basename } from 'node:path';
import {
  DuckDBTimestampTZValue,
  listValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { issue, message, type Issue, type Lang, type Template } from '../../core/index.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { syncSizeBands } from '../store/size-bands.ts';
import { appendRows, createTableSql, type Table } from '../store/table-declaration.ts';
import {
  DIMENSION_SCORES,
  GROUP_SCORES,
  INDICATOR_SCORES,
  ORGANIZATIONS,
  REJECTIONS,
  SUBMISSIONS,
  VOLUNTEER_STARS,
  type RejectionRow,
} from '../store/tables.ts';
import { shippedTemplates } from '../templates/registry.ts';
import {
  aboutFrom,
  type FileOutcome,
  type RejectedAbout,
  type RejectionReason,
  type SubmissionRecord,
} from './file-outcome.ts';

export type Status = 'ingested' | 'unchanged' | 'replaced' | 'rejected';

/**
 * What makes two returns the same return: organization, period, selection (template, version,
 * profile hash) and evaluator (none is one). In SQL and in JS alike, joined by U+001F.
 */
const RETURN_KEY_SQL = `concat_ws(chr(31), org_id, coalesce(period, ''), template_id, template_version, coalesce(profile_hash, ''), coalesce(evaluator, ''))`;

function returnKey(s: SubmissionRecord['submission']): string {
  return [
    s.org_id,
    s.period,
    s.template_id,
    s.template_version,
    s.profile_hash,
    s.evaluator ?? '',
  ].join('\u001f');
}

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  replaced: number;
  flagged: number;
  /** stored returns with applicable indicators left blank: kept, not ranked */
  partial: number;
  /** stored returns whose weights differ from the issued ones */
  weights_changed: number;
  /** stored workbooks saved without cached values (not compared, not flagged) */
  not_calculated: number;
  /**
   * stored returns of a workbook generated again for the same organization, period, selection
   * and evaluator (a new workbook id): the later-generated one is current, not a second evaluator
   */
  regenerated: number;
  rejected: { file: string; reason: string; message: string }[];
  /** Files stored as given whose figures the template calls implausible (a rule's warnAbove). */
  warnings: { file: string; message: string }[];
}

/** A file of this run that took a workbook id: taken back if another organization claims the id in this run. */
interface RunFile {
  hash: string;
  file: string;
  org: string;
  /** what the file names, should a conflict reject it, and what the summary counted of it */
  about: SubmissionRecord['submission'];
  status: 'ingested' | 'replaced' | 'unchanged';
  regenerated?: boolean;
}

/**
 * Who a workbook id belongs to. An id already in the database belongs to the organization of
 * its first stored version, whatever this run brings; an id new to the database belongs to the
 * one organization this run's files give it, or, once two organizations claim it, to none: every
 * file of it is rejected, whichever came first, so the outcome does not depend on file order.
 */
interface Claim {
  /** the organization of the id's first stored version; undefined for an id new to the database */
  stored?: string;
  /** the highest version stored or to be stored */
  version: number;
  /** this run's files of an id new to the database, until a conflict takes them back */
  mine: RunFile[];
  /** each organization that claimed an id new to the database in this run, with its first file */
  orgs: Map<string, string>;
  conflicted: boolean;
}

/**
 * A batch: one transaction. Its records are appended while it fills, a few at a time between
 * the files being read, so that closing it leaves only the appenders' last rows and the commit
 * to wait for, not every row of a thousand files at once (which kept the other readers idle for
 * a fifth of a second and put the last batch's rows after all reading, on one core).
 */
interface Pending {
  /** accepted, not yet appended */
  records: SubmissionRecord[];
  /** appended in the batch's open transaction: what its organizations' rows are made from */
  appended: { hash: string; org: SubmissionRecord['org'] }[];
  versions: Map<string, number>;
  /**
   * organizations whose current returns must be worked out again after the batch: those with
   * a new version of a workbook id, a return of a regenerated workbook, or one withdrawn. A
   * first return of its organization, period, selection and evaluator is current as appended.
   */
  touched: Set<string>;
  rejections: RejectionRow[];
  /**
   * submissions already appended (in an earlier batch, or in this one before a conflict took
   * them back) to delete before the batch commits, and their organizations
   */
  withdraw: string[];
  withdrawnOrgs: Set<string>;
  /** no more files join the batch: append what is left, then commit */
  closed: boolean;
  /** reading failed: roll the batch back */
  abandoned: boolean;
  /** the batch's writer has started */
  started: boolean;
  /** wakes the batch's writer, waiting for records */
  wake?: () => void;
}

const emptyPending = (): Pending => ({
  records: [],
  appended: [],
  versions: new Map(),
  touched: new Set(),
  rejections: [],
  withdraw: [],
  withdrawnOrgs: new Set(),
  closed: false,
  abandoned: false,
  started: false,
});

/** Records appended between two turns of the event loop: the readers' replies are seen between. */
const APPEND_SLICE = 16;

/**
 * The tables that hold a record's rows besides its submission: appended with it, and deleted
 * with it when a workbook-id conflict takes it back.
 */
const RECORD_TABLES: readonly Table<SubmissionRecord>[] = [
  INDICATOR_SCORES,
  DIMENSION_SCORES,
  GROUP_SCORES,
  VOLUNTEER_STARS,
];

export class IngestWriter {
  readonly summary: IngestSummary = {
    ingested: 0,
    unchanged: 0,
    replaced: 0,
    flagged: 0,
    partial: 0,
    weights_changed: 0,
    not_calculated: 0,
    regenerated: 0,
    rejected: [],
    warnings: [],
  };
  private pending = emptyPending();

  private constructor(
    private readonly con: DuckDBConnection,
    private readonly hashes: Set<string>,
    private readonly claims: Map<string, Claim>,
    private readonly rejectionKeys: Set<string>,
    /** organizations already in the store: a new one is appended, a known one updated */
    private readonly orgs: Set<string>,
    /** each return key (returnKey) → the workbook ids stored or taken in this run under it */
    private readonly returns: Map<string, Set<string>>,
    private readonly now: string,
  ) {}

  private get stamp(): DuckDBTimestampTZValue {
    return new DuckDBTimestampTZValue(BigInt(Date.parse(this.now)) * 1000n);
  }

  /**
   * The writer of a run over `con`. The store learns the sizes of `templates` (the templates
   * the run reads returns with) first, so that the view bench_org_size can band their figures.
   */
  static async open(
    con: DuckDBConnection,
    templates: Iterable<Template> = shippedTemplates().values(),
  ): Promise<IngestWriter> {
    await inTransaction(con, () => syncSizeBands(con, templates));
    const hashes = new Set(
      (await con.runAndReadAll('SELECT content_hash FROM submissions'))
        .getRows()
        .map((r) => String(r[0])),
    );
    const claims = new Map<string, Claim>();
    for (const r of (
      await con.runAndReadAll(
        'SELECT workbook_id, arg_min(org_id, version), max(version) FROM submissions GROUP BY workbook_id',
      )
    ).getRows()) {
      claims.set(String(r[0]), {
        stored: String(r[1]),
        version: Number(r[2]),
        mine: [],
        orgs: new Map(),
        conflicted: false,
      });
    }
    const rejectionKeys = new Set(
      (
        await con.runAndReadAll(
          "SELECT file || '|' || coalesce(content_hash, '') || '|' || reason FROM rejections",
        )
      )
        .getRows()
        .map((r) => String(r[0])),
    );
    const orgs = new Set(
      (await con.runAndReadAll('SELECT org_id FROM organizations'))
        .getRows()
        .map((r) => String(r[0])),
    );
    const returns = new Map<string, Set<string>>();
    for (const r of (
      await con.runAndReadAll(`SELECT DISTINCT ${RETURN_KEY_SQL}, workbook_id FROM submissions`)
    ).getRows()) {
      const key = String(r[0]);
      let ids = returns.get(key);
      if (!ids) returns.set(key, (ids = new Set()));
      ids.add(String(r[1]));
    }
    return new IngestWriter(
      con,
      hashes,
      claims,
      rejectionKeys,
      orgs,
      returns,
      new Date().toISOString(),
    );
  }

  get pendingCount(): number {
    const p = this.pending;
    return p.records.length + p.appended.length + p.rejections.length;
  }

  accept(outcome: FileOutcome, lang: Lang): Status {
    if (outcome.kind === 'rejection') {
      this.reject(outcome.file, outcome.hash, outcome.reason, outcome.message, {
        code: outcome.code,
        params: outcome.params,
        about: outcome.about,
      });
      return 'rejected';
    }
    const r = outcome.record;
    const id = r.submission.workbook_id;
    const org = r.submission.org_id;
    let claim = this.claims.get(id);
    if (this.hashes.has(r.hash)) {
      // A copy of a file of this run shares its fate if a conflict takes that file back.
      if (claim?.mine.some((f) => f.hash === r.hash))
        claim.mine.push({
          hash: r.hash,
          file: r.file,
          org,
          about: r.submission,
          status: 'unchanged',
        });
      this.summary.unchanged++;
      return 'unchanged';
    }
    if (claim?.stored !== undefined && claim.stored !== org) {
      const conflict = issue('ingest.id-conflict-db', [], { id, org, stored: claim.stored });
      this.reject(r.file, r.hash, 'workbook-id-conflict', message(conflict, lang), {
        code: conflict.code,
        params: conflict.params,
        about: aboutFrom(r.submission),
      });
      return 'rejected';
    }
    if (claim && claim.stored === undefined) {
      if (!claim.orgs.has(org)) claim.orgs.set(org, r.file);
      if (claim.orgs.size > 1 && !claim.conflicted) {
        claim.conflicted = true;
        for (const f of claim.mine) this.withdraw(id, claim, f, lang);
        claim.mine = [];
      }
      if (claim.conflicted) {
        this.rejectConflict(r.file, r.hash, id, claim, r.submission, lang);
        return 'rejected';
      }
    }
    if (!claim)
      this.claims.set(
        id,
        (claim = { version: 0, mine: [], orgs: new Map([[org, r.file]]), conflicted: false }),
      );
    const version = claim.version + 1;
    const status: 'ingested' | 'replaced' = version > 1 ? 'replaced' : 'ingested';
    claim.version = version;
    const key = returnKey(r.submission);
    let ids = this.returns.get(key);
    if (!ids) this.returns.set(key, (ids = new Set()));
    // Another workbook's return of the same organization, period, selection and evaluator: the
    // workbook was generated again, not filled by a second evaluator.
    const regenerated = !ids.has(id) && ids.size > 0;
    ids.add(id);
    if (version > 1 || regenerated) this.pending.touched.add(org);
    if (regenerated) this.summary.regenerated++;
    if (claim.stored === undefined)
      claim.mine.push({
        hash: r.hash,
        file: r.file,
        org,
        about: r.submission,
        status,
        regenerated,
      });
    this.hashes.add(r.hash);
    this.pending.records.push(r);
    this.pending.versions.set(r.hash, version);
    this.write();
    this.summary[status]++;
    this.tally(r.submission, 1);
    for (const w of r.warnings)
      this.summary.warnings.push({ file: r.file, message: message(w, lang) });
    return status;
  }

  /** Counts (or, taken back, uncounts) what the summary says of a stored return. */
  private tally(s: SubmissionRecord['submission'], by: 1 | -1): void {
    if (s.flagged) this.summary.flagged += by;
    if (!s.complete) this.summary.partial += by;
    if (s.weights_changed) this.summary.weights_changed += by;
    if (s.calculated === false) this.summary.not_calculated += by;
  }

  /** Rejects a file of an id two organizations claimed in this run, naming the other one and its file. */
  private rejectConflict(
    file: string,
    hash: string,
    id: string,
    claim: Claim,
    about: SubmissionRecord['submission'],
    lang: Lang,
  ): void {
    const org = about.org_id;
    const [other, otherFile] = [...claim.orgs].find(([o]) => o !== org)!;
    const conflict = issue('ingest.id-conflict-run', [], {
      id,
      org,
      other,
      otherFile: basename(otherFile),
    });
    this.reject(file, hash, 'workbook-id-conflict', message(conflict, lang), {
      code: conflict.code,
      params: conflict.params,
      about: aboutFrom(about),
    });
  }

  /** A file of this run that took the id before another organization claimed it: rejected too, stored or not yet. */
  private withdraw(id: string, claim: Claim, f: RunFile, lang: Lang): void {
    this.summary[f.status]--;
    if (f.status !== 'unchanged') {
      this.tally(f.about, -1);
      if (f.regenerated) this.summary.regenerated--;
      // The id is new to the store and every file of it is rejected: it files no return.
      this.returns.get(returnKey(f.about))?.delete(id);
      const p = this.pending;
      const idx = p.records.findIndex((x) => x.hash === f.hash);
      if (idx >= 0) p.records.splice(idx, 1);
      else {
        const at = p.appended.findIndex((x) => x.hash === f.hash);
        if (at >= 0) p.appended.splice(at, 1);
        p.withdraw.push(f.hash);
        p.withdrawnOrgs.add(f.org);
        // Stored in an earlier batch, it may have been current in another's stead.
        p.touched.add(f.org);
        this.write();
      }
      p.versions.delete(f.hash);
      this.hashes.delete(f.hash);
    }
    this.rejectConflict(f.file, f.hash, id, claim, f.about, lang);
  }

  private reject(
    file: string,
    hash: string | null,
    reason: RejectionReason,
    message: string,
    why: { code: string; params: Issue['params']; about: RejectedAbout | undefined },
  ): void {
    this.summary.rejected.push({ file, reason, message });
    // One row per file, content and reason: a re-run adds nothing, a copy under another name is its own row.
    const key = `${file}|${hash ?? ''}|${reason}`;
    if (this.rejectionKeys.has(key)) return;
    this.rejectionKeys.add(key);
    this.pending.rejections.push({
      file,
      hash,
      reason,
      message,
      org_id: why.about?.org_id ?? null,
      period: why.about?.period ?? null,
      template_id: why.about?.template_id ?? null,
      code: why.code,
      params: JSON.stringify(why.params ?? {}),
    });
    this.write();
  }

  /** Every batch's writer, chained: batches are written one after another, never interleaved. */
  private inflight: Promise<void> = Promise.resolve();
  /** Settles when the batch closed last is committed (or failed). */
  private lastClosed: Promise<void> = Promise.resolve();

  /**
   * Closes the batch being filled (its writer appends what is left and commits, behind the
   * batch before it) and returns once the batch closed before it is committed: reading goes on
   * while DuckDB commits, with at most one batch being committed and one being filled. A failed
   * batch fails every later call.
   */
  async flushBehind(): Promise<void> {
    const previous = this.lastClosed;
    this.lastClosed = this.close();
    await previous;
  }

  /**
   * Resolves once no batch is being written, whether it succeeded or not (before closing the
   * store). A batch still open is rolled back: the run failed before it was full.
   */
  async settled(): Promise<void> {
    const p = this.pending;
    p.abandoned = true;
    p.closed = true;
    p.wake?.();
    await this.inflight.catch(() => {});
  }

  /** Writes the pending batch and waits until everything is committed. */
  async flush(): Promise<void> {
    await this.close();
  }

  private close(): Promise<void> {
    const p = this.pending;
    this.pending = emptyPending();
    p.closed = true;
    p.wake?.();
    return this.inflight;
  }

  /** Starts the filling batch's writer (once), or wakes it to append what has come. */
  private write(): void {
    const p = this.pending;
    if (p.started) return p.wake?.();
    p.started = true;
    const next = this.inflight.then(() => this.writeBatch(p));
    // Awaited by the next flush; marked handled here so a failure is not reported twice.
    next.catch(() => {});
    this.inflight = next;
  }

  private async writeBatch(p: Pending): Promise<void> {
    const con = this.con;
    const newOrgs = await inTransaction(con, async () => {
      const stamp = this.stamp;
      const submissions = await con.createAppender(SUBMISSIONS.name);
      const rows: DuckDBAppender[] = [];
      for (const t of RECORD_TABLES) rows.push(await con.createAppender(t.name));
      for (;;) {
        if (p.abandoned) throw new Error('ingest: reading failed; the open batch is rolled back');
        const r = p.records.shift();
        if (r) {
          appendRows(submissions, SUBMISSIONS, { records: [r], versions: p.versions, stamp });
          RECORD_TABLES.forEach((t, k) => appendRows(rows[k]!, t, r));
          p.appended.push({ hash: r.hash, org: r.org });
          if (p.appended.length % APPEND_SLICE === 0)
            await new Promise<void>((resolve) => setImmediate(resolve));
        } else if (p.closed) break;
        else {
          await new Promise<void>((resolve) => (p.wake = resolve));
          p.wake = undefined;
        }
      }
      for (const a of [submissions, ...rows]) a.closeSync();
      for (const hash of p.withdraw) {
        for (const t of [...RECORD_TABLES, SUBMISSIONS])
          await con.run(`DELETE FROM ${t.name} WHERE content_hash = $1`, [hash]);
      }
      const added = await this.upsertOrganizations(p.appended.map((a) => a.org));
      await this.append(REJECTIONS, { rejections: p.rejections, stamp });
      if (p.withdrawnOrgs.size) {
        // An organization known only from a file taken back is not kept: as if that file had never been read.
        await con.run(
          'DELETE FROM organizations o WHERE list_contains($1::VARCHAR[], o.org_id) AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.org_id = o.org_id)',
          [listValue([...p.withdrawnOrgs])],
        );
      }
      if (p.touched.size) {
        // One current return per organization, period, selection and evaluator: the highest
        // version of its workbook id, and of several workbook ids (a workbook generated again)
        // the one generated last, then ingested last. History stays. A workbook id belongs to
        // one organization, so its organizations' rows are all there is to weigh.
        await con.run(
          `UPDATE submissions SET is_current = c.cur
           FROM (SELECT content_hash, latest AND row_number() OVER (
                          PARTITION BY ${RETURN_KEY_SQL}, latest
                          ORDER BY made DESC, ingested_at DESC, version DESC) = 1 AS cur
                 FROM (SELECT *, version = max(version) OVER (PARTITION BY workbook_id) AS latest,
                              coalesce(try_cast(nullif(generated_at, '') AS TIMESTAMPTZ), ingested_at) AS made
                       FROM submissions WHERE list_contains($1::VARCHAR[], org_id))) c
           WHERE submissions.content_hash = c.content_hash`,
          [listValue([...p.touched])],
        );
      }
      return added;
    });
    // Known once committed: a batch rolled back leaves them new to the store.
    for (const id of newOrgs) this.orgs.add(id);
  }

  /** The organizations of a batch: new ones appended, known ones updated. Returns the new ids. */
  private async upsertOrganizations(orgs: SubmissionRecord['org'][]): Promise<string[]> {
    // The latest return speaks for the organization's name, region and type.
    const latest = new Map<string, SubmissionRecord['org']>();
    for (const o of orgs) latest.set(o.org_id, o);
    const fresh = [...latest.values()].filter((o) => !this.orgs.has(o.org_id));
    const known = [...latest.values()].filter((o) => this.orgs.has(o.org_id));
    // Most organizations of a run are new to the store: an append, no conflict to resolve.
    if (fresh.length) await this.append(ORGANIZATIONS, { orgs: fresh, stamp: this.stamp });
    if (!known.length) return fresh.map((o) => o.org_id);
    // Known ones in one statement per batch: an INSERT per organization cost about a millisecond each.
    await this.con.run(
      createTableSql(ORGANIZATIONS, {
        temp: true,
        ifNotExists: true,
        name: 'stage_organizations',
        constraints: false,
      }),
    );
    await this.con.run('DELETE FROM stage_organizations');
    const a = await this.con.createAppender('stage_organizations', 'main', 'temp');
    appendRows(a, ORGANIZATIONS, { orgs: known, stamp: this.stamp });
    a.closeSync();
    await this.con.run(
      `INSERT INTO organizations SELECT * FROM stage_organizations
       ON CONFLICT (org_id) DO UPDATE SET org_name = excluded.org_name, region = excluded.region, org_type = excluded.org_type, updated_at = excluded.updated_at`,
    );
    return fresh.map((o) => o.org_id);
  }

  private async append<S>(table: Table<S>, source: S): Promise<void> {
    const a = await this.con.createAppender(table.name);
    appendRows(a, table, source);
    a.closeSync();
  }
}
