/**
 * The one reader of a Forge app (toolkit/cli/forge-app.ts) in a host: `add` reads the host once (one
 * manifest parse, one code scan, counted by the reader itself, through the preview and the apply and the
 * build that ends it), and `check` right after `add` judges the host's own code only: the panel's handler
 * folder and page are the panel's, and the scopes `add` declared for it are credited to its calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkApp } from '../../toolkit/cli/app-check';
import { runCheck } from '../../toolkit/cli/check';
import { readForgeApp, READS, resetReads } from '../../toolkit/cli/forge-app';
import { addPanel } from '../../toolkit/cli/host/add';
import { buildHost } from '../../toolkit/cli/host/build';
import { addCommand } from '../../toolkit/cli/host/main';
import { PANEL } from '../../toolkit/cli/host/panel-names';
import { applyServerWiring, copyFixture, writeStarterAnswers } from './harness';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function host(fixture: string): string {
  const dir = copyFixture(fixture);
  dirs.push(dir);
  return dir;
}

/** Output the commands print, kept off the test's console. */
function quietly<T>(run: () => T): T {
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true),
    jest.spyOn(console, 'log').mockImplementation(() => undefined),
    jest.spyOn(console, 'warn').mockImplementation(() => undefined),
    jest.spyOn(console, 'error').mockImplementation(() => undefined),
  ];
  try {
    return run();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

describe('add reads the host once', () => {
  it('one manifest parse and one code scan for the preview, the apply and the build that ends it', async () => {
    const dir = host('jira-free-slot');
    const asked: string[] = [];
    resetReads();
    await quietly(() =>
      addCommand(dir, { dryRun: false, yes: false, today: '2026-11-01' }, (question) => {
        asked.push(question);
        return Promise.resolve(true);
      }),
    );
    expect(asked).toHaveLength(1); // the preview was shown, then applied
    expect(fs.readFileSync(path.join(dir, 'manifest.yml'), 'utf8')).toContain('# privacy-panel:begin');
    expect(fs.existsSync(path.join(dir, PANEL.resourcePath, 'index.html'))).toBe(true);
    expect(READS).toEqual({ manifestParses: 1, codeScans: 1 });

    // The counters count: a build of its own reads the host again, once.
    resetReads();
    buildHost(dir);
    expect(READS).toEqual({ manifestParses: 1, codeScans: 1 });
  });
});

describe('check right after add', () => {
  it.each([
    ['an own Jira and Confluence page', 'empty'],
    ['an own Jira page beside UI Kit', 'jira-free-slot'],
  ])('%s: exit 0, with no finding about the panel', async (_label, fixture) => {
    const dir = host(fixture);
    await addPanel(dir, { yes: true, today: '2026-11-01' });
    writeStarterAnswers(dir);

    const { report, app } = checkApp(dir);
    expect(report.problems).toEqual([]);
    expect(app.code.files.map((f) => f.path).filter((p) => p.includes(PANEL.resourcePath))).toEqual([]);
    // Every scope add declared is used, and used by the panel.
    expect(app.scopes.unused).toEqual([]);
    expect(app.scopes.used).toEqual(expect.arrayContaining(['storage:app', 'report:personal-data']));
    expect(quietly(() => runCheck({ dir, format: 'text', write: false }))).toBe(0);
  });

  it("a sub-page host wired as printed: the panel's files stay out of the host's code, its scopes are its own", async () => {
    const dir = host('sub-page-history');
    const added = await addPanel(dir, { yes: true, today: '2026-11-01' });
    applyServerWiring(dir, added.plan.notes);
    writeStarterAnswers(dir);
    // The host's own key family, declared as a vendor does for its own keys.
    fs.writeFileSync(
      path.join(dir, 'policy', 'key-families.yml'),
      "- { name: health, prefix: 'health:', category: app-data-kvs, personalData: true }\n",
    );

    const { report, app } = checkApp(dir);
    expect(report.problems).toEqual([]);
    const files = app.code.files.map((f) => f.path);
    expect(files.some((p) => p.endsWith('src/resolvers.ts'))).toBe(true); // the host's code is read…
    expect(files.filter((p) => p.includes(`${PANEL.handlerDir}/`))).toEqual([]); // …not the panel's
    expect(app.scopes.unused).toEqual([]);
  });

  it("the reader knows the panel's files only when the panel was added", async () => {
    const dir = host('empty');
    expect(readForgeApp(dir).panel.added).toBe(false);
    await addPanel(dir, { yes: true, today: '2026-11-01' });
    const app = readForgeApp(dir, { shownFrom: 'app' });
    expect(app.panel).toMatchObject({ added: true, keyPrefix: 'pp:' });
    expect(app.code().files.filter((f) => f.path.startsWith(PANEL.resourcePath))).toEqual([]);
    // The control: the same blocks without the panel's marks, and its page is read as the host's browser code.
    const manifest = path.join(dir, 'manifest.yml');
    fs.writeFileSync(manifest, app.manifestText.replace(/# privacy-panel:(begin|end)/g, '# $1'));
    const unmarked = readForgeApp(dir, { shownFrom: 'app' });
    expect(unmarked.panel.added).toBe(false);
    expect(unmarked.code().files.some((f) => f.path.startsWith(`${PANEL.resourcePath}/`))).toBe(true);
  });
});
