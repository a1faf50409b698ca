/**
 * `add` refuses what it cannot add the panel to, naming the file and what to do, and writes nothing:
 * not a Forge app, a manifest Forge's validator rejects, a key already taken, a runtime before nodejs22.x,
 * UI Kit 1 (@forge/ui), a UI Kit admin page with no free Configure or Get started entry.
 */
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

  it('a host using @forge/ui (UI Kit 1)', async () => {
    const dir = host('jira-free-slot', (d) =>
      edit(d, 'package.json', '"@forge/resolver": "2.0.1"', '"@forge/resolver": "2.0.1",\n    "@forge/ui": "1.11.4"'),
    );
    const error = await refusal(dir);
    expect(error.file).toBe('package.json');
    expect(error.message).toMatch(/@forge\/ui \(UI Kit 1\)/);
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
      expect.arrayContaining(['--- manifest.yml', '+++ manifest.yml', 'Dry run: nothing written.']),
    );
    expect(result.output.some((line) => line.startsWith('+        - key: privacy-panel-resolver'))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('remove says there is nothing to remove', () => {
    const dir = host('confluence-only', () => undefined);
    const before = snapshot(dir);
    expect(removePanel(dir).removed).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});
