// What a build was made from: each source file's size and modification time, relative to the
// project's root. A build (dist/cli/, the read worker's bundle) is used only while every one of its
// sources is as it was; an edited, pulled or deleted source makes it stale. Plain JavaScript:
// bin/scorebook.mjs checks it before anything else is loaded.
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest of `files` (paths relative to `root`). */
export function manifestOf(root, files) {
  const inputs = {};
  for (const file of files) {
    const st = statSync(join(root, file));
    inputs[file] = [st.size, st.mtimeMs];
  }
  return inputs;
}

/** Whether every file of the manifest is still as it was. */
export function unchanged(root, inputs) {
  try {
    for (const [file, [size, mtime]] of Object.entries(inputs)) {
      const st = statSync(join(root, file));
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
}
