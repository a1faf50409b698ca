/**
 * `npm run policy:publish`: validates policy/, then publishes the current version: appends its entry to
 * policy/published.lock.json and writes policy/versions/v<N>.json (its source, verbatim). Refuses when the
 * version is already published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLock, publication } from '../statement/lock';
import { POLICY_PATHS } from '../statement/policy';
import {
  compileTranslation,
  TRANSLATION_PATHS,
  translationSnapshotName,
  translationSnapshotText,
} from '../statement/translation';
import { checkRepositoryPolicy, failOnProblems } from './policy-cli';
import { POLICY_DIR, readPolicyFiles } from './policy-files';

const dir = POLICY_DIR;
const check = checkRepositoryPolicy(dir);
failOnProblems(check);
const current = check.current;
if (!current) process.exit(1);
// Translations are published on their own: a new one for a version already published needs no new version.
const translationsDir = join(dir, TRANSLATION_PATHS.folder, TRANSLATION_PATHS.published);
for (const source of check.unpublishedTranslations) {
  const name = translationSnapshotName(source, compileTranslation(source).hash);
  mkdirSync(translationsDir, { recursive: true });
  writeFileSync(join(translationsDir, name), translationSnapshotText(source));
  console.log(
    `published the ${source.locale} translation of version ${source.translates.version}: wrote policy/${TRANSLATION_PATHS.folder}/${TRANSLATION_PATHS.published}/${name}; commit it`,
  );
}
if (check.status === 'published' && check.unpublishedTranslations.length > 0) process.exit(0);
if (check.status !== 'new') {
  console.error(
    `policy/statement.yml: [version-already-published] version ${current.version} is already published; edit the statement and raise its version to publish a new one`,
  );
  process.exit(1);
}

const files = publication(current, parseLock(readPolicyFiles(dir).lockText, POLICY_PATHS.lock).entries);
mkdirSync(join(dir, POLICY_PATHS.versions), { recursive: true });
writeFileSync(join(dir, POLICY_PATHS.versions, files.snapshotName), files.snapshotText);
writeFileSync(join(dir, POLICY_PATHS.lock), files.lockText);
console.log(`published version ${current.version} (${current.effectiveDate}) hash ${check.hash ?? ''}`);
console.log(`wrote policy/${POLICY_PATHS.versions}/${files.snapshotName} and policy/${POLICY_PATHS.lock}; commit both`);
