/**
 * The user's template files that could not be used (a syntax error, an alias bomb, a duplicate
 * id …), noted by the registry when it reads SCOREBOOK_TEMPLATES and said once per command,
 * at its end, by the CLI: one bad file does not stop the others being used. Apart from the
 * registry so that the CLI can ask without loading (or compiling) any template.
 */
import type { Issue } from '../../core/issues.ts';

const problems: Issue[] = [];

export function noteTemplateProblems(issues: readonly Issue[]): void {
  problems.push(...issues);
}

/** The problems noted and not yet said; each is handed out once. */
export function takeTemplateProblems(): Issue[] {
  return problems.splice(0);
}
