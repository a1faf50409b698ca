/**
 * `privacy-panel check --format json|sarif|github` on an app whose statement the code contradicts: SARIF
 * that validates against the SARIF 2.1.0 schema (as published in @microsoft/jest-sarif), a file and line
 * for every contradiction, and GitHub workflow annotations; exit 1 whatever the format.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { REPO_ROOT } from '../../toolkit/cli/evidence-inputs';
import { APPS_DIR } from '../evidence/fixture-apps';

const BIN = join(REPO_ROOT, 'bin', 'privacy-panel.cjs');
const SARIF_SCHEMA = join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let app: string;
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'cli-format-'));
  cpSync(join(APPS_DIR, 'phone-home'), app, { recursive: true });
  cpSync(join(REPO_ROOT, 'policy'), join(app, 'policy'), { recursive: true });
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** The bin in the app's folder, no DIR given. */
const check = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'check', ...args], { cwd: app, encoding: 'utf8' });

test('sarif: a valid SARIF 2.1.0 log, one error result with file and line per contradiction', () => {
  const out = check('--format', 'sarif');
  expect(out.status).toBe(1);
  const log = JSON.parse(out.stdout) as Log;
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
    JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object,
  );
  expect(validate(log) ? [] : validate.errors).toEqual([]);
  const run = log.runs[0]!;
  const errors = (run.results ?? []).filter((r) => r.level === 'error');
  expect(errors.length).toBeGreaterThanOrEqual(3);
  for (const result of run.results ?? []) {
    const where = result.locations?.[0]?.physicalLocation;
    expect(existsSync(join(app, where?.artifactLocation?.uri ?? '?'))).toBe(true);
    expect(where?.region?.startLine).toBeGreaterThanOrEqual(1);
    expect(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
  }
  expect(errors.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine)).toContain(5);
  const posthog = errors.find((r) => r.message.text?.includes('us.i.posthog.com'));
  expect(posthog?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('static/settings/src/track.ts');
});

test('json: the same findings with file and line, and the evidence', () => {
  const out = check('--format', 'json');
  expect(out.status).toBe(1);
  const body = JSON.parse(out.stdout) as { ok: boolean; problems: { file: string; line: number; rule: string }[] };
  expect(body.ok).toBe(false);
  expect(body.problems).toContainEqual(
    expect.objectContaining({ file: 'static/settings/src/track.ts', line: 5, rule: 'undeclared-egress' }),
  );
});

test('github: one workflow annotation per finding, with file and line', () => {
  const out = check('--format', 'github');
  expect(out.status).toBe(1);
  const lines = out.stdout.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const line of lines)
    expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,title=privacy-panel [a-z-]+::\S/);
  expect(lines).toContainEqual(expect.stringMatching(/^::error file=src\/index\.ts,line=1,.*sentry/));
});

test('a statement field the message names points at its line in policy/statement.yml', () => {
  const out = JSON.parse(check('--format', 'json').stdout) as {
    problems: { file: string; line: number; message: string }[];
  };
  const category = out.problems.find((p) => p.message.startsWith("statement category 'acknowledgment-receipts'"));
  const statement = readFileSync(join(app, 'policy/statement.yml'), 'utf8').split('\n');
  expect(category?.file).toBe('policy/statement.yml');
  expect(statement[(category?.line ?? 0) - 1]).toMatch(/id: acknowledgment-receipts|^\s+- /);
});
