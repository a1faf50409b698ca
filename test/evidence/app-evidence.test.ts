/** The evidence engine on the synthetic apps of test/fixtures/apps: each shape and trap, pinned. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifestFile } from '../../toolkit/cli/forge-app';
import { matchRoute, PLACEHOLDER } from '../../toolkit/evidence/route-scopes';
import { APPS_DIR, evidenceOf, pinned } from './fixture-apps';

const expected = (name: string): unknown =>
  JSON.parse(readFileSync(join(APPS_DIR, name, 'expected-evidence.json'), 'utf8')) as unknown;

afterEach(() => {
  delete process.env.ASSET_HOST;
});

test.each(readdirSync(APPS_DIR).sort())('%s: the evidence matches expected-evidence.json', (name) => {
  const apps = evidenceOf(name).map(pinned);
  expect(apps.length === 1 ? apps[0] : apps).toEqual(expected(name));
});

test('a path known only at run time is unverified: its product scopes are never credited nor called unused', () => {
  const [uiKit] = evidenceOf('ui-kit');
  expect(uiKit?.scopes.used).toEqual(['read:jira-user']);
  expect(uiKit?.scopes.unverified).toEqual(['read:jira-work']);
  expect(uiKit?.scopes.unused).toEqual([]);
});

test('a call none of whose accepted alternatives the manifest holds is a missing scope, an error', () => {
  const [app] = evidenceOf('dynamic-path');
  expect(app?.scopes.missing).toEqual(['write:jira-work']);
  const problem = app?.problems.find((p) => p.rule === 'missing-scope');
  expect(problem).toMatchObject({ file: 'src/index.ts', line: 9, severity: 'error' });
  expect(problem?.message).toContain('write:jira-work or write:issue:jira');
});

test('a scope is unused only when every call of its product was resolved', () => {
  const [resolved] = evidenceOf('storage-kinds');
  expect(resolved?.scopes.unused).toEqual(['read:jira-work']);
  const [dynamic] = evidenceOf('dynamic-path');
  expect(dynamic?.problems.some((p) => p.rule === 'unverified-call')).toBe(true);
  expect(dynamic?.scopes.unused).toEqual([]);
});

test('tests and build output are not app code; UI Kit resources are browser code', () => {
  const [dynamic] = evidenceOf('dynamic-path');
  expect(dynamic?.code.files.map((f) => f.path)).not.toContain('src/index.spec.ts');
  const [subfolder] = evidenceOf('subfolder');
  expect(subfolder?.code.files).toEqual([{ path: 'viewer/src/main.tsx', side: 'browser' }]);
  const [uiKit] = evidenceOf('ui-kit');
  expect(uiKit?.code.files.filter((f) => f.side === 'browser').map((f) => f.path)).toEqual([
    'src/frontend/index.jsx',
    'src/frontend/paths.js',
  ]);
});

test('a manifest in a subfolder finds its Custom UI source in a sibling folder named like the build', () => {
  const [app] = evidenceOf('subfolder');
  expect(app?.manifest).toBe('app/manifest.yml');
  expect(app?.scopes.used).toEqual(['read:page:confluence']);
});

test('YAML merge keys are applied and ${VAR} is substituted from the environment, or reported', () => {
  const { doc } = readManifestFile(join(APPS_DIR, 'subfolder', 'app', 'manifest.yml'), 'app/manifest.yml');
  const modules = doc.modules as Record<string, { key: string; resource: string }[]>;
  expect(modules.macro?.[0]).toMatchObject({ key: 'viewer-macro', resource: 'viewer', title: 'Viewer' });
  const [unset] = evidenceOf('subfolder');
  expect(unset?.problems.find((p) => p.rule === 'manifest-variable')).toMatchObject({ line: 19 });
  process.env.ASSET_HOST = 'https://assets.example.org';
  const [set] = evidenceOf('subfolder');
  expect(set?.egressInCode).toEqual([
    { kind: 'images', address: 'assets.example.org', declared: true, at: 'viewer/src/main.tsx:10', via: '<img src>' },
  ]);
  expect(set?.problems).toEqual([]);
});

test('a monorepo yields one evidence per manifest, following tsconfig paths into shared libraries', () => {
  const apps = evidenceOf('monorepo');
  expect(apps.map((a) => a.manifest)).toEqual(['apps/alpha/manifest.yml', 'apps/beta/manifest.yml']);
  expect(apps.map((a) => a.scopes.used)).toEqual([
    ['read:jira-work', 'storage:app'],
    ['read:confluence-user', 'storage:app'],
  ]);
  expect(apps[0]?.code.files.map((f) => f.path)).toContain('libs/shared/src/index.ts');
});

test('phone-home SDKs and beacons are egress; undeclared hosts are errors, dynamic ones warnings', () => {
  const [app] = evidenceOf('phone-home');
  expect(app?.egressInCode.map((e) => `${e.kind} ${e.address ?? '?'} ${e.via}`)).toEqual([
    'fetch.backend *.ingest.sentry.io error reporting SDK @sentry/node',
    'fetch.client us.i.posthog.com analytics SDK posthog-js',
    'fetch.client collect.example.io navigator.sendBeacon',
  ]);
  expect(app?.problems.filter((p) => p.rule === 'undeclared-egress').map((p) => p.severity)).toEqual([
    'error',
    'error',
    'error',
  ]);
  const [uiKit] = evidenceOf('ui-kit');
  expect(uiKit?.problems.find((p) => p.rule === 'undeclared-egress')).toMatchObject({
    severity: 'warning',
    message: expect.stringContaining('an address built at run time'),
  });
});

test('legacy storage, entities, SQL, secrets and product properties are storage kinds of their own', () => {
  expect(evidenceOf('js-only')[0]?.storage).toEqual(['legacy-storage']);
  expect(evidenceOf('phone-home')[0]?.storage).toEqual(['kvs', 'custom-entities', 'secrets']);
  const [kinds] = evidenceOf('storage-kinds');
  expect(kinds?.storage).toEqual(['kvs', 'custom-entities', 'sql', 'product-properties']);
  expect(kinds?.keyFamilies.map((k) => k.family)).toEqual(['snapshot', 'totals:']);
});

test('a declared host nothing contacts is a warning', () => {
  const [app] = evidenceOf('js-only');
  expect(app?.problems.find((p) => p.rule === 'egress-unused')).toMatchObject({
    severity: 'warning',
    message: expect.stringContaining('https://hooks.example.net'),
  });
});

test('a product trigger credits what its event needs, and an admin scope nothing could need is unused, with what would', () => {
  const [app] = evidenceOf('trigger-scopes');
  expect(app?.scopes.used).toEqual(['read:jira-work', 'write:jira-work']);
  expect(app?.scopes.unused).toEqual(['delete:issue:jira', 'manage:jira-configuration']);
  const message = app?.problems.find(
    (p) => p.rule === 'unused-scope' && p.message.includes('manage:jira-configuration'),
  );
  expect(message?.message).toMatch(
    /nothing in the app could need it \(routes and events that need it include [A-Z]+ \/rest\//,
  );
  expect(app?.problems.find((p) => p.rule === 'retired-runtime')?.message).toContain('nodejs20.x');
});

test('a route described with classic scopes only leaves a declared granular scope unverified, never missing', () => {
  const [app] = evidenceOf('one-family');
  expect(app?.scopes.missing).toEqual([]);
  expect(app?.scopes.unverified).toEqual(['read:attachment:confluence']);
  expect(app?.problems.find((p) => p.rule === 'unverified-call')?.message).toContain('lists only classic scopes');
});

test('Bitbucket and JSM Assets calls without route facts are unverified, and a merge check credits its scope', () => {
  const [bitbucket] = evidenceOf('bitbucket');
  expect(bitbucket?.scopes.used).toEqual(['read:pullrequest:bitbucket']);
  expect(bitbucket?.scopes.unverified).toEqual(['read:repository:bitbucket', 'write:repository:bitbucket']);
  const [assets] = evidenceOf('jsm-assets');
  expect(assets?.scopes).toMatchObject({
    used: ['read:jira-work'],
    unverified: ['read:cmdb-object:jira'],
    missing: [],
  });
});

test('paths passed through wrappers (same file and another module) and same-named variables are read per function', () => {
  const [app] = evidenceOf('wrappers');
  expect(app?.scopes.used).toEqual(['read:jira-user', 'read:jira-work']);
  expect(app?.scopes.unused).toEqual(['write:jira-work']);
  expect(app?.problems.filter((p) => p.rule === 'unverified-call')).toEqual([]);
});

test('routes passed to a third-party client are product calls; a route given to an own function of the app is not', () => {
  const [app] = evidenceOf('client-library');
  expect(app?.scopes.used).toEqual(['read:confluence-space.summary', 'read:jira-user', 'write:jira-work']);
  // The library may make calls of its own: nothing is called unused, and the route only logged is not credited.
  expect(app?.scopes.unverified).toEqual(['read:jira-work']);
  expect(app?.scopes.unused).toEqual([]);
  // A client made with an address contacts it: the declared host is in use, not an unused entry.
  expect(app?.egressInCode).toEqual([
    {
      kind: 'fetch.backend',
      address: 'status.example.com',
      declared: true,
      at: 'src/clients.ts:6',
      via: 'forge-rest-helper',
    },
  ]);
  expect(app?.problems.some((p) => p.rule === 'egress-unused')).toBe(false);
});

test('Confluence Forge app properties: reading needs read:app-data, writing write:app-data (Atlassian docs)', () => {
  const put = matchRoute('confluence', 'PUT', `/wiki/api/v2/app/properties/${PLACEHOLDER}`);
  expect(put.kind === 'route' ? put.route.alternatives : put).toEqual([['write:app-data:confluence']]);
  const get = matchRoute('confluence', 'GET', '/wiki/api/v2/app/properties');
  expect(get.kind === 'route' ? get.route.alternatives : get).toEqual([['read:app-data:confluence']]);
});

test('an imported SVG, a data URI, an Object Store upload URL and a committed build folder are not egress', () => {
  const [app] = evidenceOf('assets-and-builds');
  expect(app?.egressInCode).toEqual([]);
  expect(app?.code.files.map((f) => f.path)).toEqual(['src/index.ts', 'static/upload/src/App.tsx']);
  expect(app?.storage).toContain('object-store');
});

test('a monorepo app gives the same evidence from the repository root and from its own folder', () => {
  const fromRoot = evidenceOf('monorepo');
  const fromApp = evidenceOf(join('monorepo', 'apps', 'alpha'));
  expect(fromApp).toEqual(fromRoot.filter((e) => e.manifest === 'apps/alpha/manifest.yml'));
  expect(fromApp[0]?.code.files.map((f) => f.path)).toContain('libs/shared/src/index.ts');
  expect(evidenceOf(join('monorepo', 'libs', 'shared'))).toEqual(fromRoot);
});
