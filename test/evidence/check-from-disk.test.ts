/** `npm run evidence:check` checks policy/ as it is on disk: after an edit, and in a fresh clone with no build. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../toolkit/cli/evidence-inputs';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** What check reads, copied without src/generated: a fresh clone before any build. */
function freshClone(): string {
  const root = mkdtempSync(join(tmpdir(), 'pp-check-'));
  for (const part of ['policy', 'manifest.yml', 'package.json', 'tsconfig.json', 'src', join('static', 'admin', 'src')])
    cpSync(join(REPO_ROOT, part), join(root, part), {
      recursive: true,
      filter: (from) => !from.includes(join('src', 'generated')),
    });
  return root;
}

const check = (root: string) =>
  spawnSync(TSX, ['toolkit/cli/main.ts', 'check', '--root', root, '--no-write'], { cwd: REPO_ROOT, encoding: 'utf8' });

/** A new version of the statement on disk, not published yet, with `edit` applied to its text. */
function editStatement(root: string, edit: (text: string) => string): void {
  const file = join(root, 'policy', 'statement.yml');
  const current = readFileSync(file, 'utf8');
  const version = Number(/^version: (\d+)$/m.exec(current)?.[1]);
  // The next version, with a change of its own (replacing the one the version in force carries, if any).
  const text = current
    .replace(/^change:\n(?: {2}.*\n| {4}.*\n)+/m, '')
    .replace(
      /^version: \d+\n/m,
      `version: ${version + 1}\nchange:\n  summary: Edited for a test.\n  materiality: material\n`,
    );
  writeFileSync(file, edit(text));
}

let root: string;
beforeEach(() => {
  root = freshClone();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a fresh clone with no src/generated is checked, from policy/', () => {
  expect(existsSync(join(root, 'src', 'generated'))).toBe(false);
  const run = check(root);
  expect(run.stderr).not.toMatch(/not found/);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('check: the statement agrees with manifest.yml, the code and the data inventory');
});

test('analytics collected, with no egress, in the statement on disk: exit 1', () => {
  editStatement(root, (t) => t.replace('  analytics:\n    collected: false', '  analytics:\n    collected: true'));
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/policy\/statement\.yml:\d+: \[facts-analytics-without-egress\]/);
});

test('a deletion period Forge contradicts, in the statement on disk: exit 1, naming both sides', () => {
  editStatement(root, (t) => t.replace('    deletedAfterDays: 28', '    deletedAfterDays: 7'));
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('policy/statement.yml says data is deleted 7 days after uninstall');
});
