/** The per-file scanner and the route table: the rules behind the app evidence. */
import { scanFile, type Finding } from '../../toolkit/evidence/app-scan';
import { matchRoute, normalisePath } from '../../toolkit/evidence/route-scopes';

const rest = (text: string, path = 'src/x.ts', side: 'backend' | 'browser' = 'backend'): string[] =>
  scanFile({ path, text, side })
    .findings.filter((f): f is Extract<Finding, { type: 'rest' }> => f.type === 'rest')
    .map((f) => `${f.product} ${f.method ?? '?'} ${f.path ?? '?'}`);

test('a requester chosen at run time (asUser or asApp) still makes product calls', () => {
  const text = [
    "import api, { route } from '@forge/api';",
    'export async function get(key: string, asUser: boolean) {',
    '  const requester = asUser ? api.asUser() : api.asApp();',
    '  return requester.requestJira(route`/rest/api/3/issue/${key}`);',
    '}',
  ].join('\n');
  expect(rest(text)).toEqual(['jira GET /rest/api/3/issue/${…}']);
});

test('paths and methods passed through same-file helpers are read at each caller', () => {
  const text = [
    "import api, { route } from '@forge/api';",
    'async function call(path: ReturnType<typeof route>, { method = "GET" }: { method?: string } = {}) {',
    '  return api.asApp().requestJira(path, { method, headers: { Accept: "application/json" } });',
    '}',
    'export const read = (id: string) => call(route`/rest/api/3/project/${id}`);',
    "export const write = (id: string) => call(route`/rest/api/3/issue/${id}`, { method: 'PUT' });",
  ].join('\n');
  expect(rest(text)).toEqual(['jira GET /rest/api/3/project/${…}', 'jira PUT /rest/api/3/issue/${…}']);
});

test('a variable assigned in branches yields each path; an exported helper keeps an unknown call too', () => {
  const text = [
    "import api, { route } from '@forge/api';",
    'export async function remove(byServer: boolean, id: string) {',
    '  let target;',
    '  if (byServer) target = route`/rest/builds/0.1/bulkByProperties?server=${id}`;',
    '  else target = route`/rest/builds/0.1/bulkByProperties?cloud=${id}`;',
    "  return api.asApp().requestJira(target, { method: 'DELETE' });",
    '}',
    'export const send = (path: string) => api.asApp().requestJira(path as never);',
  ].join('\n');
  expect(rest(text)).toEqual([
    'jira DELETE /rest/builds/0.1/bulkByProperties?server=${…}',
    'jira DELETE /rest/builds/0.1/bulkByProperties?cloud=${…}',
    'jira GET ?',
  ]);
});

test('CommonJS requires and @forge/bridge calls in browser code are read; @forge/api is backend only', () => {
  const cjs =
    "const api = require('@forge/api');\nexports.me = () => api.asUser().requestJira(api.route`/rest/api/3/myself`);";
  expect(rest(cjs, 'src/a.js')).toEqual(['jira GET /rest/api/3/myself']);
  expect(rest(cjs, 'src/a.js', 'browser')).toEqual([]);
  const bridge =
    "import { requestConfluence } from '@forge/bridge';\nexport const p = () => requestConfluence('/wiki/api/v2/spaces', { method: 'GET' });";
  expect(rest(bridge, 'ui/a.tsx', 'browser')).toEqual(['confluence GET /wiki/api/v2/spaces']);
});

test('storage keys: literal and template prefixes, entity names, legacy storage flagged as removed', () => {
  const text = [
    "import { storage } from '@forge/api';",
    "import { kvs } from '@forge/kvs';",
    "const PREFIX = 'job';",
    'export async function f(id: string) {',
    "  await kvs.set('settings', {});",
    '  await kvs.set(`${PREFIX}:${id}`, 1);',
    "  await kvs.entity('task').set(id, {});",
    "  await storage.set('legacy-key', 1);",
    '  const value = await kvs.get(id);',
    '  return value;',
    '}',
  ].join('\n');
  const { findings } = scanFile({ path: 'src/s.ts', text, side: 'backend' });
  const storage = findings.flatMap((f) =>
    f.type === 'storage' ? [`${f.kind} ${f.write ? 'write' : 'read'} ${f.key ?? ''}`] : [],
  );
  expect(storage).toEqual([
    'kvs write settings',
    'kvs write job:${…}',
    'custom-entities write ',
    'legacy-storage write legacy-key',
    'kvs read ',
  ]);
  expect(findings.filter((f) => f.type === 'removed-api')).toHaveLength(1);
});

