/**
 * The `privacy-panel` command table: each command's operand, options and what it runs. main.ts parses the
 * command line against it (node:util parseArgs, strict) and writes every usage text from it. The commands'
 * modules load only when their command runs, so `verify` and `--help` stay fast.
 */
import { resolve } from 'node:path';
import { CHECK_FORMATS, type CheckFormat } from './check-formats';
import { UsageError } from './exit-codes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the usage (`--policy DIR`). */
  value?: string;
  help: string;
  /** The only values allowed. */
  choices?: readonly string[];
  /** May be given more than once (`--witness A --witness B`). */
  multiple?: boolean;
  /** Kept for this repository's own scripts and tests; left out of the usage. */
  hidden?: boolean;
}

export interface Invocation {
  /** The operand, or undefined when none was given. */
  operand: string | undefined;
  /** The operand resolved as a folder, the current folder by default. */
  dir: string;
  string(name: string): string | undefined;
  /** Every value of a `multiple` option, in order. */
  strings(name: string): readonly string[];
  flag(name: string): boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** The one positional argument: `DIR` (optional, default the current folder) or `FILE` (required). */
  operand: { name: 'DIR' | 'FILE'; required: boolean; help: string };
  options: Readonly<Record<string, OptionSpec>>;
  run(call: Invocation): Promise<number> | number;
}

const APP_DIR = { name: 'DIR', required: false, help: "the Forge app's folder (default: the current folder)" } as const;
const POLICY: OptionSpec = { type: 'string', value: 'DIR', help: 'the statement folder (default: DIR/policy)' };
const MANIFEST: OptionSpec = { type: 'string', value: 'FILE', help: 'the manifest, when not DIR/manifest.yml' };
const FACTS: OptionSpec = {
  type: 'string',
  value: 'FILE',
  help: 'a compiled facts file instead of policy/',
  hidden: true,
};
const ROOT: OptionSpec = { type: 'string', value: 'DIR', help: 'the same as DIR', hidden: true };

/** `--root` (hidden) or the operand, resolved. */
const appDir = (call: Invocation): string => resolve(call.string('root') ?? call.dir);

const optional = <T>(name: keyof T & string, value: string | undefined): Partial<T> =>
  (value === undefined ? {} : { [name]: value }) as Partial<T>;

/**
 * A command's module, loaded when the command runs. `require` (this CLI is CommonJS) rather than import():
 * in a clone the bin runs this source through tsx's require hook, which import() would bypass.
 */
function load(path: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path);
}

function hostCommands(): typeof import('./host/main') {
  return load('./host/main') as typeof import('./host/main');
}

