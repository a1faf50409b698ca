/**
 * The scopes `privacy-panel add` gives a host come from the same facts as this repository's own evidence:
 * the routes the panel's code calls (as the engine reads them) and Atlassian's route table.
 */
import { loadApps } from '../../toolkit/cli/app-files';
import { REPO_ROOT } from '../../toolkit/cli/evidence-inputs';
import { PANEL_ROUTES, panelScopeNeeds } from '../../toolkit/cli/host/evidence-adapter';
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
