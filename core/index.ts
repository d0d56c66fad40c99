/** The pure core: no files, no network, no Office.js. Runs in Node and in the task pane. */
export * from './text.ts';
export * from './issues.ts';
export * from './messages.ts';
export * from './template/schema.ts';
export * from './template/parse-template.ts';
export * from './template/check-template.ts';
export * from './rules/read-input.ts';
export * from './rules/score-rule.ts';
export * from './rules/score-bands.ts';
export * from './profile/resolve-profile.ts';
export * from './engine/evaluate.ts';
export * from './inputs/collect-inputs.ts';
export * from './grades/grade-bands.ts';
export * from './grades/volunteer-stars.ts';
export * from './rules/describe-rule.ts';
