/** Rewrites XML parts of an xlsx package, as a person's tool would: for tests and the demo's edited returns. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Rewrite parts of a package as a person's tool would: `edit(partName, xml) → xml`. */
export function editParts(bytes: Uint8Array, edit: (name: string, xml: string) => string): Buffer {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const before = strFromU8(files[name]!);
    const after = edit(name, before);
    if (after !== before) files[name] = strToU8(after);
  }
  return Buffer.from(zipSync(files));
}
