/** `privacy-panel evidence | check | marketplace` through bin/privacy-panel.cjs: output shapes and exit codes. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../toolkit/cli/evidence-inputs';
import { APPS_DIR } from './fixture-apps';

const BIN = join(REPO_ROOT, 'bin', 'privacy-panel.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

/** A temporary copy of a fixture app, with this repository's policy folder beside its manifest. */
function withPolicy(app: string, extra: Record<string, string> = {}): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'cli-app-'));
  cpSync(join(APPS_DIR, app), root, { recursive: true });
  cpSync(join(REPO_ROOT, 'policy'), join(root, 'policy'), { recursive: true });
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(root, path), text);
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

test('evidence --json prints exactly one JSON object with the issue fields, and exits 0', () => {
  const out = run('evidence', join(APPS_DIR, 'js-only'), '--json');
  expect(out.status).toBe(0);
  const body = JSON.parse(out.stdout) as Record<string, unknown>;
  for (const key of [
    'manifest',
    'egress',
    'egressInCode',
    'remotes',
    'providers',
    'connectModules',
    'dynamicWebTriggers',
    'scopes',
    'storage',
    'runsOnAtlassian',
    'problems',
  ])
    expect(body).toHaveProperty(key);
  expect(body.storage).toEqual(['legacy-storage']);
  const mono = JSON.parse(run('evidence', join(APPS_DIR, 'monorepo'), '--json').stdout) as {
    apps: unknown[];
    manifest: string;
  };
  expect([mono.manifest, mono.apps.length]).toEqual(['apps/alpha/manifest.yml', 2]);
});

test('evidence exits 2 with file, line and reason when the app cannot be read, never a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bad-'));
  try {
    const none = run('evidence', dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no manifest.yml found');
    writeFileSync(join(dir, 'manifest.yml'), 'modules:\n  function:\n    - key: a\n      handler: [index.run\n');
    const bad = run('evidence', dir, '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/manifest\.yml:\d+: not valid YAML/);
    expect(bad.stdout).toBe('');
    expect(`${none.stderr}${bad.stderr}`).not.toMatch(/\n\s+at /);
    const missing = run('evidence', dir, '--manifest', join(dir, 'manifest.template.yml'));
    expect([missing.status, missing.stderr.includes('no such file')]).toEqual([2, true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: a "no egress" statement against code that phones home fails, naming both sides', () => {
  const app = withPolicy('phone-home');
  try {
    const out = run('check', app.root);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(
      'statement says "no egress" (policy/statement.yml: facts.egress is empty) but src/index.ts:1',
    );
    expect(out.stderr).toContain('static/settings/src/track.ts:1 (analytics SDK posthog-js) contacts us.i.posthog.com');
  } finally {
    app.dispose();
  }
});

test('check: every key family the code writes must belong to a declared data category', () => {
  const families = '- name: totals\n  prefix: "totals:"\n  category: acknowledgment-receipts\n  personalData: true\n';
  const app = withPolicy('storage-kinds', { 'policy/key-families.yml': families });
  try {
    const out = run('check', app.root);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(
      "src/jobs.ts:8 writes custom-entities key family 'snapshot', which no declared key family covers",
    );
    expect(out.stderr).not.toContain("key family 'totals:'");
    const market = run('marketplace', app.root);
    expect(market.status).toBe(1);
    expect(market.stderr).toContain('`privacy-panel check` fails');
  } finally {
    app.dispose();
  }
});

test('this repository passes its own check through the same command a vendor runs', () => {
  const out = run('check', REPO_ROOT, '--no-write');
  expect(out.status).toBe(0);
  expect(out.stdout).toContain(
    'scopes used by the code: read:confluence-user, read:jira-user, read:jira-work, report:personal-data, storage:app; storage in code: kvs',
  );
  expect(out.stdout).toContain('[verified] Sends no data to any outside destination');
  expect(out.stdout).toContain('[verified] Eligible for Runs on Atlassian');
});
