/**
 * Fixture host apps for the `add`/`remove` tests: each copied into .tmp/hosts/ inside the repository, so
 * the host's own imports (@forge/resolver…) resolve from the repository's node_modules, and `privacy-panel`
 * resolves to this repository's package (.tmp/node_modules/privacy-panel → the repository root, through
 * its `exports` map into dist/; `npm run build:package` builds it, `npm test` runs that first).
 * A fixture that declares another major of a package than the repository's own (react-router-dom 5 or 6,
 * @forge/resolver 1.x) gets the real package of that major, which the repository installs under an npm
 * alias named `<name>-v<major>` (or `<name>-v<major>.<minor>` for a lower bound within a major, which wins),
 * linked into the fixture's node_modules as `npm install` would put it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildHost } from '../../toolkit/cli/host/build';
import { publishPolicy } from '../../toolkit/cli/policy-publish';

export const REPO = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/hosts');
const TMP = path.join(REPO, '.tmp');

export function requirePackageBuilt(): void {
  if (!fs.existsSync(path.join(REPO, 'dist/forge/index.cjs'))) {
    throw new Error('dist/ is missing: run `npm run build:package` (npm test does it first)');
  }
}

let counter = 0;

/** A fresh copy of a fixture host; the caller removes it with `fs.rmSync(dir, { recursive: true })`. */
export function copyFixture(name: string): string {
  const link = path.join(TMP, 'node_modules', 'privacy-panel');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(REPO, link, 'dir');
  }
  const dir = path.join(TMP, 'hosts', `${name}-${process.pid}-${++counter}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  linkDeclaredMajors(dir);
  return dir;
}

/** The repository's aliased install for a range: `<name>-v<major>.<minor>` first, then `<name>-v<major>`. */
function aliasedMajor(dependency: string, range: string): string | undefined {
  const version = /^[\^~]?(\d+)\.(\d+)\./.exec(range);
  if (!version) return undefined;
  return [`${version[1]}.${version[2]}`, `${version[1]}`]
    .map((suffix) => path.join(REPO, 'node_modules', `${dependency}-v${suffix}`))
    .find((folder) => fs.existsSync(folder));
}

/**
 * Pins `dependency` at `version` in the host's package.json and links the repository's aliased install of
 * that version into its node_modules, as `npm install` of the pin would.
 */
export function pinDependency(dir: string, dependency: string, version: string): void {
  const file = path.join(dir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  manifest.dependencies = { ...manifest.dependencies, [dependency]: version };
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const installed = aliasedMajor(dependency, version);
  if (!installed) throw new Error(`the repository installs no ${dependency}-v<major> alias for ${version}`);
  const pinned = (JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (pinned !== version) throw new Error(`${installed} holds ${dependency} ${pinned}, not ${version}`);
  linkDeclaredMajors(dir);
}

/**
 * Installs the package into the host's own node_modules (its package.json and dist/forge, copied), as `npm
 * install privacy-panel` puts it: the runtime's imports of the Forge clients then resolve from the host's
 * installation, not from this repository's (the .tmp/node_modules link resolves to the repository itself).
 */
export function installPackageCopy(dir: string): void {
  requirePackageBuilt();
  const target = path.join(dir, 'node_modules', 'privacy-panel');
  fs.mkdirSync(path.join(target, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(target, 'package.json'));
  fs.cpSync(path.join(REPO, 'dist/forge'), path.join(target, 'dist/forge'), { recursive: true });
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** Each package.json under `dir`: every dependency whose major the repository holds as `<name>-v<major>`. */
function linkDeclaredMajors(dir: string): void {
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path.join(folder, entry.name));
    }
    const file = path.join(folder, 'package.json');
    if (!fs.existsSync(file)) return;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    for (const [dependency, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const installed = aliasedMajor(dependency, range);
      if (!installed) continue;
      const link = path.join(folder, 'node_modules', dependency);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync(installed, link, 'dir');
    }
  };
  walk(dir);
}

/** Every file under `dir` (relative path → bytes as text), for byte-for-byte comparisons. */
export function snapshot(dir: string, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === 'node_modules' || skip.some((s) => child === s || child.startsWith(`${s}/`))) continue;
      if (entry.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(dir, child), 'latin1'));
    }
  };
  walk('');
  return out;
}

/** What a vendor writes into the starter statement before publishing: every TODO answered, real addresses. */
export function writeStarterAnswers(dir: string): void {
  for (const file of ['policy/statement.yml', 'policy/sections/overview.md']) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const written = text
      .replace(/TODO\(privacy-panel\): /g, '')
      .replace(/[a-z]+\.invalid/g, 'brightmoor.io')
      .replace(/(?:[a-z0-9-]+\.)*example\.(?:com|org|net)/g, 'api.brightmoor.io');
    fs.writeFileSync(path.join(dir, file), written);
  }
}

/** The starter written, published (version 1) and built for deploy, as before `forge deploy`: it can be acknowledged. */
export function publishStarter(dir: string): void {
  writeStarterAnswers(dir);
  publishPolicy(dir);
  buildHost(dir, { deploy: true });
}

export { applyServerWiring, printedWiring } from '../../toolkit/cli/host/wiring';
