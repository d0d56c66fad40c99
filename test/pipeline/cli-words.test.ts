/**
 * Every code the pipeline says or throws has words in core's catalogue, in both languages: a
 * code without an entry would print as the code and its parameters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { hasMessage, message } from '../../core/index.ts';
import '../../pipeline/messages/index.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const USES = [
  /\bsay\(\s*[\w.]+(?:\([\w.]*\))?,\s*'([a-z][\w.-]*)'/g,
  /\bUserError\.of\(\s*'([a-z][\w.-]*)'/g,
  /\bissue\(\s*'([a-z][\w.-]*)'/g,
];

async function codesUsed(): Promise<Map<string, string>> {
  const files = await glob(['pipeline/**/*.ts', 'bin/**/*.mjs'], { cwd: ROOT });
  const used = new Map<string, string>();
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    for (const re of USES) for (const m of text.matchAll(re)) used.set(m[1]!, f);
  }
  return used;
}

describe("the pipeline's words", () => {
  it('every code said or thrown has an entry', async () => {
    const used = await codesUsed();
    expect(used.size).toBeGreaterThan(50);
    expect(used.get('cli.from-sources')).toBe('bin/scorebook.mjs');
    const missing = [...used].filter(([code]) => !hasMessage(code)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it('every CLI entry speaks both languages, zh-CN in Chinese', async () => {
    const cli = [...(await codesUsed()).keys()].filter((c) => c.startsWith('cli.'));
    for (const code of cli) {
      const zh = message({ code, path: [], params: {} }, 'zh-CN');
      const en = message({ code, path: [], params: {} }, 'en');
      // A label chosen by a parameter (a column's name) says nothing without it.
      if (!zh && !en) continue;
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
