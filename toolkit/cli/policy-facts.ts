/**
 * The statement facts as they are on disk: policy/ compiled now, not the catalog an earlier build wrote to
 * src/generated (which may be stale, or absent in a fresh clone). What `npm run evidence:check` checks by default.
 */
import { join } from 'node:path';
import type { StatementFacts } from '../../src/domain/statement/types';
import { checkPolicy } from '../statement/policy';
import { formatProblem } from '../statement/problems';
import { readPolicyFiles } from './policy-files';

export type PolicyFacts = { facts: StatementFacts; problems?: undefined } | { facts?: undefined; problems: string[] };

/** The facts of the current statement in `root`/policy (published or not), or its problems as `file:line` lines. */
export function factsFromPolicy(root: string): PolicyFacts {
  const check = checkPolicy(readPolicyFiles(join(root, 'policy')));
  if (check.problems.length > 0) return { problems: check.problems.map(formatProblem) };
  if (!check.current) return { problems: ['policy/statement.yml: no statement to check'] };
  return { facts: check.current.facts };
}
