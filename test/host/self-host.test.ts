/**
 * This repository is a host with nothing else in it: its manifest's modules, functions, resource and
 * scopes, and its entry file, are what `privacy-panel add` gives an empty Forge app — up to the two paths
 * a clone differs in (the handler file is src/index.ts; the page is built to static/admin/build) and the
 * module titles, which this repository translates through its manifest's `translations` (issue 14). Its
 * entry file imports the packed runtime (`privacy-panel/forge`, a self-reference to dist/forge/index.cjs), so
 * `forge deploy` here bundles exactly what a host's does (issue 22).
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { addPanel } from '../../toolkit/cli/host/add';
import { handlerFileText, HOST_HANDLER } from '../../toolkit/cli/host/handler-file';
import { PANEL } from '../../toolkit/cli/host/panel-names';
import { copyFixture, REPO } from './harness';

type Manifest = { modules: Record<string, unknown[]>; resources?: unknown[]; permissions: { scopes: string[] } };

/** The repository's two paths, as a host has them, and its translated titles as the plain one add writes. */
function asHost(text: string): Manifest {
  return YAML.parse(
    text
      .replaceAll('handler: index.', `handler: ${PANEL.handlerModule}.`)
      .replace('path: static/admin/build', `path: ${PANEL.resourcePath}`)
      .replaceAll('title:\n        i18n: privacy-panel.title', 'title: Privacy Panel'),
  ) as Manifest;
}

describe('this repository as a host', () => {
  let dir: string;
  let added: Manifest;

  beforeAll(async () => {
    dir = copyFixture('empty');
    const result = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(result.written).toBe(true);
    added = YAML.parse(fs.readFileSync(path.join(dir, 'manifest.yml'), 'utf8')) as Manifest;
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has the modules, resource and scopes add gives an empty app (minus the app's own webtrigger)", () => {
    const ours = asHost(fs.readFileSync(path.join(REPO, 'manifest.yml'), 'utf8'));
    const { webtrigger, function: functions, ...modules } = added.modules;
    expect(webtrigger).toHaveLength(1);
    expect(ours.modules).toEqual({ ...modules, function: (functions ?? []).slice(1) });
    expect(ours.resources).toEqual(added.resources);
    // One difference: for its admin check add gives a new app the narrowest scope Atlassian's route facts
    // accept (read:permission:jira); this repository's manifest keeps the classic read:jira-work its
    // installations already consented to.
    const asAdded = ours.permissions.scopes.map((s) => (s === 'read:jira-work' ? 'read:permission:jira' : s));
    expect([...asAdded].sort()).toEqual([...added.permissions.scopes].sort());
  });

  it('has the entry file add writes, importing the packed runtime as a host does (its data from src/generated)', () => {
    const written = fs.readFileSync(path.join(dir, PANEL.handlerDir, 'index.ts'), 'utf8');
    expect(written).toBe(handlerFileText());
    // This repository's build writes the data as JSON (src/generated); a host's as module code (./data).
    const withoutData = (text: string) => text.split('\n').filter((line) => !/^import .*(data|generated)/.test(line));
    const own = fs.readFileSync(path.join(REPO, 'src/index.ts'), 'utf8');
    expect(withoutData(own)).toEqual(withoutData(handlerFileText(HOST_HANDLER)));
    expect(own).toMatch(/import \{ createPrivacyPanel \} from 'privacy-panel\/forge'/);
    expect(own).toMatch(/import catalog from '\.\/generated\/statements\.json'/);
  });

  it("type-checks that import against the runtime's source, which the package builds from", () => {
    const config = JSON.parse(fs.readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths?: Record<string, string[]> };
    };
    expect(config.compilerOptions.paths).toEqual({ 'privacy-panel/forge': ['./src/host/index.ts'] });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      exports: Record<string, { default?: string }>;
    };
    expect(pkg.exports['./forge']?.default).toBe('./dist/forge/index.cjs');
  });
});