/** `--port N`: a whole number from 0 to 65535. */
function portOf(call: Invocation): number {
  const port = call.string('port');
  if (port === undefined) return 4173;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError('--port takes a number from 0 to 65535');
  return Number(port);
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    summary: "the statement against the app's manifest, code and data inventory",
    operand: APP_DIR,
    options: {
      format: {
        type: 'string',
        value: 'FORMAT',
        help: 'text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)',
        choices: CHECK_FORMATS,
      },
      policy: POLICY,
      manifest: MANIFEST,
      facts: FACTS,
      root: ROOT,
      'no-write': { type: 'boolean', help: 'this repository: do not write src/generated/evidence.json', hidden: true },
    },
    run(call) {
      const { runCheck } = load('./check') as typeof import('./check');
      return runCheck({
        dir: appDir(call),
        format: (call.string('format') ?? 'text') as CheckFormat,
        write: !call.flag('no-write'),
        ...optional('policyDir', call.string('policy')),
        ...optional('manifest', call.string('manifest')),
        ...optional('factsFile', call.string('facts')),
      });
    },
  },
  {
    name: 'evidence',
    summary: 'what the build can prove about the app from its manifest and code',
    operand: APP_DIR,
    options: { json: { type: 'boolean', help: 'one JSON object on stdout' }, manifest: MANIFEST },
    run(call) {
      const { runEvidence } = load('./evidence') as typeof import('./evidence');
      return runEvidence({ dir: call.dir, json: call.flag('json'), ...optional('manifest', call.string('manifest')) });
    },
  },
  {
    name: 'marketplace',
    summary: "the app's Marketplace Privacy & Security answers, as the API's JSON body",
    operand: APP_DIR,
    options: { policy: POLICY, facts: FACTS, root: ROOT },
    run(call) {
      const { runMarketplace } = load('./marketplace-privacy') as typeof import('./marketplace-privacy');
      return runMarketplace({
        dir: appDir(call),
        ...optional('policyDir', call.string('policy')),
        ...optional('factsFile', call.string('facts')),
      });
    },
  },
  {
    name: 'publish',
    summary: 'publish the current statement version: policy/published.lock.json and policy/versions/',
    operand: APP_DIR,
    options: {},
    run(call) {
      const { publishPolicy } = load('./policy-publish') as typeof import('./policy-publish');
      process.stdout.write(`${publishPolicy(call.dir).join('\n')}\n`);
      return 0;
    },
  },
  {
    name: 'verify',
    summary: 'check an acknowledgment export file offline',
    operand: { name: 'FILE', required: true, help: 'the export (.json) the page downloaded' },
    options: {
      head: { type: 'string', value: 'HASH', help: 'the head hash the page showed at export time (64 hex characters)' },
      witness: {
        type: 'string',
        value: 'RECEIPT',
        multiple: true,
        help: 'a receipt an admin kept from the page: it must be in the export (repeatable)',
      },
      since: {
        type: 'string',
        value: 'EARLIER',
        help: 'an earlier export, a kept receipt or SEQ:HASH: the export must extend it',
      },
      lock: {
        type: 'string',
        value: 'LOCK',
        help: "the vendor's published.lock.json: every statement and translation must be the published one",
      },
    },
    run(call) {
      const { runVerify } = load('./verify-command') as typeof import('./verify-command');
      const head = call.string('head');
      const since = call.string('since');
      const lock = call.string('lock');
      return runVerify({
        file: call.operand ?? '',
        witnesses: call.strings('witness'),
        ...(head === undefined ? {} : { head }),
        ...(since === undefined ? {} : { since }),
        ...(lock === undefined ? {} : { lock }),
      });
    },
  },
  {
    name: 'add',
    summary: 'add the panel to the Forge app',
    operand: APP_DIR,
    options: {
      yes: { type: 'boolean', short: 'y', help: 'apply without asking' },
      'dry-run': { type: 'boolean', help: 'print the changes, write nothing' },
      'key-prefix': { type: 'string', value: 'P', help: "where the panel's keys live in KVS (default pp:)" },
    },
    async run(call) {
      const keyPrefix = call.string('key-prefix');
      await hostCommands().addCommand(call.dir, {
        dryRun: call.flag('dry-run'),
        yes: call.flag('yes'),
        ...(keyPrefix === undefined ? {} : { keyPrefix }),
      });
      return 0;
    },
  },
  {
    name: 'remove',
    summary: 'take the panel out again (policy/ is kept)',
    operand: APP_DIR,
    options: {},
    run: (call) => hostCommands().removeCommand(call.dir),
  },
  {
    name: 'build',
    summary: 'compile the published statement and refresh the page resource, for forge deploy',
    operand: APP_DIR,
    options: {
      draft: {
        type: 'boolean',
        help: 'build an unpublished or unfinished statement, to try it (it cannot be acknowledged)',
      },
    },
    run: (call) => hostCommands().buildCommand(call.dir, { draft: call.flag('draft') }),
  },
  {
    name: 'preview',
    summary: "serve the panel with the app's statement and evidence on a local emulator",
    operand: APP_DIR,
    options: { port: { type: 'string', value: 'N', help: 'the port (default 4173)' } },
    run(call) {
      const port = portOf(call);
      const { runPreviewCommand } = load('../../dev/preview/host') as typeof import('../../dev/preview/host');
      return runPreviewCommand(call.dir, port);
    },
  },
];
