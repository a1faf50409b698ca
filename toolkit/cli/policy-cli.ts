/** Shared by the policy scripts: run the checker on policy/ and print problems. */
import { checkPolicy, type PolicyCheck } from '../statement/policy';
import { formatProblem } from '../statement/problems';
import { readPolicyFiles } from './policy-files';

export function checkRepositoryPolicy(dir?: string): PolicyCheck {
  return checkPolicy(readPolicyFiles(dir));
}

/** Prints every problem to stderr and exits 1 when there are any. */
export function failOnProblems(check: PolicyCheck): void {
  if (check.problems.length === 0) return;
  for (const p of check.problems) console.error(formatProblem(p));
  console.error(
    `\n${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} in the statement; nothing was written.`,
  );
  process.exit(1);
}
