/** `--mode`: the evaluation mode (GB/T 40143 8.1.3), given in any of its spellings. */
import { InvalidArgumentError, Option } from 'commander';
import {
  EVALUATION_MODE_CHOICES,
  parseEvaluationMode,
  type EvaluationMode,
} from '../../core/workbook/identity.ts';

export function modeOption(description: string): Option {
  return new Option('--mode <mode>', `${description}: self, third-party or secretariat`).argParser(
    (raw: string): EvaluationMode => {
      const mode = parseEvaluationMode(raw);
      if (!mode) throw new InvalidArgumentError(`give one of ${EVALUATION_MODE_CHOICES}.`);
      return mode;
    },
  );
}