test('JSX sources with a static host are egress of their kind; relative ones are not', () => {
  const text = [
    'export const A = () => (<div>',
    '  <img src="https://cdn.example.com/a.png" />',
    '  <iframe src={`https://embed.example.com/v/${1}`} />',
    '  <img src="./local.png" />',
    '</div>);',
  ].join('\n');
  const { findings } = scanFile({ path: 'ui/a.tsx', text, side: 'browser' });
  expect(findings.map((f) => (f.type === 'egress' ? `${f.kind} ${f.address ?? '?'}` : f.type))).toEqual([
    'images cdn.example.com',
    'frames embed.example.com',
  ]);
});

test('routes: templates with parameters, /rest/api/2 read as 3, ambiguity and unknown routes', () => {
  expect(normalisePath('/rest/api/2/issue/${…}?fields=a')).toBe('/rest/api/3/issue/${…}');
  const issue = matchRoute('jira', 'GET', '/rest/api/latest/issue/${…}');
  expect(issue.kind === 'route' && issue.route.route).toBe('/rest/api/3/issue/{issueIdOrKey}');
  expect(issue.kind === 'route' && issue.route.alternatives[0]).toEqual(['read:jira-work']);
  expect(matchRoute('jira', 'GET', '/rest/api/3/${…}').kind).toBe('ambiguous');
  expect(matchRoute('jira', 'GET', '/rest/api/3/no-such-thing').kind).toBe('unknown-route');
  const build = matchRoute('jira', 'POST', '/rest/builds/0.1/bulk');
  expect(build.kind === 'route' && build.route.alternatives).toEqual([['write:build-info:jira']]);
});

const summary = (text: string, side: 'backend' | 'browser' = 'backend'): string[] =>
  scanFile({ path: side === 'backend' ? 'src/x.ts' : 'static/admin/src/x.tsx', text, side }).findings.map((f) => {
    const line = f.at.slice(f.at.lastIndexOf(':') + 1);
    if (f.type === 'rest') return `${f.type}:${line} ${f.product} ${f.path ?? '?'}`;
    if (f.type === 'egress') return `${f.type}:${line} ${f.kind} ${f.address ?? '?'}`;
    if (f.type === 'scope') return `${f.type}:${line} ${f.scope}`;
    if (f.type === 'storage') return `${f.type}:${line} ${f.kind}`;
    if (f.type === 'module') return `${f.type}:${line} ${f.module}`;
    return `${f.type}:${line}`;
  });

test('type-only imports of @forge/kvs are not a use; a bare import is', () => {
  expect(
    summary("import type { kvs } from '@forge/kvs';\nimport { type WhereConditions } from '@forge/kvs';\n"),
  ).toEqual([]);
  expect(summary("import '@forge/kvs';\n")).toEqual(['scope:1 storage:app']);
});

test('request paths are read from route templates, consts, namespace imports and concatenations', () => {
  const text = [
    "import * as forge from '@forge/api';",
    "import { asApp, route } from '@forge/api';",
    'const PERMS = route`/rest/api/3/mypermissions?permissions=ADMINISTER`;',
    'export const a = () => forge.default.asUser().requestJira(PERMS);',
    "export const b = (id: string) => asApp().requestConfluence('/wiki/rest/api/user?accountId=' + id);",
  ].join('\n');
  expect(summary(text)).toEqual([
    'rest:4 jira /rest/api/3/mypermissions?permissions=ADMINISTER',
    'rest:5 confluence /wiki/rest/api/user?accountId=${…}',
  ]);
});

