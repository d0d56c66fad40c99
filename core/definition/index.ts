/** Templates as definition workbooks (sheets of plain cells), both ways, and between versions. */
export * from './definition-book.ts';
export * from './definition-sheets.ts';
export * from './read-definition.ts';
export * from './write-definition.ts';
export * from './locator.ts';
export { DEFINITION_MESSAGES } from './definition-messages.ts';
export * from './template-versions.ts';
export * from './template-diff.ts';
export * from './carry-answers.ts';
