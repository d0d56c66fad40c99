/** The JSON Schema editors use is generated from the zod schema; the committed copy must not drift. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateJsonSchema } from '../../pipeline/templates/json-schema.ts';
import { TEMPLATES_DIR } from '../../pipeline/templates/registry.ts';

describe('templates/template.schema.json', () => {
  it('equals what npm run schema generates', () => {
    expect(readFileSync(join(TEMPLATES_DIR, 'template.schema.json'), 'utf8')).toBe(
      templateJsonSchema(),
    );
  });

  it('offers completion for rule kinds and requires both languages', () => {
    const schema = JSON.parse(templateJsonSchema());
    const text = JSON.stringify(schema);
    for (const kind of ['binary', 'bands', 'linear', 'scale', 'manual', 'record'])
      expect(text).toContain(`"const":"${kind}"`);
    expect(schema.properties.title.required).toEqual(['zh-CN', 'en']);
  });

  it('every shipped template points editors at it', () => {
    for (const f of [
      'gbt-40143-2021.yaml',
      'tnssq-2022-standard-quality.yaml',
      'tssof-0001-2024-basic.yaml',
      'tssof-0001-2024-development.yaml',
    ]) {
      expect(readFileSync(join(TEMPLATES_DIR, f), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./template.schema.json',
      );
    }
  });
});
