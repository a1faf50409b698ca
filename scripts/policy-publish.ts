/**
 * `npm run policy:publish`: validates policy/, then publishes the current version: appends its entry to
 * policy/published.lock.json and writes policy/versions/v<N>.json (its canonical source, keys sorted).
 * Refuses when the version is already published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../src/domain/canonical';
import { parseLock } from '../src/domain/statement/lock';
import { POLICY_PATHS, snapshotFileName } from '../src/domain/statement/policy';
import { checkRepositoryPolicy, failOnProblems } from './lib/policy-cli';
import { POLICY_DIR, readPolicyFiles } from './lib/policy-files';

const dir = process.argv[2] ?? POLICY_DIR;
const check = checkRepositoryPolicy(dir);
failOnProblems(check);
const current = check.current;
if (!current || !check.hash) process.exit(1);
if (check.status === 'published') {
  console.error(`policy/statement.yml: [version-already-published] version ${current.version} is already published; change the text and raise the version to publish a new one`);
  process.exit(1);
}

const lock = parseLock(readPolicyFiles(dir).lockText, 'lock');
const versions = [...lock.entries, { version: current.version, hash: check.hash, effectiveDate: current.effectiveDate }];
mkdirSync(join(dir, POLICY_PATHS.versions), { recursive: true });
// Pretty-printed canonical JSON: keys in RFC 8785 order, so the file reads well and re-hashes identically.
writeFileSync(join(dir, POLICY_PATHS.versions, snapshotFileName(current.version)), `${JSON.stringify(JSON.parse(canonicalJson(current)), null, 2)}\n`);
writeFileSync(join(dir, POLICY_PATHS.lock), `${JSON.stringify({ versions }, null, 2)}\n`);
console.log(`published version ${current.version} (${current.effectiveDate}) hash ${check.hash}`);
