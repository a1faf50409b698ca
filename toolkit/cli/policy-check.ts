/** `npm run policy:check`: validates policy/ (statement, sections, lock, snapshots). Writes nothing. */
import { checkRepositoryPolicy, failOnProblems } from './policy-cli';

const check = checkRepositoryPolicy();
failOnProblems(check);
const current = check.current;
if (current && check.status === 'new') {
  console.log(`policy: version ${current.version} is valid and not yet published (run npm run policy:publish)`);
} else if (current) {
  console.log(`policy: version ${current.version} is valid and published (${check.hash ?? ''})`);
}
