/**
 * Versions of a template: the codes a revision declares (`was`) carry answers, diffs and trends
 * to the indicator they belong to, through every version between, and never along a bare code
 * that now means another indicator; the checks say a `was` that cannot be followed.
 */
import { describe, expect, it } from 'vitest';
import {
  answerSuccession,
  carryAnswers,
  checkSuccession,
  checkTemplate,
  diffTemplates,
  resolvePlan,
  sharedIndicators,
  succession,
  type Template,
} from '../../core/index.ts';

type Ind = { id: string; zh: string; was?: string; kind?: 'binary' | 'manual' };

/** One dimension, one group, these indicators. */
function version(v: string, inds: Ind[], previous?: string): Template {
  return {
    id: 'club',
    version: v,
    ...(previous ? { previous } : {}),
    title: { 'zh-CN': '俱乐部', en: 'Club' },
    source: { standard: 'T/CLUB 1', normative: false },
    method: 'mean',
    dimensions: [
      {
        id: '1',
        name: { 'zh-CN': '基础', en: 'Basics' },
        groups: [
          {
            id: '1.1',
            name: { 'zh-CN': '设置', en: 'Setup' },
            indicators: inds.map((i) => ({
              id: i.id,
              name: { 'zh-CN': i.zh, en: i.zh },
              rule: { kind: i.kind ?? 'binary' },
              ...(i.was ? { was: i.was } : {}),
            })),
          },
        ],
      },
    ],
  };
}

const v1 = version('1.0.0', [
  { id: '1.1.1', zh: '甲' },
  { id: '1.1.2', zh: '乙' },
  { id: '1.1.3', zh: '丙' },
  { id: '1.1.4', zh: '丁' },
]);
// 乙 removed, 丙 and 丁 renumbered, 甲 renamed, 戊 added, 丁's rule changed.
const v11 = version(
  '1.1.0',
  [
    { id: '1.1.1', zh: '甲甲' },
    { id: '1.1.2', zh: '丙', was: '1.1.3' },
    { id: '1.1.3', zh: '丁', was: '1.1.4', kind: 'manual' },
    { id: '1.1.4', zh: '戊', was: 'new' },
  ],
  '1.0.0',
);
// 1.2: 戊 moves up front; nothing else declared.
const v12 = version(
  '1.2.0',
  [
    { id: '1.1.1', zh: '戊', was: '1.1.4' },
    { id: '1.1.2', zh: '甲甲', was: '1.1.1' },
    { id: '1.1.3', zh: '丙', was: '1.1.2' },
    { id: '1.1.4', zh: '丁', was: '1.1.3', kind: 'manual' },
  ],
  '1.1.0',
);
const held = new Map([v1, v11, v12].map((t) => [`${t.id}@${t.version}`, t]));
const lookup = (id: string, v: string) => held.get(`${id}@${v}`);

