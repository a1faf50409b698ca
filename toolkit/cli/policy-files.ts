/** Reads a policy folder (statement, sections, lock, snapshots) into the pure checker's `PolicyFiles`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { POLICY_PATHS, type PolicyFiles } from '../statement/policy';
import { TEMPLATE_STATEMENT } from '../statement/placeholders';
import { problem, type StatementProblem } from '../statement/problems';
import { TRANSLATION_PATHS, type TranslationFiles } from '../statement/translation';
import { parseYaml } from '../statement/yaml-lines';

export const REPO_ROOT = join(__dirname, '..', '..');
export const POLICY_DIR = join(REPO_ROOT, 'policy');
export const GENERATED_CATALOG = join(REPO_ROOT, 'src', 'generated', 'statements.json');

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function readFolder(dir: string, accept: (name: string) => boolean): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (accept(name)) out[name] = readFileSync(join(dir, name), 'utf8');
  }
  return out;
}

/** Each translations/<locale>/ folder with a translation.yml, and its sections. */
function readTranslations(dir: string, shown: string): TranslationFiles[] {
  const root = join(dir, TRANSLATION_PATHS.folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== TRANSLATION_PATHS.published)
    .filter((entry) => existsSync(join(root, entry.name, TRANSLATION_PATHS.file)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      const folder = join(root, entry.name);
      const sections = readFolder(join(folder, POLICY_PATHS.sections), (name) => name.endsWith('.md'));
      return {
        file: `${shown}/${TRANSLATION_PATHS.folder}/${entry.name}/${TRANSLATION_PATHS.file}`,
        folderLocale: entry.name,
        text: readFileSync(join(folder, TRANSLATION_PATHS.file), 'utf8'),
        sectionTexts: Object.fromEntries(
          Object.entries(sections).map(([name, text]) => [`${POLICY_PATHS.sections}/${name}`, text]),
        ),
      };
    });
}

/** `dir` is an absolute folder; problems name it relative to the repository (`policy`). */
export function readPolicyFiles(folder: string = POLICY_DIR): PolicyFiles {
  const dir = resolve(folder);
  const sections = readFolder(join(dir, POLICY_PATHS.sections), (name) => name.endsWith('.md'));
  const shown = relative(REPO_ROOT, dir).split('\\').join('/') || '.';
  return {
    dir: shown,
    statementText: readIfExists(join(dir, POLICY_PATHS.statement)),
    sectionTexts: Object.fromEntries(
      Object.entries(sections).map(([name, text]) => [`${POLICY_PATHS.sections}/${name}`, text]),
    ),
    lockText: readIfExists(join(dir, POLICY_PATHS.lock)),
    snapshotTexts: readFolder(join(dir, POLICY_PATHS.versions), (name) => name.endsWith('.json')),
    translations: readTranslations(dir, shown),
    translationSnapshotTexts: readFolder(join(dir, TRANSLATION_PATHS.folder, TRANSLATION_PATHS.published), (name) =>
      name.endsWith('.json'),
    ),
  };
}

/** The `name` in APP_DIR/package.json, when there is one. */
function ownPackageName(appDir: string): string | undefined {
  const text = readIfExists(join(appDir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const name = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A vendor's statement that kept the template's vendor name (this repository's policy/statement.yml, copied),
 * whatever its id says; the parser itself refuses it only under another id, since this repository's own
 * statement is the template. `privacy-panel build` (for deploy) and `publish` add it for every app but one:
 * the rule is that the template vendor is refused unless APP_DIR's own package.json is named `privacy-panel`
 * (the package the template belongs to).
 */
export function templateVendorProblem(files: PolicyFiles, appDir: string): StatementProblem | undefined {
  if (files.statementText === undefined) return undefined;
  if (ownPackageName(appDir) === TEMPLATE_STATEMENT.ownerPackage) return undefined;
  const parsed = parseYaml(files.statementText);
  const top = parsed.value as { id?: unknown; facts?: { vendor?: { name?: unknown } } } | null | undefined;
  const name = top?.facts?.vendor?.name;
  // Under another id the parser already reports it (placeholder-vendor).
  if (top?.id !== TEMPLATE_STATEMENT.id || typeof name !== 'string') return undefined;
  if (name.trim().toLowerCase() !== TEMPLATE_STATEMENT.vendorName.toLowerCase()) return undefined;
  const path = ['facts', 'vendor', 'name'];
  return problem(
    `${files.dir}/${POLICY_PATHS.statement}`,
    parsed.locate.line(path),
    'placeholder-vendor',
    `facts.vendor.name is the template's vendor name "${TEMPLATE_STATEMENT.vendorName}": write your own`,
  );
}
