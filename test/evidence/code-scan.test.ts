/** The code scanner: which Forge API uses it sees, and which it must not. */
import { scanSource } from '../../toolkit/evidence/code-scan';
import type { SourceFile } from '../../src/domain/evidence/types';

const backend = (text: string): SourceFile => ({ path: 'src/x.ts', text, side: 'backend' });
const browser = (text: string): SourceFile => ({ path: 'static/admin/src/x.tsx', text, side: 'browser' });
const rules = (file: SourceFile): string[] =>
  scanSource(file).map((u) => `${u.rule}:${u.line}${u.path === null ? '' : ` ${u.path}`}`);

test('type-only imports of @forge/kvs are not a use', () => {
  expect(
    rules(backend("import type { kvs } from '@forge/kvs';\nimport { type WhereConditions } from '@forge/kvs';\n")),
  ).toEqual([]);
  expect(rules(backend("import '@forge/kvs';\n"))).toEqual(['kvs:1']);
});

test('request paths are read from route templates, consts and concatenations', () => {
  const text = [
    "import * as forge from '@forge/api';",
    "import { asApp, route } from '@forge/api';",
    'const PERMS = route`/rest/api/3/mypermissions?permissions=ADMINISTER`;',
    'export const a = () => forge.default.asUser().requestJira(PERMS);',
    "export const b = (id: string) => asApp().requestConfluence('/wiki/rest/api/user?accountId=' + id);",
    'export const c = (p: string) => asApp().requestJira(p);',
  ].join('\n');
  expect(rules(backend(text))).toEqual([
    'jira-request:4 /rest/api/3/mypermissions?permissions=ADMINISTER',
    'confluence-request:5 /wiki/rest/api/user?accountId=${…}',
    'jira-request:6',
  ]);
});

test('browser requests come from @forge/bridge, not from @forge/api rules', () => {
  const text =
    "import { requestJira as rj } from '@forge/bridge';\nexport const n = (q: string) => rj(`/rest/api/3/user?${q}`);\n";
  expect(rules(browser(text))).toEqual(['bridge-jira-request:2 /rest/api/3/user?${…}']);
  expect(rules(backend(text))).toEqual([]);
});

test('global fetch is egress unless it is local or same-origin', () => {
  expect(rules(browser("export const a = () => fetch('https://cdn.example.com/x.json');"))).toEqual([
    'browser-fetch:1 https://cdn.example.com/x.json',
  ]);
  expect(rules(browser("export const a = () => window.fetch('//cdn.example.com/x.json');"))).toEqual([
    'browser-fetch:1 //cdn.example.com/x.json',
  ]);
  expect(rules(browser("export const a = () => fetch('./assets/x.json').then((r) => r.json());"))).toEqual([]);
  expect(
    rules(backend('const fetch = (k: string) => k;\nexport const a = () => fetch("https://x.example.com");')),
  ).toEqual([]);
});

test('legacy storage from @forge/api and privacy reporting are both seen', () => {
  const text =
    "import api, { privacy } from '@forge/api';\nexport const a = () => api.storage.get('k');\nexport const b = () => privacy.reportPersonalData([]);\n";
  expect(rules(backend(text))).toEqual(['legacy-storage:2', 'personal-data-reporting:3']);
});
