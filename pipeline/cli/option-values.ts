/**
 * Parsers for numeric options. parseInt("1.5") is 1 and Number("abc") is NaN, and either would
 * quietly change what a command does (a NaN size limit switched the zip-bomb check off): a value
 * that is not what the option takes is refused with the option's name and what it takes.
 */
import { InvalidArgumentError } from 'commander';

/** A whole number ≥ min (1 by default): workers, k, batch sizes. */
export function wholeNumber(min = 1): (raw: string) => number {
  return (raw) => {
    const v = Number(raw.trim());
    if (raw.trim() === '' || !Number.isInteger(v) || v < min)
      throw new InvalidArgumentError(`give a whole number of at least ${min}.`);
    return v;
  };
}

/** A number > 0, fractions allowed: a size limit in MB. */
export function positiveNumber(raw: string): number {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v) || v <= 0)
    throw new InvalidArgumentError('give a number greater than 0.');
  return v;
}
