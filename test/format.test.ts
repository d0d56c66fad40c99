/**
 * The code is as the formatter writes it (.prettierrc.json: lines of about 100 characters), so
 * that a diff shows what changed, not how someone's editor wraps. `npm run format` fixes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

describe('formatting', () => {
  it('every source file is formatted as prettier writes it (run npm run format)', async () => {
    const files = await glob('**/*.{ts,mjs,js,css,html}', {
      cwd: ROOT,
      ignore: [
        'node_modules/**',
        'demo/**',
        'dist/**',
        'out/**',
        'test-artifacts/**',
        'scratch/**',
      ],
    });
    expect(files.length).toBeGreaterThan(100);
    const unformatted: string[] = [];
    for (const f of files) {
      const path = join(ROOT, f);
      const info = await prettier.getFileInfo(path, { ignorePath: join(ROOT, '.prettierignore') });
      if (info.ignored || !info.inferredParser) continue;
      const options = { ...(await prettier.resolveConfig(path)), filepath: path };
      if (!(await prettier.check(readFileSync(path, 'utf8'), options))) unformatted.push(f);
    }
    expect(unformatted).toEqual([]);
  });
});
