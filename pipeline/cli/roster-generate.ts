/** Placeholder until the roster reader lands; see generate --roster. */
import type { ScoringPlan } from '../../core/index.ts';
import type { GenerateOptions } from './generate-command.ts';
import { CliExit } from './cli-context.ts';

export async function runRosterGenerate(_plan: ScoringPlan, _opts: GenerateOptions): Promise<void> {
  process.stderr.write('generate --roster is not built yet\n');
  throw new CliExit(1);
}
