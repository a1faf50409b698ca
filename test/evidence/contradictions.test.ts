/** Each test breaks one thing in a copy of the fixture app; the check must catch it with its own message. */
import { INVENTORY } from '../../toolkit/evidence/inventory-checks';
import { copyApp, messages, permissionsOf, type AppCopy } from './helpers';
import { listed } from '../statement/helpers';

let app: AppCopy;
beforeEach(() => {
  app = copyApp();
});
afterEach(() => app.dispose());

test('the untouched fixture passes, with every manifest claim verified', () => {
  const report = app.check();
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  const verdicts = Object.fromEntries(report.evidence.claims.map((c) => [c.id, c.verdict]));
  expect(verdicts).toMatchObject({
    egress: 'verified',
    storage: 'verified',
    inventory: 'verified',
    scopes: 'verified',
    'data-residency': 'verified',
    logs: 'vendor-statement',
  });
  expect(report.evidence.runsOnAtlassian).toEqual({ eligible: true });
});

test('an egress domain the statement does not list', () => {
  app.editManifest((m) => {
    permissionsOf(m).external = { fetch: { backend: ['api.example.com'] } };
  });
  const report = app.check();
  expect(report.ok).toBe(false);
  expect(messages(report)).toContain(
    'statement says "no egress" (policy/statement.yml: facts.egress is empty) but manifest.yml declares permissions.external.fetch.backend: api.example.com',
  );
  expect(report.evidence.claims.find((c) => c.id === 'egress')?.verdict).toBe('contradicted');
  expect(report.evidence.runsOnAtlassian.eligible).toBe(false);
});

test('a listed egress domain whose end-user-data flags disagree', () => {
  app.editFacts((f) => {
    f.egress = [{ name: 'Example', domain: 'api.example.com', purpose: 'Sync', endUserData: false }];
  });
  app.editManifest((m) => {
    permissionsOf(m).external = { images: ['https://api.example.com/logo.png'] };
  });
  expect(messages(app.check())).toEqual([
    'policy/statement.yml says egress to api.example.com carries no end-user data (endUserData: false), but manifest.yml permissions.external.images: https://api.example.com/logo.png has inScopeEUD true (the default when unset)',
    // also: the statement claims residency, and in-scope data now leaves
    'statement claims data residency support (policy/statement.yml: facts.dataResidency.supported is true) but manifest.yml sends in-scope end-user data out: permissions.external.images: https://api.example.com/logo.png (inScopeEUD defaults to true)',
  ]);
});

test('a remote, while the statement claims data residency', () => {
  app.editManifest((m) => {
    m.remotes = [{ key: 'x', baseUrl: 'https://x.example.com' }];
  });
  const msgs = messages(app.check());
  expect(msgs).toContain(
    "statement claims data residency support (policy/statement.yml: facts.dataResidency.supported is true) but manifest.yml declares remote 'x' (https://x.example.com)",
  );
  expect(msgs).toContain(
    'statement says "no egress" (policy/statement.yml: facts.egress is empty) but manifest.yml declares remote \'x\' (x.example.com)',
  );
});

test('storage:app removed while the code imports @forge/kvs', () => {
  app.editManifest((m) => {
    const p = permissionsOf(m);
    p.scopes = (p.scopes as string[]).filter((s) => s !== 'storage:app');
  });
  const msgs = messages(app.check());
  expect(msgs).toContain(
    'src/platform/kvsStore.ts:2: imports @forge/kvs needs storage:app; the manifest declares none of these alternatives',
  );
  expect(msgs).toContain(
    "policy/statement.yml says category 'acknowledgment-receipts' is stored in Forge hosted storage, but manifest.yml enables none (no storage:app scope, app.storage.entities or sql module)",
  );
});

test('a scope no code needs', () => {
  app.editManifest((m) => {
    (permissionsOf(m).scopes as string[]).push('write:jira-work');
  });
  expect(messages(app.check())).toEqual([
    'manifest.yml: the manifest declares write:jira-work, and nothing in the app could need it (routes and events that need it include DELETE /rest/api/3/attachment/{id}, POST /rest/api/3/bulk/issues/delete)',
  ]);
});

test('removing the browser display-name call leaves read:jira-user unused', () => {
  app.write(
    'static/admin/src/api.ts',
    "import { invoke } from '@forge/bridge';\nexport const d = (): Promise<unknown> => invoke('getDisclosure');\n",
  );
  expect(messages(app.check())).toEqual([
    'manifest.yml: the manifest declares read:jira-user, and nothing in the app could need it (routes and events that need it include GET /rest/api/3/configuration, POST /rest/api/3/expression/analyse)',
  ]);
});

test('a key family whose category the statement does not declare', () => {
  const receipt = INVENTORY.find((f) => f.name === 'receipt');
  if (!receipt) throw new Error('fixture inventory has no receipt family');
  const inventory = [...INVENTORY.filter((f) => f !== receipt), { ...receipt, category: 'telemetry' }];
  expect(messages(app.check(inventory))).toEqual([
    "inventory family 'receipt' stores category 'telemetry' missing from the statement's dataStored (policy/statement.yml: facts.dataStored has 'acknowledgment-receipts')",
  ]);
});

test('a category dropped from the statement', () => {
  app.editFacts((f) => {
    f.dataStored = [];
  });
  const msgs = messages(app.check());
  expect(msgs).toHaveLength(INVENTORY.length);
  expect(msgs[0]).toBe(
    "inventory family 'receipt' stores category 'acknowledgment-receipts' missing from the statement's dataStored (policy/statement.yml: facts.dataStored has no categories)",
  );
});

