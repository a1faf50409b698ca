/**
 * `remove` after `add` gives the host back byte for byte and leaves nothing `add` created: a manifest and a
 * .gitignore with or without a final newline, a package.json with no `scripts` (add writes one for the
 * build script), a host with no static/ folder, a host with no package.json (told to run the CLI, not npm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { addPanel, removePanel } from '../../toolkit/cli/host/add';
import { copyFixture, snapshot } from './harness';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function host(fixture: string, change: (dir: string) => void = () => undefined): string {
  const dir = copyFixture(fixture);
  dirs.push(dir);
  change(dir);
  return dir;
}

/** Every folder under `dir` (relative), for "no folder left behind". */
function folders(dir: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'node_modules')
    .flatMap((e) => [`${rel}${e.name}`, ...folders(dir, `${rel}${e.name}/`)]);
}

async function roundTrip(dir: string): Promise<Awaited<ReturnType<typeof addPanel>>> {
  const files = snapshot(dir);
  const dirsBefore = folders(dir);
  const added = await addPanel(dir, { yes: true, today: '2026-11-01' });
  expect(added.written).toBe(true);
  fs.rmSync(path.join(dir, 'policy'), { recursive: true, force: true }); // remove keeps it: the vendor's own
  expect(removePanel(dir).removed).toBe(true);
  expect(snapshot(dir)).toEqual(files);
  expect(folders(dir)).toEqual(dirsBefore);
  return added;
}

describe('remove after add', () => {
  it.each([
    ['with', (t: string) => t],
    ['without', (t: string) => t.replace(/\n+$/, '')],
  ])('restores a manifest and .gitignore %s a final newline, byte for byte', async (_, shape) => {
    const dir = host('jira-free-slot', (d) => {
      const manifest = path.join(d, 'manifest.yml');
      fs.writeFileSync(manifest, shape(fs.readFileSync(manifest, 'utf8')));
      fs.writeFileSync(path.join(d, '.gitignore'), shape('node_modules/\n'));
    });
    const added = await roundTrip(dir);
    expect(added.manifestAfter).toMatch(/# privacy-panel:begin/);
  });

  it('writes the build script into a package.json with no scripts, and takes it out again', async () => {
    const dir = host('jira-ui-kit');
    const before = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(before).not.toMatch(/"scripts"/);
    const files = snapshot(dir);
    await addPanel(dir, { yes: true, today: '2026-11-01' });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: object };
    expect(pkg.scripts).toEqual({ 'build:privacy-panel': 'privacy-panel build' });
    // The host had no static/ and no .gitignore: add made both, remove takes both away.
    expect(fs.existsSync(path.join(dir, 'static/privacy-panel/index.html'))).toBe(true);
    fs.rmSync(path.join(dir, 'policy'), { recursive: true });
    removePanel(dir);
    expect(snapshot(dir)).toEqual(files);
    expect(fs.existsSync(path.join(dir, 'static'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.gitignore'))).toBe(false);
  });

  it('tells a host without package.json to run the CLI, never an npm script', async () => {
    const dir = host('confluence-only', (d) => fs.rmSync(path.join(d, 'package.json')));
    const added = await roundTrip(dir);
    const text = added.output.join('\n');
    expect(text).toMatch(/`npx privacy-panel build`/);
    expect(text).not.toMatch(/npm run/);
  });
});
