/**
 * The options of the verbs that compare (benchmark, report, status, export), each made once:
 * which selection and period (the chooser), which peer groups, whether partial returns rank.
 */
import { Option } from 'commander';

export function templateOption(
  description = 'template (default: the only one that fits the other options)',
): Option {
  return new Option('--template <id>', description);
}

export function profileOption(description = 'the only one that fits'): Option {
  return new Option(
    '--profile <p>',
    `selection of indicators: a profile id (annex-b-example), none (no profile: the template's own indicators), or the first digits (4 or more) of a selection's hash as listed when several fit (default: ${description})`,
  );
}

export function periodOption(description = 'period (default: the latest)'): Option {
  return new Option('--period <p>', description);
}

export function byOption(): Option {
  return new Option(
    '--by <columns>',
    'the finest peer groups: any of region,org_type,size',
  ).default('region,org_type');
}

export function fallbackOption(): Option {
  return new Option(
    '--fallback <groupings>',
    'coarser peer groups to try, in order, when an organization\'s group has fewer than k ranked organizations: groupings of --by\'s columns separated by ";", "all" for every organization, "none" for no fallback (default: drop the last column of --by one at a time, then all; e.g. "org_type;all")',
  );
}

export function includePartialOption(): Option {
  return new Option(
    '--include-partial',
    'rank partial returns (with unanswered applicable indicators, which count 0) with the complete ones',
  );
}
