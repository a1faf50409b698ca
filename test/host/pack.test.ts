/**
 * The package as a vendor gets it: `npm pack` → install the tarball into a fixture host in a temporary
 * folder outside the repository (its dependencies from the npm registry, or npm's cache) → every command of
 * the installed `privacy-panel` bin, in the host's folder as the default: --help, add, check, evidence,
 * marketplace, build (a draft refused for deploy, `--draft` bundled and never acknowledged), publish, build
 * again (bundled and acknowledged), an edit after publish refused, verify. The tarball is also linted
 * (publint, are-the-types-wrong) and `privacy-panel/mount(.css)` type-checked in the host with TypeScript 5.9
 * and 7. Slow (an npm install): it runs in the full suite; skip it with PRIVACY_PANEL_SKIP_PACK=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { COMMANDS } from '../../toolkit/cli/commands';
import { bundleOffline, validateManifest } from '../../toolkit/forge/offline-checks';
import { bundleText, sampleInput } from '../export/helpers';
import { FIXTURES, REPO, requirePackageBuilt, writeStarterAnswers } from './harness';

type Handler = Parameters<ForgeEmulator['invoke']>[0];
const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const run = process.env['PRIVACY_PANEL_SKIP_PACK'] === '1' ? describe.skip : describe;
const BIN = path.join(REPO, 'node_modules/.bin');

function sh(cwd: string, command: string, args: string[]): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
}

run('npm pack → install → every command in the host', () => {
  let work: string;
  let host: string;
  let tarball: string;
  const emulator = new ForgeEmulator();
  /** The installed bin, in the host's folder (no DIR: the current folder is the default). */
  const cli = (...args: string[]) => {
    const r = spawnSync(path.join(host, 'node_modules/.bin/privacy-panel'), args, {
      cwd: host,
      encoding: 'utf8',
      timeout: 300_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const identity = { installContext: SITE, accountId: SAMPLE_ACCOUNTS.siteAdmin };

  /** Bundles the host with Forge's bundler, then asks the panel for its statement and acknowledges it. */
  async function bundleAndAcknowledge(): Promise<{ disclosure: Disclosure; ack: unknown }> {
    const bundle = await bundleOffline(host);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const panel = require(path.join(bundle.outputDir, 'privacy-panel/index.cjs')) as Record<string, Handler>;
      const handler = panel['handler'] as Handler;
      const result = (await emulator.invoke(handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const { version, hash } = result.data.statement;
      const ack = await emulator.invoke(handler, 'acknowledge', { version, hash }, identity);
      return { disclosure: result.data, ack };
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }

  beforeAll(() => {
    requirePackageBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-panel-pack-'));
    // dist/ is already built (npm test builds it first), so skip prepack's rebuild.
    const packed = JSON.parse(sh(REPO, 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work])) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(work, packed[0]?.filename ?? '');
    expect(packed[0]?.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'dist/forge/index.cjs',
        'dist/mount/index.js',
        'dist/page/index.html',
        'dist/cli/toolkit/cli/main.js',
        'dist/cli/toolkit/cli/check.js',
        'bin/privacy-panel.cjs',
        'policy/statement.schema.json',
        'LICENSE',
      ]),
    );
    host = path.join(work, 'host');
    fs.cpSync(path.join(FIXTURES, 'jira-free-slot'), host, { recursive: true });
    sh(host, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
    emulator.install();
  }, 900_000);
  afterAll(() => {
    emulator.uninstall();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('publint and are-the-types-wrong find no problem in the tarball', () => {
    expect(sh(work, path.join(BIN, 'publint'), ['run', '--strict', tarball])).toContain('All good!');
    // node10 resolution ignores `exports` (the runtime's fallback for it is checked by the host tests);
    // `privacy-panel/mount` is ESM only, for a browser page, so a require() of it is not a problem.
    const attw = spawnSync(
      path.join(BIN, 'attw'),
      [tarball, '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--no-color'],
      { cwd: work, encoding: 'utf8' },
    );
    expect([attw.status, attw.stderr]).toEqual([0, '']);
    expect(attw.stdout).toContain('"privacy-panel/mount.css"');
  }, 300_000);

  it('every command answers --help (exit 0), from the installed package without tsx', () => {
    expect(fs.existsSync(path.join(host, 'node_modules/tsx'))).toBe(false);
    for (const command of COMMANDS) {
      const help = cli(command.name, '--help');
      expect([command.name, help.code, help.stderr]).toEqual([command.name, 0, '']);
      expect(help.stdout).toContain(`usage: privacy-panel ${command.name}`);
    }
    expect(cli('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(cli('check', '--sarif').code).toBe(2);
  }, 300_000);

  it('adds a draft: check, evidence, marketplace judge the host; build refuses it for deploy; --draft bundles and is never acknowledged', async () => {
    expect(cli('add', '--yes').stdout).toMatch(/its own admin page "privacy-panel-jira"/);
    const statement = fs.readFileSync(path.join(host, 'policy/statement.yml'), 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(\S+)\n/.exec(statement);
    expect(schemaLine?.[1]).toBe('../node_modules/privacy-panel/policy/statement.schema.json');
    expect(fs.existsSync(path.join(host, 'policy', schemaLine?.[1] ?? ''))).toBe(true);

    const evidence = cli('evidence', '--json');
    expect(evidence.code).toBe(0);
    expect((JSON.parse(evidence.stdout) as { manifest: string }).manifest).toBe('manifest.yml');
    const check = cli('check');
    expect(check.code).toBe(1); // the starter's TODOs
    expect(check.stderr).toContain('placeholder');
    expect(cli('marketplace').code).toBe(1);
    expect(cli('publish').code).toBe(1);
    expect(fs.existsSync(path.join(host, 'policy/published.lock.json'))).toBe(false);

    const deploy = cli('build');
    expect(deploy.code).toBe(1);
    expect(deploy.stderr).toContain('npx privacy-panel preview');
    expect(deploy.stderr).toContain('Nothing was written.');
    const draft = cli('build', '--draft');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/refreshed the page resource static\/privacy-panel/);
    expect((await validateManifest(host)).errors).toEqual([]);
    const { disclosure, ack } = await bundleAndAcknowledge();
    expect(disclosure.statement.draft).toBe(true);
    expect(disclosure.viewer.canAcknowledge).toBe(false);
    expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'DRAFT_STATEMENT' }) });
  }, 600_000);

  it('written and published: build bundles it and it is acknowledged; an edit without a new version fails build', async () => {
    writeStarterAnswers(host);
    // Right after add, with the vendor's answers written: nothing of the panel is a finding about the host.
    const check = cli('check');
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('check: the statement agrees')]);
    const published = cli('publish');
    expect([published.code, published.stderr]).toEqual([0, '']);
    expect(published.stdout).toMatch(/^published version 1 /);
    expect(fs.existsSync(path.join(host, 'policy/versions/v1.json'))).toBe(true);
    expect(cli('publish').code).toBe(1); // already published

    expect(cli('build').code).toBe(0);
    const { disclosure, ack } = await bundleAndAcknowledge();
    expect(disclosure.statement.draft).toBeUndefined();
    expect(ack).toEqual({ ok: true, data: expect.objectContaining({ created: true }) });

    fs.appendFileSync(path.join(host, 'policy/sections/overview.md'), '\nOne more sentence.\n');
    const edited = cli('build');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('[version-not-bumped]');
    expect(cli('build', '--draft').code).toBe(1);
  }, 600_000);

  it('verify: 0 for an intact export, 1 for a tampered one, 2 for a file that is not one', async () => {
    const text = await bundleText(sampleInput());
    fs.writeFileSync(path.join(host, 'export.json'), text);
    fs.writeFileSync(path.join(host, 'tampered.json'), text.replace('712020:alice', '712020:mallory'));
    expect(cli('verify', 'export.json').code).toBe(0);
    expect(cli('verify', 'tampered.json').code).toBe(1);
    const unreadable = cli('verify', 'manifest.yml');
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).not.toMatch(/\n\s+at /);
  });

  it('privacy-panel/mount and mount.css type-check in the host under TypeScript 5.9 and 7', () => {
    const ui = path.join(host, 'ui');
    fs.mkdirSync(ui, { recursive: true });
    const good =
      "import 'privacy-panel/mount.css';\nimport { mountPrivacyPanel } from 'privacy-panel/mount';\nexport const mount = mountPrivacyPanel;\n";
    fs.writeFileSync(path.join(ui, 'good.mts'), good);
    fs.writeFileSync(path.join(ui, 'bad.mts'), "import 'privacy-panel/missing.css';\n");
    const compile = (tsc: string, file: string, resolution: string) =>
      spawnSync(
        tsc,
        [
          '--noEmit',
          '--strict',
          '--module',
          resolution === 'bundler' ? 'esnext' : resolution,
          '--moduleResolution',
          resolution,
          '--noUncheckedSideEffectImports',
          '--skipLibCheck',
          file,
        ],
        { cwd: host, encoding: 'utf8' },
      );
    for (const tsc of [path.join(BIN, 'tsc'), path.join(BIN, 'tsgo')]) {
      for (const resolution of ['node16', 'nodenext', 'bundler']) {
        const ok = compile(tsc, 'ui/good.mts', resolution);
        expect([path.basename(tsc), resolution, ok.status, ok.stdout]).toEqual([path.basename(tsc), resolution, 0, '']);
      }
      // The control: a stylesheet the package does not ship is still an error, so the check can fail.
      expect(compile(tsc, 'ui/bad.mts', 'bundler').stdout).toMatch(/error TS(2307|2882)/);
    }
  }, 300_000);
});