test('an aliased @forge/bridge request in browser code is a product call', () => {
  const text =
    "import { requestJira as rj } from '@forge/bridge';\nexport const n = (q: string) => rj(`/rest/api/3/user?${q}`);\n";
  expect(summary(text, 'browser')).toEqual(['rest:2 jira /rest/api/3/user?${…}']);
});

test('global fetch is egress unless it is local, same-origin or a local function of that name', () => {
  expect(summary("export const a = () => fetch('https://cdn.example.com/x.json');", 'browser')).toEqual([
    'egress:1 fetch.client cdn.example.com',
  ]);
  expect(summary("export const a = () => window.fetch('//cdn.example.com/x.json');", 'browser')).toEqual([
    'egress:1 fetch.client cdn.example.com',
  ]);
  expect(summary("export const a = () => fetch('./assets/x.json').then((r) => r.json());", 'browser')).toEqual([]);
  expect(summary('const fetch = (k: string) => k;\nexport const a = () => fetch("https://x.example.com");')).toEqual(
    [],
  );
});

test('legacy storage, personal-data reporting, SQL and event queues are each seen', () => {
  const text = [
    "import api, { privacy } from '@forge/api';",
    "import { sql } from '@forge/sql';",
    "import { Queue } from '@forge/events';",
    "export const a = () => api.storage.get('k');",
    'export const b = () => privacy.reportPersonalData([]);',
    "export const q = new Queue({ key: 'jobs' });",
  ].join('\n');
  expect(summary(text)).toEqual([
    'storage:2 sql',
    'module:2 sql',
    'scope:4 storage:app',
    'storage:4 legacy-storage',
    'removed-api:4',
    'scope:5 report:personal-data',
    'module:6 consumer',
  ]);
});

test('DevOps calls through __requestAtlassianAsApp are read as the Jira routes they are; /graphql is GraphQL', () => {
  const text = [
    "import api from '@forge/api';",
    'export async function send(cloudId: string) {',
    "  await api.__requestAtlassianAsApp(`/jira/builds/0.1/cloud/${cloudId}/bulk`, { method: 'POST', body: '{}' });",
    "  return api.__requestAtlassianAsApp('/graphql', { method: 'POST', body: '{}' });",
    '}',
  ].join('\n');
  const findings = scanFile({ path: 'src/x.ts', text, side: 'backend' }).findings;
  expect(rest(text)).toEqual(['jira POST /rest/builds/0.1/bulk']);
  expect(findings.some((f) => f.type === 'graphql' && f.scopes === null)).toBe(true);
});

test('UI Kit 1, @forge/llm and third-party Forge libraries are flagged where they are imported', () => {
  const text = [
    "import ForgeUI, { render } from '@forge/ui';",
    "import { chat } from '@forge/llm';",
    "import forgeAxios from 'atlassian-forge-axios';",
    "import Button from '@atlaskit/button';",
    'export const x = [ForgeUI, render, chat, forgeAxios, Button];',
  ].join('\n');
  const findings = scanFile({ path: 'src/x.ts', text, side: 'backend' }).findings;
  expect(findings.map((f) => f.type).sort()).toEqual(['module', 'opaque-calls', 'removed-api']);
  expect(findings.find((f) => f.type === 'module')).toMatchObject({ module: 'llm' });
});

test('a product call on an object the scanner cannot trace is an unreadable call of that product', () => {
  const text = 'export const get = (client: any) => client.requestConfluence(`/wiki/api/v2/pages`);';
  expect(rest(text)).toEqual(['confluence ? ?']);
});

test('a method named like what every object inherits (toString, constructor) is no product call', () => {
  const text = [
    'export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16)).join("");',
    'export const make = (x: { constructor: () => void }) => x.constructor();',
    'export const tag = <valueOf />;',
  ].join('\n');
  for (const side of ['backend', 'browser'] as const) {
    const { findings } = scanFile({ path: side === 'backend' ? 'src/h.tsx' : 'static/ui/h.tsx', text, side });
    expect(findings.filter((f) => f.type === 'rest' || f.type === 'graphql')).toEqual([]);
  }
});
