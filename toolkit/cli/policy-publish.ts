/**
 * `privacy-panel publish [DIR]` (and `npm run policy:publish` on this repository): validates DIR/policy, then
 * publishes the current version: appends its entry to policy/published.lock.json and writes
 * policy/versions/v<N>.json (its source, verbatim), and each new translation's snapshot. Refuses (exit 1)
 * when the statement has problems or the version is already published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLock, publication } from '../statement/lock';
import { checkPolicy, POLICY_PATHS } from '../statement/policy';
import { formatProblem } from '../statement/problems';
import {
  compileTranslation,
  TRANSLATION_PATHS,
  translationSnapshotName,
  translationSnapshotText,
} from '../statement/translation';
import { FindingsError } from './exit-codes';
import { readPolicyFiles, templateVendorProblem } from './policy-files';

/** Publishes what DIR/policy holds; the lines say what was written. Nothing is written on a refusal. */
export function publishPolicy(appDir: string): string[] {
  const dir = join(appDir, 'policy');
  const files = { ...readPolicyFiles(dir), dir: 'policy' };
  const check = checkPolicy(files);
  const current = check.current;
  const template = templateVendorProblem(files, appDir);
  const problems = template ? [...check.problems, template] : check.problems;
  if (problems.length > 0 || !current) {
    const list = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new FindingsError(
      `${problems.length} problem(s) in the statement; nothing was written:\n${list || '  policy/statement.yml: missing'}`,
    );
  }
  const lines: string[] = [];
  // Translations are published on their own: a new one for a version already published needs no new version.
  const translationsDir = join(dir, TRANSLATION_PATHS.folder, TRANSLATION_PATHS.published);
  for (const source of check.unpublishedTranslations) {
    const name = translationSnapshotName(source, compileTranslation(source).hash);
    mkdirSync(translationsDir, { recursive: true });
    writeFileSync(join(translationsDir, name), translationSnapshotText(source));
    lines.push(
      `published the ${source.locale} translation of version ${source.translates.version}: wrote policy/${TRANSLATION_PATHS.folder}/${TRANSLATION_PATHS.published}/${name}; commit it`,
    );
  }
  if (check.status === 'published' && lines.length > 0) return lines;
  if (check.status !== 'new') {
    throw new FindingsError(
      `policy/statement.yml:${check.versionLine}: [version-already-published] version ${current.version} is already published; edit the statement and raise its version to publish a new one`,
    );
  }
  const publishing = publication(current, parseLock(files.lockText, POLICY_PATHS.lock).entries);
  mkdirSync(join(dir, POLICY_PATHS.versions), { recursive: true });
  writeFileSync(join(dir, POLICY_PATHS.versions, publishing.snapshotName), publishing.snapshotText);
  writeFileSync(join(dir, POLICY_PATHS.lock), publishing.lockText);
  lines.push(
    `published version ${current.version} (${current.effectiveDate}) hash ${check.hash ?? ''}`,
    `wrote policy/${POLICY_PATHS.versions}/${publishing.snapshotName} and policy/${POLICY_PATHS.lock}; commit both`,
  );
  return lines;
}