test('a Forge-hosted category no key family stores', () => {
  app.editFacts((f) => {
    const first = listed(f.dataStored)[0];
    if (!first) throw new Error('fixture facts store nothing');
    listed(f.dataStored).push({ ...first, id: 'preferences', name: 'Preferences', personalData: false });
  });
  expect(messages(app.check())).toEqual([
    "statement category 'preferences' is stored in Forge hosted storage but no key family in src/domain/storage/inventory.ts stores it",
  ]);
});

test('personal-data flags that disagree', () => {
  app.editFacts((f) => {
    const first = listed(f.dataStored)[0];
    if (first) first.personalData = false;
  });
  expect(messages(app.check())).toEqual([
    "inventory families 'receipt', 'acknowledgment', 'first-acknowledgment', 'account-registry', 'account-index' hold personal data, but policy/statement.yml says category 'acknowledgment-receipts' has personalData: false",
  ]);
});

test('analytics egress with inScopeEUD false keeps Runs on Atlassian, but must be disclosed', () => {
  app.editFacts((f) => {
    f.egress = [{ name: 'Analytics', domain: '*.example-analytics.com', purpose: 'Usage counts', endUserData: false }];
    f.analytics = { collected: true, description: 'Anonymous page views.' };
  });
  app.editManifest((m) => {
    permissionsOf(m).external = {
      fetch: { backend: [{ address: '*.example-analytics.com', category: 'analytics', inScopeEUD: false }] },
    };
  });
  app.addModule(
    'src/platform/analytics.ts',
    "import { fetch } from '@forge/api';\nexport const ping = (): Promise<unknown> => fetch('https://a.example-analytics.com/p');\n",
  );
  const report = app.check();
  expect(report.problems).toEqual([]);
  expect(report.evidence.runsOnAtlassian).toEqual({ eligible: true });
  expect(report.evidence.dataResidency).toEqual({ eligible: true });
});

test('the same analytics egress with inScopeEUD left to its default loses Runs on Atlassian', () => {
  app.editManifest((m) => {
    permissionsOf(m).external = { fetch: { backend: [{ address: '*.example-analytics.com', category: 'analytics' }] } };
  });
  const report = app.check();
  expect(report.evidence.runsOnAtlassian).toEqual({
    eligible: false,
    reasons: [
      'manifest.yml declares permissions.external.fetch.backend: *.example-analytics.com (analytics with inScopeEUD true)',
    ],
  });
  expect(messages(report)).toContain(
    'policy/statement.yml says no analytics are collected (facts.analytics.collected: false) but manifest.yml declares analytics egress permissions.external.fetch.backend: *.example-analytics.com',
  );
});

test('code that fetches without a declared fetch.backend, once a handler loads it', () => {
  const sync =
    "import { fetch } from '@forge/api';\nexport const sync = (): Promise<unknown> => fetch('https://api.example.com/x');\n";
  app.write('src/platform/sync.ts', sync);
  expect(messages(app.check())).toEqual([]); // no handler imports it: Forge does not bundle it
  app.addModule('src/platform/sync.ts', sync);
  expect(messages(app.check())).toEqual([
    'statement says "no egress" (policy/statement.yml: facts.egress is empty) but src/platform/sync.ts:2 (@forge/api fetch) contacts api.example.com',
    'src/platform/sync.ts:2: @forge/api fetch contacts api.example.com, which the manifest does not declare under permissions.external.fetch.backend',
  ]);
});

test('personal-data reporting code without report:personal-data', () => {
  app.addModule(
    'src/platform/report.ts',
    "import { privacy } from '@forge/api';\nexport const r = (ids: string[]): Promise<unknown> => privacy.reportPersonalData(ids.map((accountId) => ({ accountId, updatedAt: '' })));\n",
  );
  expect(messages(app.check())[0]).toMatch(
    /^src\/platform\/report\.ts:2: privacy\.reportPersonalData\(.*\) needs report:personal-data; the manifest declares none of these alternatives$/,
  );
});

test('a deletion period that contradicts Forge hosted storage', () => {
  app.editFacts((f) => {
    f.uninstall.deletedAfterDays = 7;
  });
  expect(messages(app.check())).toEqual([
    'policy/statement.yml says data is deleted 7 days after uninstall (facts.uninstall.deletedAfterDays), but Forge hosted storage keeps it 28 days after uninstall, and this app stores nothing elsewhere (manifest.yml)',
  ]);
});

test('@forge/sql without a sql module in the manifest', () => {
  app.addModule(
    'src/platform/db.ts',
    "import { sql } from '@forge/sql';\nexport const q = (): Promise<unknown> => sql.executeRaw('SELECT 1');\n",
  );
  const report = app.check();
  expect(report.problems).toContainEqual({
    kind: 'missing-module',
    message: "src/platform/db.ts:1: imports @forge/sql needs a 'sql' module, missing from manifest.yml modules",
  });
  expect(report.evidence.claims.find((c) => c.id === 'scopes')?.verdict).toBe('contradicted');
});

test('a scope only a dynamic request could need is neither unused nor verified', () => {
  app.editManifest((m) => {
    (permissionsOf(m).scopes as string[]).push('write:jira-work');
  });
  app.addModule(
    'src/platform/any.ts',
    "import api from '@forge/api';\nexport const any = (path: string): Promise<unknown> => api.asApp().requestJira(path as never);\n",
  );
  const report = app.check();
  expect(report.problems).toEqual([]);
  expect(report.warnings.some((w) => w.startsWith('src/platform/any.ts:2: [unverified-call]'))).toBe(true);
  const scopes = report.evidence.claims.find((c) => c.id === 'scopes');
  expect(scopes?.verdict).toBe('vendor-statement');
  expect(scopes?.evidence).toContain('write:jira-work: not proved by any call the build could read');
});
