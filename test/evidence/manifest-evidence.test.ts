/** Evidence from the manifest alone: every form of egress, storage, and the two eligibility verdicts. */
import { dataResidency, runsOnAtlassian } from '../../toolkit/evidence/eligibility';
import { InvalidManifestError, readManifestFacts } from '../../toolkit/evidence/manifest-facts';
import { EXTERNAL_KINDS } from '../../src/domain/evidence/types';

const base = {
  app: { id: 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000', runtime: { name: 'nodejs22.x' } },
  modules: { function: [{ key: 'resolver', handler: 'index.handler' }] },
  permissions: { scopes: ['storage:app'] },
};

test('a storage-only manifest is eligible for both, with KVS as its storage', () => {
  const m = readManifestFacts(base);
  expect(m.storage).toEqual([{ kind: 'kvs', declaredBy: 'permissions.scopes: storage:app' }]);
  expect(runsOnAtlassian(m)).toEqual({ eligible: true });
  expect(dataResidency(m)).toEqual({ eligible: true });
});

test('every permissions.external kind counts as egress, in every entry form', () => {
  const external: Record<string, unknown> = {
    fetch: {
      backend: ['https://a.example.com:8443/x'],
      client: [{ address: 'b.example.com', inScopeEUD: false }, { remote: 'r' }],
    },
  };
  for (const kind of EXTERNAL_KINDS.filter((k) => !k.startsWith('fetch.'))) external[kind] = [`${kind}.example.com`];
  const m = readManifestFacts({ ...base, permissions: { scopes: [], external } });
  expect(m.egress.map((e) => [e.kind, e.host, e.inScopeEUD])).toEqual([
    ['fetch.backend', 'a.example.com', true],
    ['fetch.client', 'b.example.com', false],
    ['fetch.client', null, true],
    ...EXTERNAL_KINDS.filter((k) => !k.startsWith('fetch.')).map((k) => [k, `${k}.example.com`, true]),
  ]);
  const roa = runsOnAtlassian(m);
  expect(roa.eligible ? [] : roa.reasons).toHaveLength(2 + EXTERNAL_KINDS.length - 2);
});

test('remotes, Connect modules, providers, remote endpoints and dynamic web triggers each cost Runs on Atlassian', () => {
  const m = readManifestFacts({
    ...base,
    modules: {
      ...base.modules,
      webtrigger: [
        { key: 'hook', function: 'resolver' },
        { key: 'static-hook', function: 'resolver', response: { type: 'static' } },
        { key: 'dyn-hook', function: 'resolver', response: { type: 'dynamic' } },
      ],
      endpoint: [
        { key: 'ep', remote: 'backend' },
        { key: 'svc', service: 'container' },
      ],
    },
    remotes: [
      {
        key: 'backend',
        baseUrl: { default: 'https://eu.example.com', US: 'https://us.example.com' },
        storage: { inScopeEUD: true },
      },
    ],
    connectModules: { 'jira:generalPages': [{ key: 'legacy-page' }] },
    providers: { auth: [{ key: 'github', name: 'GitHub' }] },
  });
  expect(m.dynamicWebTriggers).toEqual(['hook', 'dyn-hook']);
  expect(m.remotes[0]).toMatchObject({ key: 'backend', hosts: ['eu.example.com', 'us.example.com'], storesData: true });
  expect(runsOnAtlassian(m)).toEqual({
    eligible: false,
    reasons: [
      "manifest.yml declares remote 'backend' (https://eu.example.com, https://us.example.com)",
      'manifest.yml declares Connect module jira:generalPages: legacy-page (connectModules)',
      "manifest.yml declares external auth provider 'github' (providers.auth)",
      "manifest.yml declares endpoint 'ep' on remote 'backend'",
      "manifest.yml declares dynamic web trigger 'hook' (response.type is dynamic unless set to static)",
      "manifest.yml declares dynamic web trigger 'dyn-hook' (response.type is dynamic unless set to static)",
    ],
  });
  expect(dataResidency(m).eligible).toBe(false);
});

test('custom entities and SQL are Forge hosted storage; SQL without residency is not', () => {
  const m = readManifestFacts({
    ...base,
    app: { ...base.app, storage: { entities: [{ name: 'acknowledgement', attributes: {} }] } },
    modules: { ...base.modules, sql: [{ key: 'main', engine: 'mysql', dareCompliant: false }] },
  });
  expect(m.storage.map((s) => s.kind)).toEqual(['kvs', 'custom-entities', 'sql']);
  expect(runsOnAtlassian(m)).toEqual({ eligible: true });
  expect(dataResidency(m)).toEqual({
    eligible: false,
    reasons: ["manifest.yml declares SQL module 'main' with dareCompliant: false"],
  });
});

test('the map form of scopes is read, and a malformed external section is rejected by name', () => {
  expect(
    readManifestFacts({
      ...base,
      permissions: { scopes: { 'storage:app': {}, 'read:jira-work': { allowImpersonation: true } } },
    }).scopes,
  ).toEqual(['storage:app', 'read:jira-work']);
  expect(() =>
    readManifestFacts({ ...base, permissions: { scopes: [], external: { images: 'cdn.example.com' } } }),
  ).toThrow(new InvalidManifestError('permissions.external.images must be a list'));
  expect(() => readManifestFacts('modules: []')).toThrow(InvalidManifestError);
});
