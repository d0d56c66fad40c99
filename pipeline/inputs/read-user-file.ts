/** A file a user named could not be read: the issue that says which file and why. */
import { issue, type Issue } from '../../core/index.ts';

export function readIssue(file: string, e: unknown): Issue {
  return {
    ...issue('file.read', [], { reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
    file,
  };
}
