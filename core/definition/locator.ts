/**
 * Where each part of a template read from a definition workbook came from: a path of the
 * template (`dimensions[1].groups[0].indicators[3].rule.bands`) → the cell it was read from. The
 * schema's and the checker's issues carry paths; this turns them into cells, by the longest
 * prefix of the path that was read from somewhere.
 */
import { formatPath, type CellLocation, type Issue, type PathSegment } from '../issues.ts';

export class Locator {
  private readonly cells = new Map<string, CellLocation>();

  set(path: readonly PathSegment[], at: CellLocation): void {
    this.cells.set(formatPath(path), at);
  }

  /** The first cell read for `path`: a parent located at its first child's cell. */
  setIfAbsent(path: readonly PathSegment[], at: CellLocation): void {
    const k = formatPath(path);
    if (!this.cells.has(k)) this.cells.set(k, at);
  }

  /** The cell of the deepest part of `path` that was read from a cell. */
  find(path: readonly PathSegment[]): CellLocation | undefined {
    for (let n = path.length; n >= 0; n--) {
      const at = this.cells.get(formatPath(path.slice(0, n)));
      if (at) return at;
    }
    return undefined;
  }

  /** Issues with paths, each at its cell. */
  place(issues: readonly Issue[]): Issue[] {
    return issues.map((i) => {
      const at = this.find(i.path);
      return at ? { ...i, cell: at } : i;
    });
  }
}
