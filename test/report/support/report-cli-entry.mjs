// The scorebook CLI with the report command, for as long as pipeline/cli/main.ts does not wire it yet:
// the real program from buildProgram(), the real registerReportCommand, main()'s exit-code rules.
import { register } from 'tsx/esm/api';

register();
const { runWithReport } = await import('./report-cli-program.ts');
process.exitCode = await runWithReport(process.argv.slice(2));
