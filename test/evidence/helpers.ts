/** Copies the evidence fixture app to a temp dir so each test can break one thing. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadEvidenceInputs } from '../../toolkit/cli/evidence-inputs';
import type { KeyFamily } from '../../src/domain/storage/inventory';
import { runChecks } from '../../toolkit/evidence/run-checks';
import type { CheckReport } from '../../src/domain/evidence/types';
import type { StatementFacts } from '../../src/domain/statement/types';

export const FIXTURE = join(__dirname, '..', 'fixtures', 'evidence', 'app');
export const FACTS_FILE = 'statement-facts.json';

export interface AppCopy {
  root: string;
  editManifest(edit: (manifest: Record<string, unknown>) => void): void;
  editFacts(edit: (facts: StatementFacts) => void): void;
  write(path: string, text: string): void;
  /** Writes a backend module under src/ and exports it from the handler's module, so Forge (and the engine) load it. */
  addModule(path: string, text: string): void;
  check(inventory?: readonly KeyFamily[]): CheckReport;
  dispose(): void;
}

export function copyApp(): AppCopy {
  const root = mkdtempSync(join(tmpdir(), 'evidence-'));
  cpSync(FIXTURE, root, { recursive: true });
  return {
    root,
    editManifest(edit) {
      const file = join(root, 'manifest.yml');
      const manifest = YAML.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      edit(manifest);
      writeFileSync(file, YAML.stringify(manifest));
    },
    editFacts(edit) {
      const file = join(root, FACTS_FILE);
      const facts = JSON.parse(readFileSync(file, 'utf8')) as StatementFacts;
      edit(facts);
      writeFileSync(file, JSON.stringify(facts));
    },
    write(path, text) {
      writeFileSync(join(root, path), text);
    },
    addModule(path, text) {
      writeFileSync(join(root, path), text);
      const entry = join(root, 'src', 'index.ts');
      const module = `./${path.replace(/^src\//, '').replace(/\.ts$/, '')}`;
      writeFileSync(entry, `${readFileSync(entry, 'utf8')}export * from '${module}';\n`);
    },
    check(inventory) {
      return runChecks(
        loadEvidenceInputs(root, inventory ? { factsFile: FACTS_FILE, inventory } : { factsFile: FACTS_FILE }),
      );
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `permissions` of a parsed manifest, created when absent. */
export function permissionsOf(manifest: Record<string, unknown>): Record<string, unknown> {
  const p = (manifest.permissions ??= {}) as Record<string, unknown>;
  return p;
}

export function messages(report: CheckReport): string[] {
  return report.problems.map((p) => p.message);
}