describe('template versions', () => {
  it('follows was, never a bare code another indicator now claims', () => {
    const s = succession(v1, v11, lookup);
    expect(s).toEqual({
      ok: true,
      by: 'was',
      map: new Map([
        ['1.1.1', '1.1.1'],
        ['1.1.3', '1.1.2'],
        ['1.1.4', '1.1.3'],
      ]),
    });
  });

  it('composes through the versions between, and says the one missing', () => {
    const s = succession(v1, v12, lookup);
    expect(s.ok && [...s.map]).toEqual([
      ['1.1.1', '1.1.2'],
      ['1.1.3', '1.1.3'],
      ['1.1.4', '1.1.4'],
    ]);
    expect(succession(v1, v12, () => undefined)).toEqual({ ok: false, missing: '1.1.0' });
  });

  it('lists exactly what changed, and suggests was where words match', () => {
    const d = diffTemplates(v1, v11, lookup).value!;
    expect(d.added.map((x) => x.id)).toEqual(['1.1.4']);
    expect(d.removed.map((x) => x.id)).toEqual(['1.1.2']);
    expect(d.renamed.map((x) => x.id)).toEqual(['1.1.1']);
    expect(d.moved.map((x) => [x.from, x.to])).toEqual([
      ['1.1.3', '1.1.2'],
      ['1.1.4', '1.1.3'],
    ]);
    expect(d.ruleChanged.map((x) => [x.from, x.to, x.rule.to])).toEqual([
      ['1.1.4', '1.1.3', 'manual'],
    ]);
    expect(d.suggestions).toEqual([]);
    // The same revision without its declarations: compared code by code, was suggested by name.
    const bare = version('1.1.0', [
      { id: '1.1.1', zh: '甲甲' },
      { id: '1.1.2', zh: '丙' },
      { id: '1.1.3', zh: '丁' },
    ]);
    const b = diffTemplates(v1, bare).value!;
    expect(b.by).toBe('ids');
    expect(b.suggestions.map((x) => [x.id, x.was])).toEqual([
      ['1.1.2', '1.1.3'],
      ['1.1.3', '1.1.4'],
    ]);
    expect(sharedIndicators(v1, v11, lookup)).toEqual([
      { from: '1.1.1', to: '1.1.1' },
      { from: '1.1.3', to: '1.1.2' },
    ]);
  });

  it('checks was against the previous version, and without it what it can', () => {
    const bad = version('1.1.0', [{ id: '1.1.1', zh: '甲', was: '1.1.9' }], '1.0.0');
    expect(checkTemplate(bad)).toEqual([]);
    expect(checkSuccession(bad, v1).map((e) => [e.code, e.path.join('.')])).toEqual([
      ['version.was-unknown', 'dimensions.0.groups.0.indicators.0.was'],
    ]);
    const noPrevious = version('1.1.0', [{ id: '1.1.1', zh: '甲', was: '1.1.1' }]);
    expect(checkTemplate(noPrevious).map((e) => e.code)).toEqual(['version.was-without-previous']);
    const twice = version(
      '1.1.0',
      [
        { id: '1.1.1', zh: '甲', was: '1.1.2' },
        { id: '1.1.2', zh: '乙', was: '1.1.2' },
      ],
      '1.1.0',
    );
    expect(checkTemplate(twice).map((e) => e.code)).toEqual([
      'version.previous-not-older',
      'version.was-twice',
    ]);
  });

  it('carries answers to the indicator they were given for', () => {
    const plan = resolvePlan(v11).value!;
    const meta = {
      template_id: 'club',
      template_version: '1.0.0',
      indicators: '1.1.1,1.1.2,1.1.3,1.1.4',
    };
    const follow = answerSuccession(meta, v11, lookup)!;
    const answers = new Map([
      ['1.1.1', { input: '是' }],
      ['1.1.2', { input: '否' }],
      ['1.1.3', { input: '否', evidence: '章程第 3 条' }],
      ['1.1.4', { input: '是' }],
    ]);
    const c = carryAnswers({ metadata: undefined, answers, rawWeights: {} }, plan, 'zh-CN', follow);
    expect(c.answers.get('1.1.1')).toEqual({ input: '符合', na: false });
    expect(c.answers.get('1.1.2')).toEqual({ input: '不符合', na: false, evidence: '章程第 3 条' });
    // 丁 was yes/no and is now scored by hand: its answer is kept in the evidence, not guessed.
    expect(c.unreadable).toEqual([{ id: '1.1.3', input: '是' }]);
    expect(c.answers.has('1.1.4')).toBe(false);
    expect(c.dropped).toEqual(['1.1.2']);
    expect(c.moved).toEqual([
      { from: '1.1.3', to: '1.1.2' },
      { from: '1.1.4', to: '1.1.3' },
    ]);
    // Without the old version at hand, the new one's own was still decides.
    expect(answerSuccession(meta, v11, () => undefined)).toEqual(follow);
  });
});
