/** docs/cli.md is the CLI's own help; regenerate it with npm run docs:cli when a command changes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReference } from '../../pipeline/cli/cli-reference.ts';

describe('docs/cli.md', () => {
  it('equals the help of every command', () => {
    expect(readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')).toBe(cliReference());
  });

  it('covers every verb', () => {
    const text = cliReference();
    for (const verb of ['templates list', 'templates show', 'templates check', 'score', 'generate', 'fill', 'ingest', 'status', 'benchmark', 'export', 'report']) {
      expect(text).toContain(`### \`scorebook ${verb}\``);
    }
  });
});
