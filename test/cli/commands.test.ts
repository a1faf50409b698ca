/** The command line itself: usage from the table, --help on every command, strict flags, exit codes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../toolkit/cli/commands';
import { EXIT, exitCodeFor, FindingsError, UnreadableInputError, UsageError } from '../../toolkit/cli/exit-codes';
import { ManifestShapeError } from '../../toolkit/cli/host/manifest-edit';
import { ToolkitError } from '../../toolkit/errors';
import { InvalidManifestError } from '../../toolkit/evidence/manifest-facts';
import { runCli } from '../../toolkit/cli/main';
import { AppLoadError } from '../../toolkit/cli/app-files';
import { StatementProblemsError } from '../../toolkit/cli/app-check';
import { EvidenceInputError } from '../../toolkit/cli/evidence-inputs';
import { HostAppError } from '../../toolkit/cli/host/host-app';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('the usage lists every command of the table and the exit codes', async () => {
  const help = await cli('--help');
  expect(help.code).toBe(EXIT.ok);
  const rows = help.out.split('\n').map((line) => line.trim().split(/\s{2,}/));
  for (const c of COMMANDS) expect(rows).toContainEqual([c.name, c.summary]);
  expect(help.out).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
  expect(COMMANDS.map((c) => c.name).sort()).toEqual(
    ['add', 'build', 'check', 'evidence', 'marketplace', 'preview', 'publish', 'remove', 'verify'].sort(),
  );
});

test.each(COMMANDS.map((c) => c.name))('%s --help and -h exit 0 with its options', async (name) => {
  const command = COMMANDS.find((c) => c.name === name)!;
  for (const flag of ['--help', '-h']) {
    const help = await cli(name, flag);
    expect([help.code, help.err]).toEqual([EXIT.ok, '']);
    expect(help.out).toContain(`usage: privacy-panel ${name} `);
    for (const [option, spec] of Object.entries(command.options))
      if (!spec.hidden) expect(help.out).toContain(`--${option}`);
  }
  expect((await cli('help', name)).out).toBe((await cli(name, '--help')).out);
});

test('an unknown flag, a second operand, a bad choice or a missing FILE is a usage error (exit 2)', async () => {
  const unknown = await cli('check', '--sarif');
  expect(unknown.code).toBe(EXIT.unreadable);
  expect(unknown.err).toMatch(
    /^privacy-panel check: error PP-USAGE: Unknown option '--sarif'\n\nusage: privacy-panel check/,
  );
  expect((await cli('evidence', 'a', 'b')).err).toContain('one DIR at most');
  expect((await cli('check', '--format', 'xml')).err).toContain('--format takes text, json, sarif, github; got xml');
  expect((await cli('verify')).err).toContain('FILE is missing');
  expect((await cli('verify', 'x.json', '--head', 'zz')).code).toBe(EXIT.unreadable);
  expect((await cli('frobnicate')).code).toBe(EXIT.unreadable);
  expect((await cli()).code).toBe(EXIT.unreadable);
});

test.each(COMMANDS.map((c) => c.name))('%s refuses an unknown flag with exit 2, naming it', async (name) => {
  const refused = await cli(name, '--bogus-flag');
  expect(refused.code).toBe(EXIT.unreadable);
  expect(refused.out).toBe('');
  expect(refused.err).toMatch(
    new RegExp(
      `^privacy-panel ${name}: error PP-USAGE: Unknown option '--bogus-flag'\n\nusage: privacy-panel ${name} `,
    ),
  );
});

test('the table checks a value before the command runs: --port out of range is a usage error', async () => {
  const refused = await cli('preview', '--port', '70000');
  expect(refused.code).toBe(EXIT.unreadable);
  expect(refused.err).toMatch(
    /^privacy-panel preview: error PP-USAGE: --port takes a number from 0 to 65535\n\nusage: /,
  );
});

test('--version prints the package version', async () => {
  const { version } = jest.requireActual<{ version: string }>('../../package.json');
  expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
});

test('one mapping from errors to exit codes', () => {
  expect(exitCodeFor(new UsageError('x'))).toBe(2);
  expect(exitCodeFor(new AppLoadError('manifest.yml', 1, 'x'))).toBe(2);
  expect(exitCodeFor(new EvidenceInputError('x'))).toBe(2);
  expect(exitCodeFor(new StatementProblemsError('x'))).toBe(1);
  expect(exitCodeFor(new HostAppError('manifest.yml', 'x'))).toBe(1);
  expect(exitCodeFor(new FindingsError('x'))).toBe(1);
  expect(exitCodeFor(new TypeError('x'))).toBe(3);
  expect(exitCodeFor('a string')).toBe(3);
});

test('every toolkit error has the one base: a distinct PP- code, its exit code and its place', () => {
  const errors: ToolkitError[] = [
    new UsageError('x'),
    new UnreadableInputError('x'),
    new FindingsError('x'),
    new AppLoadError('manifest.yml', 3, 'not valid YAML'),
    new EvidenceInputError('x'),
    new StatementProblemsError('x'),
    new HostAppError('manifest.yml', 'x'),
    new ManifestShapeError('x'),
    new InvalidManifestError('x'),
  ];
  for (const error of errors) {
    expect(error).toBeInstanceOf(ToolkitError);
    expect(error.code).toMatch(/^PP-[A-Z-]+$/);
    expect(error.name).toBe(error.constructor.name);
    expect(exitCodeFor(error)).toBe(error.exitCode);
  }
  expect(new Set(errors.map((e) => e.code)).size).toBe(errors.length);
  expect(new AppLoadError('manifest.yml', 3, 'x')).toEqual(expect.objectContaining({ file: 'manifest.yml', line: 3 }));
  expect(new AppLoadError('manifest.yml', 0, 'x').line).toBeUndefined();
  // A copy of the toolkit loaded twice (the bin's source beside the built package) is still recognised.
  const foreign = Object.assign(new Error('x'), { [Symbol.for('privacy-panel.toolkit-error')]: true, exitCode: 1 });
  expect(exitCodeFor(foreign)).toBe(1);
});

test('the README lists every toolkit error code with its exit code', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const listed = new Map([...readme.matchAll(/^\| `(PP-[A-Z-]+)` \| (\d) \|/gm)].map((m) => [m[1], Number(m[2])]));
  const errors: ToolkitError[] = [
    new UsageError('x'),
    new UnreadableInputError('x'),
    new FindingsError('x'),
    new AppLoadError('manifest.yml', 3, 'x'),
    new EvidenceInputError('x'),
    new StatementProblemsError('x'),
    new HostAppError('manifest.yml', 'x'),
    new ManifestShapeError('x'),
    new InvalidManifestError('x'),
  ];
  expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(errors.map((e) => [e.code, e.exitCode])));
  const sources = execFileSync('git', ['grep', '-h', "readonly code = 'PP-", '--', 'toolkit', 'src', 'dev'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const declared = [...sources.matchAll(/'(PP-[A-Z-]+)'/g)].map((m) => m[1]).sort();
  expect(declared).toEqual([...listed.keys()].sort());
});

test('a refusal from any command is reported in one place: its message, "Nothing was written.", exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-not-forge-'));
  try {
    for (const command of ['add', 'build', 'preview']) {
      const refused = await cli(command, dir);
      expect(refused.code).toBe(EXIT.findings);
      expect(refused.err).toMatch(
        new RegExp(`^privacy-panel ${command}: error PP-HOST-REFUSED: [^:]+: .*\\nNothing was written\\.\\n$`, 's'),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bug is exit 3 with its stack; a known refusal is its message only', async () => {
  const missing = await cli('verify', '/nonexistent/export.json');
  expect(missing).toEqual(expect.objectContaining({ code: 2 }));
  expect(missing.err).toBe('privacy-panel verify: error PP-UNREADABLE: cannot read /nonexistent/export.json: ENOENT\n');
});
