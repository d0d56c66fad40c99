/**
 * The templates the registry holds: every version of each id ("id@version"), the newest of each
 * id for the commands that name a template by id alone, and the check a version can only be
 * given with its predecessor at hand (each `was` code is one of the previous version's).
 */
import {
  checkSuccession,
  compareVersions,
  type Issue,
  type Template,
} from '../../core/index.ts';
import { placeIssues } from '../definition/read-definition-xlsx.ts';

/** The files a templates folder may hold: YAML and definition workbooks, not Excel's lock files. */
export const isTemplateFileName = (name: string) =>
  /\.(ya?ml|xlsx)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.~lock');

export const versionKey = (id: string, version: string) => `${id}@${version}`;

export class TemplateShelf {
  private readonly versions = new Map<string, Template>();
  private readonly files = new Map<Template, string>();

  has(id: string, version: string): boolean {
    return this.versions.has(versionKey(id, version));
  }

  add(t: Template, file?: string): void {
    this.versions.set(versionKey(t.id, t.version), t);
    if (file) this.files.set(t, file);
  }

  all(): ReadonlyMap<string, Template> {
    return this.versions;
  }

  /** The newest version of each id, in the order the ids were first added. */
  newest(): Map<string, Template> {
    const out = new Map<string, Template>();
    for (const t of this.versions.values()) {
      const held = out.get(t.id);
      if (!held || compareVersions(t.version, held.version) > 0) out.set(t.id, t);
    }
    return out;
  }

  /** Each version against the version it names as previous, where the shelf holds that one. */
  successionIssues(): Issue[] {
    const out: Issue[] = [];
    for (const t of this.versions.values()) {
      if (t.previous === undefined) continue;
      const previous = this.versions.get(versionKey(t.id, t.previous));
      if (!previous) continue;
      const file = this.files.get(t);
      out.push(
        ...placeIssues(t, checkSuccession(t, previous)).map((i) => (file ? { ...i, file } : i)),
      );
    }
    return out;
  }
}
