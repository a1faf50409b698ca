/** Reads a policy folder (statement, sections, lock, snapshots) into the pure checker's `PolicyFiles`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { POLICY_PATHS, type PolicyFiles } from '../statement/policy';

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

/** `dir` is an absolute folder; problems name it relative to the repository (`policy`). */
export function readPolicyFiles(folder: string = POLICY_DIR): PolicyFiles {
  const dir = resolve(folder);
  const sections = readFolder(join(dir, POLICY_PATHS.sections), (name) => name.endsWith('.md'));
  return {
    dir: relative(REPO_ROOT, dir).split('\\').join('/') || '.',
    statementText: readIfExists(join(dir, POLICY_PATHS.statement)),
    sectionTexts: Object.fromEntries(
      Object.entries(sections).map(([name, text]) => [`${POLICY_PATHS.sections}/${name}`, text]),
    ),
    lockText: readIfExists(join(dir, POLICY_PATHS.lock)),
    snapshotTexts: readFolder(join(dir, POLICY_PATHS.versions), (name) => name.endsWith('.json')),
  };
}
