/** The repository itself, and the scripts' exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEvidenceInputs, REPO_ROOT, STATEMENT_CATALOG } from '../../toolkit/cli/evidence-inputs';
import { runChecks } from '../../toolkit/evidence/run-checks';
import { acknowledgmentKey, assertDeclaredKey, UndeclaredKeyError } from '../../src/domain/storage/inventory';
import { copyApp, permissionsOf, FACTS_FILE } from './helpers';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

test('assertDeclaredKey accepts inventory keys and names the rest', () => {
  expect(assertDeclaredKey(acknowledgmentKey(3, 'abc-123')).name).toBe('acknowledgment');
  expect(() => assertDeclaredKey('cache:x')).toThrow(UndeclaredKeyError);
});

test('the repository: its statement agrees with its manifest, code and inventory', () => {
  expect(existsSync(join(REPO_ROOT, STATEMENT_CATALOG))).toBe(true); // npm test builds it first (pretest)
  const report = runChecks(loadEvidenceInputs());
  expect(report.problems).toEqual([]);
  expect(report.evidence.scopeUse.every((s) => s.usedBy.length > 0)).toBe(true);
  // Privacy Panel's own promises: nothing leaves Atlassian, and the manifest proves it.
  const { manifest } = report.evidence;
  expect([
    manifest.egress,
    manifest.remotes,
    manifest.providers,
    manifest.connectModules,
    manifest.dynamicWebTriggers,
  ]).toEqual([[], [], [], [], []]);
  expect(manifest.storage.map((s) => s.kind)).toEqual(['kvs']);
  expect(report.evidence.runsOnAtlassian).toEqual({ eligible: true });
  expect(report.evidence.dataResidency).toEqual({ eligible: true });
});

test('toolkit/cli/check.ts exits 1 naming both sides, and 0 with a summary', () => {
  const app = copyApp();
  try {
    const ok = spawnSync(TSX, ['toolkit/cli/main.ts', 'check', '--root', app.root, '--facts', FACTS_FILE], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('[verified] Sends no data to any outside destination');
    expect(existsSync(join(app.root, 'src', 'generated', 'evidence.json'))).toBe(true);

    app.editManifest((m) => {
      (permissionsOf(m).scopes as string[]).push('manage:jira-configuration');
    });
    const bad = spawnSync(
      TSX,
      ['toolkit/cli/main.ts', 'check', '--root', app.root, '--facts', FACTS_FILE, '--no-write'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'manifest.yml: the manifest declares manage:jira-configuration, and nothing in the app could need it (routes and events that need it include GET /rest/api/3/announcementBanner, PUT /rest/api/3/announcementBanner)',
    );

    const mp = spawnSync(TSX, ['toolkit/cli/main.ts', 'marketplace', '--root', app.root, '--facts', FACTS_FILE], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(mp.status).toBe(1);
  } finally {
    app.dispose();
  }
});

test('toolkit/cli/marketplace-privacy.ts prints the API body', () => {
  const app = copyApp();
  try {
    const run = spawnSync(TSX, ['toolkit/cli/main.ts', 'marketplace', '--root', app.root, '--facts', FACTS_FILE], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    // The PUT's body: one parameter, appTrustInformation, holding the groups Atlassian's page names.
    const put = JSON.parse(run.stdout) as { appTrustInformation: Record<string, unknown> };
    expect(Object.keys(put)).toEqual(['appTrustInformation']);
    expect(Object.keys(put.appTrustInformation)).toEqual([
      'dataAccessAndStorage',
      'thirdPartyInformation',
      'logDetails',
      'dataResidency',
      'dataRetention',
      'privacy',
    ]);
  } finally {
    app.dispose();
  }
});
