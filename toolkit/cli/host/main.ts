/**
 * The host commands of the `privacy-panel` CLI (toolkit/cli/commands.ts dispatches here):
 *   add [DIR] [--yes] [--dry-run] [--key-prefix P]   remove [DIR]   build [DIR] [--draft]
 * (`preview` lives with the preview it serves: dev/preview/host.ts.)
 * Exit codes: 0 done, 2 usage; a refusal is a HostAppError (exit 1), which toolkit/cli/main.ts reports.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { addPanel, prepareHost, removePanel, type AddOptions } from './add';
import { buildHost } from './build';

export const HOST_COMMANDS = ['add', 'remove', 'build'] as const;

const USAGE = `usage:
  privacy-panel add [DIR] [--yes] [--dry-run]   add the panel to the Forge app in DIR (default .)
      [--key-prefix P]                          where the panel's keys live in KVS (default pp:)
  privacy-panel remove [DIR]                    take it out again (policy/ is kept)
  privacy-panel build [DIR] [--draft]           compile policy/ and refresh the page resource
  privacy-panel preview [DIR] [--port N]        serve the panel with this app's statement and evidence
`;

interface Args {
  dir: string;
  flags: Set<string>;
  /** Options that take a value (`--key-prefix P` or `--key-prefix=P`). */
  values: Map<string, string>;
}

const VALUED = ['--key-prefix'];

function parse(argv: readonly string[]): Args | string {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name = '', inline] = arg.split(/=(.*)/s);
    if (VALUED.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${name} needs a value`;
      flags.add(name);
      values.set(name, value);
    } else if (arg.startsWith('--')) flags.add(arg);
    else rest.push(arg);
  }
  if (rest.length > 1) return `one folder at most, got ${rest.join(' ')}`;
  return { dir: resolve(rest[0] ?? '.'), flags, values };
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const print = (lines: readonly string[]): void => {
  process.stdout.write(`${lines.join('\n')}\n`);
};

/**
 * `add`: the host is read and validated once; without --yes or --dry-run the plan is shown and applied only
 * when `ask` says yes (a terminal's answer by default).
 */
export async function addCommand(
  dir: string,
  options: AddOptions & { dryRun: boolean; yes: boolean },
  ask: (question: string) => Promise<boolean> = confirm,
): Promise<void> {
  const host = await prepareHost(dir);
  const { yes, ...given } = options;
  if (!options.dryRun && !yes) {
    const preview = await addPanel(dir, { ...given, dryRun: true }, host);
    print(preview.output.slice(0, -1));
    if (preview.plan.alreadyAdded) return;
    if (!(await ask('Apply these changes? [y/N] '))) {
      print(['Nothing written (pass --yes to apply without asking).']);
      return;
    }
  }
  const result = await addPanel(dir, given, host);
  print(options.dryRun || yes ? result.output : result.output.slice(-4));
}

export async function runHostCommand(command: string, argv: readonly string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    process.stderr.write(`privacy-panel ${command}: ${args}\n${USAGE}`);
    return 2;
  }
  const known: Record<string, readonly string[]> = {
    add: ['--yes', '--dry-run', '--key-prefix'],
    remove: [],
    build: ['--draft'],
  };
  const unknown = [...args.flags].filter((f) => !(known[command] ?? []).includes(f));
  if (unknown.length > 0) {
    process.stderr.write(`privacy-panel ${command}: unknown option ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'add': {
      const keyPrefix = args.values.get('--key-prefix');
      await addCommand(args.dir, {
        dryRun: args.flags.has('--dry-run'),
        yes: args.flags.has('--yes'),
        ...(keyPrefix === undefined ? {} : { keyPrefix }),
      });
      return 0;
    }
    case 'remove':
      print(removePanel(args.dir).output);
      return 0;
    case 'build':
      print(buildHost(args.dir, { deploy: !args.flags.has('--draft') }).lines);
      return 0;
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}
