/**
 * The scopes `privacy-panel add` gives a host come from the same facts as this repository's own evidence:
 * the routes the panel's code calls (as the engine reads them) and Atlassian's route table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadApps } from '../../toolkit/cli/forge-app';
import { REPO_ROOT } from '../../toolkit/cli/evidence-inputs';
import { readForgeApp } from '../../toolkit/cli/forge-app';
import { hostEvidence } from '../../toolkit/cli/host/build';
import { PANEL_ROUTES, panelScopeNeeds } from '../../toolkit/cli/host/panel-needs';
import type { StatementFacts } from '../../src/domain/statement/types';
import { FACTS_FILE, FIXTURE } from './helpers';
import { appEvidence } from '../../toolkit/evidence/app-evidence';
import { matchRoute, normalisePath } from '../../toolkit/evidence/route-scopes';

const [app] = loadApps(REPO_ROOT);
if (!app) throw new Error('the repository has no manifest');

test("PANEL_ROUTES are exactly the product routes the panel's code calls", () => {
  const called = new Set(
    app.files.flatMap((f) =>
      f.scan.findings.flatMap((x) => (x.type === 'rest' && x.path !== null ? [normalisePath(x.path)] : [])),
    ),
  );
  expect([...called].sort()).toEqual(Object.values(PANEL_ROUTES).sort());
});

test('the scopes the panel asks a host for are the ones its own evidence proves', () => {
  const first = panelScopeNeeds(['jira', 'confluence']).map((n) => n.anyOf[0]);
  expect([...new Set(first)].sort()).toEqual(appEvidence(app).scopes.used);
  // One Confluence need covers both of its routes: Atlassian gives them the same scopes.
  const alternatives = (path: string): unknown => {
    const m = matchRoute('confluence', 'GET', path);
    return m.kind === 'route' ? m.route.alternatives : m.kind;
  };
  expect(alternatives(PANEL_ROUTES.confluenceUser)).toEqual(alternatives(PANEL_ROUTES.confluenceCurrentUser));
});

test("the Jira needs take every single-scope alternative of Atlassian's description, classic first", () => {
  const jira = panelScopeNeeds(['jira']).filter((n) => n.product === 'jira');
  expect(jira.map((n) => n.anyOf)).toEqual([['read:jira-work', 'read:permission:jira'], ['read:jira-user']]);
});

test("in a host, the panel's own calls prove the scopes add declared for it; the host's unused ones stay unused", () => {
  const host = join(__dirname, '..', 'fixtures', 'hosts', 'legacy-storage-triggers');
  const text = readFileSync(join(host, 'manifest.yml'), 'utf8');
  const manifest = YAML.parse(text) as { permissions: { scopes: string[] } };
  const facts = JSON.parse(readFileSync(join(FIXTURE, FACTS_FILE), 'utf8')) as StatementFacts;
  manifest.permissions.scopes.push('read:jira-user', 'report:personal-data');
  const app = readForgeApp(host, { shownFrom: 'app' });
  // The reader knows the panel was added from its marked blocks in the manifest.
  const added = `${text}# privacy-panel:begin scopes\n# privacy-panel:end scopes\n`;
  const claim = (marked = added): unknown =>
    hostEvidence(app.withManifest(marked, manifest), facts).claims.find((c) => c.id === 'scopes');
  // Not added: nothing of the host's needs the panel's scopes.
  expect(claim(text)).toMatchObject({ verdict: 'contradicted' });
  expect(claim()).toMatchObject({
    verdict: 'verified',
    evidence: [
      'storage:app: src/index.js, src/privacy-panel',
      'read:jira-work: src/privacy-panel',
      'read:jira-user: src/privacy-panel',
      'report:personal-data: src/privacy-panel',
    ],
  });
  manifest.permissions.scopes.push('write:jira-work');
  expect(claim()).toMatchObject({ verdict: 'contradicted' });
});
