/**
 * `add` on a host whose own code writes keys beginning with `pp:`: the evidence engine sees the family, the
 * plan says so and picks another prefix, the handler file carries it, and the bundled host answers the
 * panel's resolvers with every panel key under that prefix while the host's `pp:` keys stay its own.
 * `--key-prefix` is checked against the same rule and the host's keys; a refusal writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { addPanel, removePanel } from '../../toolkit/cli/host/add';
import { handlerFileText, HOST_HANDLER } from '../../toolkit/cli/host/handler-file';
import { HostAppError } from '../../toolkit/cli/host/host-app';
import { PANEL } from '../../toolkit/cli/host/panel-names';
import { runCli } from '../../toolkit/cli/main';
import { bundleOffline, validateManifest } from '../../toolkit/forge/offline-checks';
import { copyFixture, publishStarter, requirePackageBuilt, snapshot } from './harness';

type Handler = Parameters<ForgeEmulator['invoke']>[0];

const FIXTURE = 'jira-own-pp-keys';
const SITE = 'ari:cloud:jira::site/77777777-7777-4777-8777-777777777777';
const identity = { installContext: SITE, accountId: SAMPLE_ACCOUNTS.siteAdmin };
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function copy(fixture: string): string {
  const dir = copyFixture(fixture);
  dirs.push(dir);
  return dir;
}

const handlerText = (dir: string): string => fs.readFileSync(path.join(dir, PANEL.handlerDir, 'index.js'), 'utf8');

async function refused(dir: string, keyPrefix: string): Promise<HostAppError> {
  const before = snapshot(dir);
  const error: unknown = await addPanel(dir, { yes: true, keyPrefix }).catch((e: unknown) => e);
  expect(snapshot(dir)).toEqual(before);
  if (!(error instanceof HostAppError)) throw new Error(`expected a HostAppError, got ${String(error)}`);
  return error;
}

describe('add on a host whose keys begin with pp:', () => {
  let dir: string;
  let original: Map<string, string>;
  let result: Awaited<ReturnType<typeof addPanel>>;
  const emulator = new ForgeEmulator();

  beforeAll(async () => {
    requirePackageBuilt();
    dir = copy(FIXTURE);
    original = snapshot(dir);
    result = await addPanel(dir, { yes: true, today: '2026-11-01' });
    emulator.install();
  }, 120_000);
  afterAll(() => emulator.uninstall());

  it('picks privacy-panel: and says why, naming the host family and where it is written', () => {
    expect(result.written).toBe(true);
    expect(result.plan.keyPrefix).toBe('privacy-panel:');
    const note = result.output.find((line) => line.startsWith('Storage:'));
    expect(note).toMatch(/'pp:pin:' \(src\/index\.js:\d+\).*'privacy-panel:'/);
  });

  it("leaves a manifest Forge's validator accepts", async () => {
    expect((await validateManifest(dir)).errors).toEqual([]);
  });

  it('writes the prefix into the handler file, and only there', () => {
    expect(handlerText(dir)).toBe(handlerFileText({ ...HOST_HANDLER, keyPrefix: 'privacy-panel:' }));
    expect(handlerText(dir)).toContain("createPrivacyPanel({ catalog, evidence, keyPrefix: 'privacy-panel:' })");
  });

  it('the bundle answers getDisclosure and acknowledge under that prefix; the host keeps its pp: keys', async () => {
    publishStarter(dir); // a draft is never acknowledged
    const bundle = await bundleOffline(dir);
    try {
      const load = (file: string) =>
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(bundle.outputDir, file)) as Record<string, Handler>;
      const host = load('index.cjs')['handler'] as Handler;
      const panel = load('privacy-panel/index.cjs')['handler'] as Handler;
      expect(await emulator.invoke(host, 'pin', { person: 'ana', issue: 'PIN-1' }, identity)).toEqual({ pinned: true });

      const disclosure = (await emulator.invoke(panel, 'getDisclosure', {}, identity)) as Result<Disclosure>;
      if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
      expect(disclosure.data.evidence.keyFamilies.every((f) => f.pattern.startsWith('privacy-panel:'))).toBe(true);
      const { version, hash } = disclosure.data.statement;
      const ack = await emulator.invoke(panel, 'acknowledge', { version, hash }, identity);
      expect(ack).toEqual({ ok: true, data: expect.objectContaining({ created: true }) });

      const keys = [...emulator.entries(SITE).keys()];
      expect(keys.filter((key) => key.startsWith('pp:'))).toEqual(['pp:pin:ana']);
      const panelKeys = keys.filter((key) => key !== 'pp:pin:ana');
      expect(panelKeys.length).toBeGreaterThan(5);
      for (const key of panelKeys) expect(key.startsWith('privacy-panel:')).toBe(true);
      expect(await emulator.invoke(host, 'pinned', { person: 'ana' }, identity)).toEqual({ issue: 'PIN-1' });
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('changes nothing when run a second time, and remove restores every byte', async () => {
    const before = snapshot(dir);
    const again = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(again.plan.alreadyAdded).toBe(true);
    expect(snapshot(dir)).toEqual(before);
    expect(removePanel(dir).removed).toBe(true);
    expect(snapshot(dir, ['policy'])).toEqual(original);
  });
});

describe('add --key-prefix', () => {
  it('writes a chosen prefix into the handler file (dry run: nothing written)', async () => {
    const dir = copy('jira-free-slot');
    const before = snapshot(dir);
    const plan = await addPanel(dir, { dryRun: true, keyPrefix: 'acme.notes:' });
    expect(plan.plan.keyPrefix).toBe('acme.notes:');
    expect(plan.plan.files[0]?.text).toContain("keyPrefix: 'acme.notes:'");
    expect(snapshot(dir)).toEqual(before);
  });

  it('puts the prefix in the handler file whose register function a sub-page host calls', async () => {
    const plan = await addPanel(copy('jira-custom-ui-router'), { dryRun: true, keyPrefix: 'acme:' });
    expect(plan.plan.files[0]?.text).toContain("createPrivacyPanel({ catalog, evidence, keyPrefix: 'acme:' })");
    expect(plan.plan.files[0]?.text).toContain('export const registerPrivacyPanel = panel.register;');
    expect(plan.plan.notes).toContain('    registerPrivacyPanel(resolver);');
  });

  it.each([
    [['--key-prefix', 'acme:'], 0, "keeps its keys under 'acme:'"],
    [['--key-prefix=acme:'], 0, "keeps its keys under 'acme:'"],
    [['--key-prefix', 'bad'], 1, '--key-prefix: keyPrefix "bad" is not allowed'],
    [['--key-prefix'], 2, "Option '--key-prefix <value>' argument missing"],
  ])('the CLI reads %j (exit %d)', async (args, code, said) => {
    const dir = copy('jira-free-slot');
    const before = snapshot(dir);
    const out: string[] = [];
    const capture = (chunk: string | Uint8Array): boolean => out.push(String(chunk)) > 0;
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    try {
      expect(await runCli(['add', dir, '--dry-run', ...args], { out: capture, err: capture })).toBe(code);
    } finally {
      stdout.mockRestore();
    }
    expect(out.join('')).toContain(said);
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves the handler file as it always was for the default (no host key overlaps pp:)', async () => {
    const dir = copy('legacy-storage-triggers'); // its keys are `columns-…`
    const plan = await addPanel(dir, { dryRun: true });
    expect(plan.plan.keyPrefix).toBe('pp:');
    expect(plan.plan.files[0]?.text).toBe(handlerFileText());
    expect(plan.output.some((line) => line.startsWith('Storage:'))).toBe(false);
  });

  it.each([
    ['breaks the rule', 'pp', /--key-prefix: keyPrefix "pp" is not allowed: .*ending with ':'/],
    ['overlaps the host keys', 'pp:', /--key-prefix: 'pp:' overlaps your app's own key family 'pp:pin:'/],
  ])('refuses a prefix that %s, naming the option, and writes nothing', async (_label, keyPrefix, message) => {
    const error = await refused(copy(FIXTURE), keyPrefix);
    expect(error.file).toBe('--key-prefix');
    expect(error.message).toMatch(message);
  });
});

describe('host keys spelled where a call-site scan does not look', () => {
  it.each([
    ['kvs.batchSet', "await kvs.batchSet([{ key: 'pp:draft', value: 1 }]);"],
    ['a key helper', "const draftKey = (id) => 'pp:' + id;"],
    ['a template in a helper', 'const draftKey = (id) => `pp:${id}`;'],
    ['a join', "const draftKey = (id) => ['pp', id].join(':');"],
  ])('%s: the panel still keeps off pp:', async (_, line) => {
    const dir = copy('jira-free-slot');
    fs.writeFileSync(path.join(dir, 'src/drafts.js'), `import { kvs } from '@forge/kvs';\n\n${line}\n`);
    const plan = await addPanel(dir, { dryRun: true });
    expect(plan.plan.keyPrefix).toBe('privacy-panel:');
    expect(plan.plan.notes.join('\n')).toMatch(/\(src\/drafts\.js:3\)/);
  });

  it('leaves the default when no spelled key overlaps pp:', async () => {
    const plan = await addPanel(copy('jira-free-slot'), { dryRun: true });
    expect(plan.plan.keyPrefix).toBe('pp:');
  });
});
