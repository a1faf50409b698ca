/**
 * `npm run build:policy`: validates policy/ and writes src/generated/statements.json, the `StatementCatalog`
 * of every published version, oldest first. Fails when anything is wrong or the current version is not
 * published yet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { publishedCatalog } from '../statement/policy';
import { formatProblem } from '../statement/problems';
import { checkRepositoryPolicy, failOnProblems } from './policy-cli';
import { GENERATED_CATALOG, REPO_ROOT } from './policy-files';

const check = checkRepositoryPolicy();
failOnProblems(check);
if (check.status !== 'published' || !check.current) {
  const message = `version ${check.current?.version ?? '?'} is not published yet: run npm run policy:publish`;
  console.error(
    formatProblem({ file: check.statementFile, line: check.versionLine, rule: 'version-unpublished', message }),
  );
  process.exit(1);
}
if (check.unpublishedTranslations.length > 0) {
  for (const t of check.unpublishedTranslations) {
    const message = `the ${t.locale} translation of version ${t.translates.version} is not published yet: run npm run policy:publish`;
    console.error(
      formatProblem({
        file: `${check.statementFile.replace(/statement\.yml$/, '')}translations/${t.locale}/translation.yml`,
        line: 1,
        rule: 'translation-unpublished',
        message,
      }),
    );
  }
  process.exit(1);
}
const catalog = publishedCatalog(check);
const json = `${JSON.stringify(catalog)}\n`;
mkdirSync(dirname(GENERATED_CATALOG), { recursive: true });
writeFileSync(GENERATED_CATALOG, json);
console.log(
  `statement ${check.current.id} version ${check.current.version} (${check.current.effectiveDate}) hash ${check.hash ?? ''}\n` +
    `${catalog.versions.length} published version(s), ${catalog.translations?.length ?? 0} translation(s) → ${relative(REPO_ROOT, GENERATED_CATALOG)} (${Buffer.byteLength(json)} bytes)`,
);
