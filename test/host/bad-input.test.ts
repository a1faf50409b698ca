/**
 * `add` refuses what it cannot add the panel to, naming the file and what to do, and writes nothing:
 * not a Forge app, a manifest Forge's validator rejects, a key already taken, a runtime before nodejs22.x,
 * UI Kit 1 (@forge/ui imported), a UI Kit admin page with no free Configure or Get started entry; every
 * refusal of a run at once, the most fundamental first. The dry run's patch is one `git apply` takes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addPanel, removePanel } from '../../toolkit/cli/host/add';
import { HostAppError } from '../../toolkit/cli/host/host-app';
import { copyFixture, snapshot } from './harness';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function host(fixture: string, change: (dir: string) => void): string {
  const dir = copyFixture(fixture);
  dirs.push(dir);
  change(dir);
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  fs.writeFileSync(full, next);
}

async function refusal(dir: string): Promise<HostAppError> {
  const before = snapshot(dir);
  const error = await addPanel(dir, { yes: true }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(snapshot(dir)).toEqual(before); // nothing written
  if (!(error instanceof HostAppError)) throw new Error(`expected a HostAppError, got ${String(error)}`);
  return error;
}

describe('add refuses, writing nothing', () => {
  it('a folder without manifest.yml', async () => {
    const dir = host('empty', (d) => fs.rmSync(path.join(d, 'manifest.yml')));
    const error = await refusal(dir);
    expect(error.file).toBe('manifest.yml');
    expect(error.message).toMatch(/not a Forge app/);
  });

  it("a manifest Forge's validator rejects, quoting the validator", async () => {
    const dir = host('jira-free-slot', (d) =>
      edit(d, 'manifest.yml', 'function: notes-resolver', 'function: no-such-function'),
    );
    const error = await refusal(dir);
    expect(error.file).toBe('manifest.yml');
    expect(error.message).toMatch(/validator rejects it/);
    expect(error.message).toMatch(/no-such-function/);
  });

  it('a module key the panel needs, already taken', async () => {
    const dir = host('jira-free-slot', (d) =>
      edit(d, 'manifest.yml', 'key: release-notes-panel', 'key: privacy-panel-jira'),
    );
    const error = await refusal(dir);
    expect(error.message).toMatch(/"privacy-panel-jira" \(jira:issuePanel\) is already taken/);
  });

  it('a function key the panel needs, already taken', async () => {
    const dir = host('jira-free-slot', (d) => {
      edit(d, 'manifest.yml', /notes-resolver/g, 'privacy-panel-report');
    });
    const error = await refusal(dir);
    expect(error.message).toMatch(/"privacy-panel-report" \(function\) is already taken/);
  });

  it('a runtime older than nodejs22.x', async () => {
    const dir = host('jira-free-slot', (d) => edit(d, 'manifest.yml', 'nodejs22.x', 'nodejs20.x'));
    const error = await refusal(dir);
    expect(error.file).toBe('manifest.yml');
    expect(error.message).toMatch(/app\.runtime\.name is nodejs20\.x; the panel needs nodejs22\.x or newer/);
  });

  it('a host whose code imports @forge/ui (UI Kit 1)', async () => {
    const dir = host('jira-free-slot', (d) => {
      fs.writeFileSync(path.join(d, 'src/legacy.js'), "import ForgeUI, { render } from '@forge/ui';\n");
    });
    const error = await refusal(dir);
    expect(error.file).toBe('src/legacy.js');
    expect(error.message).toMatch(/imports @forge\/ui \(UI Kit 1\).*Move its modules to UI Kit/);
  });

  it('a package.json that lists @forge/ui no source imports: a warning, not a refusal', async () => {
    const dir = host('jira-free-slot', (d) =>
      edit(d, 'package.json', '"@forge/resolver": "2.0.1"', '"@forge/resolver": "2.0.1",\n    "@forge/ui": "1.11.4"'),
    );
    const result = await addPanel(dir, { dryRun: true });
    expect(result.plan.warnings.join('\n')).toMatch(/lists @forge\/ui .* no source file imports it/);
  });

  it('every refusal in one run, the most fundamental first (runtime, then UI Kit 1, then a taken key)', async () => {
    const dir = host('jira-free-slot', (d) => {
      edit(d, 'manifest.yml', 'nodejs22.x', 'nodejs20.x');
      edit(d, 'manifest.yml', 'key: release-notes-panel', 'key: privacy-panel-jira');
      fs.writeFileSync(path.join(d, 'src/legacy.js'), "const ui = require('@forge/ui');\n");
    });
    const error = await refusal(dir);
    expect(error.refusals.map((r) => r.file)).toEqual(['manifest.yml', 'src/legacy.js', 'manifest.yml']);
    expect(error.message).toMatch(
      /for 3 reasons[\s\S]*1\. manifest\.yml: app\.runtime\.name[\s\S]*2\. src\/legacy\.js: imports @forge\/ui[\s\S]*3\. manifest\.yml: the key "privacy-panel-jira"/,
    );
  });

  it('a Compass-only app first says the product, before its runtime', async () => {
    const dir = host('jira-free-slot', (d) => {
      edit(d, 'manifest.yml', 'jira:issuePanel', 'compass:adminPage');
      edit(d, 'manifest.yml', 'nodejs22.x', 'nodejs20.x');
    });
    const error = await refusal(dir);
    expect(error.refusals[0]?.detail).toMatch(
      /only compass:adminPage modules; the panel lives in Jira admin settings or Confluence/,
    );
    expect(error.refusals.some((r) => /nodejs20\.x/.test(r.detail))).toBe(true);
  });

  it('an app with only manifest.template.yml, saying how to get a manifest.yml', async () => {
    const dir = host('jira-free-slot', (d) =>
      fs.renameSync(path.join(d, 'manifest.yml'), path.join(d, 'manifest.template.yml')),
    );
    const error = await refusal(dir);
    expect(error.message).toMatch(/only manifest\.template\.yml: .*Generate manifest\.yml from the template/);
  });

  it('a UI Kit admin page whose Configure and Get started entries are taken, with the manual steps', async () => {
    const extra = [
      '  - key: sweeper-config',
      '    resource: sweeper-ui',
      '    render: native',
      '    title: Sweeper settings',
      '    useAsConfig: true',
      '    useAsGetStarted: true',
      '  function:\n',
    ].join('\n');
    const dir = host('jira-ui-kit', (d) => edit(d, 'manifest.yml', /^ {2}function:\n/m, extra));
    const error = await refusal(dir);
    expect(error.message).toMatch(/Configure and Get started entries are taken/);
    expect(error.message).toMatch(/move "label-sweeper" to Custom UI/);
  });

  it('a file add would create, already there', async () => {
    const dir = host('jira-free-slot', (d) => {
      fs.mkdirSync(path.join(d, 'src/privacy-panel'));
      fs.writeFileSync(path.join(d, 'src/privacy-panel/notes.md'), 'mine\n');
    });
    const error = await refusal(dir);
    expect(error.file).toBe('src/privacy-panel');
    expect(error.message).toMatch(/never overwrites/);
  });
});

describe('dry run and remove on a host without the panel', () => {
  it('--dry-run prints the diff and writes nothing', async () => {
    const dir = host('jira-free-slot', () => undefined);
    const before = snapshot(dir);
    const result = await addPanel(dir, { dryRun: true });
    expect(result.written).toBe(false);
    expect(result.output).toEqual(
      expect.arrayContaining(['--- a/manifest.yml', '+++ b/manifest.yml', 'Dry run: nothing written.']),
    );
    expect(result.output.some((line) => line.startsWith('+        - key: privacy-panel-resolver'))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['with', (text: string) => text],
    ['without', (text: string) => text.replace(/\n$/, '')],
  ])('prints a patch git apply accepts, for a manifest %s a final newline', async (_, shape) => {
    const dir = host('jira-free-slot', (d) => {
      for (const file of ['manifest.yml', 'package.json'])
        fs.writeFileSync(path.join(d, file), shape(fs.readFileSync(path.join(d, file), 'utf8')));
      fs.writeFileSync(path.join(d, '.gitignore'), shape('node_modules/\n'));
    });
    const result = await addPanel(dir, { dryRun: true });
    const start = result.output.findIndex((line) => line.startsWith('diff --git'));
    const end = result.output.indexOf('', start);
    const patch = `${result.output.slice(start, end).join('\n')}\n`;
    expect(patch).toMatch(/diff --git a\/package\.json[\s\S]*diff --git a\/\.gitignore/);
    const file = path.join(dir, '..', `${path.basename(dir)}.patch`);
    fs.writeFileSync(file, patch);
    try {
      // The host copy sits inside this repository: stop git's search above it, as in a vendor's own folder.
      const env = { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir) };
      execFileSync('git', ['apply', '--check', file], { cwd: dir, stdio: 'pipe', env });
      execFileSync('git', ['apply', file], { cwd: dir, stdio: 'pipe', env });
    } finally {
      fs.rmSync(file);
    }
    expect(fs.readFileSync(path.join(dir, 'manifest.yml'), 'utf8')).toBe(result.manifestAfter);
  });

  it('remove says there is nothing to remove', () => {
    const dir = host('confluence-only', () => undefined);
    const before = snapshot(dir);
    expect(removePanel(dir).removed).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});
