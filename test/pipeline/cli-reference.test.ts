/** docs/cli.md and the READMEs' reference are the CLI's own help; regenerate them with npm run docs:cli when a command changes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReference, embedCliReference } from '../../pipeline/cli/cli-reference.ts';

describe('the CLI reference', () => {
  it('docs/cli.md equals the help of every command', () => {
    expect(readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')).toBe(
      cliReference(),
    );
  });

  for (const name of ['README.md', 'README.zh-CN.md']) {
    it(`${name} carries the help of every command`, () => {
      const readme = readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
      expect(embedCliReference(readme), `${name} lacks the cli-reference markers`).not.toBeNull();
      expect(readme).toBe(embedCliReference(readme));
    });
  }

  it('covers every verb', () => {
    const text = cliReference();
    for (const verb of [
      'templates list',
      'templates show',
      'templates check',
      'score',
      'generate',
      'fill',
      'ingest',
      'status',
      'benchmark',
      'export',
      'report',
    ]) {
      expect(text).toContain(`### \`scorebook ${verb}\``);
    }
  });
});
