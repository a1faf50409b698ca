/**
 * The `privacy-panel` command line (bin/privacy-panel.cjs runs it): parses argv against the command table
 * (commands.ts) with node:util parseArgs — strict, so an unknown flag is a usage error — writes every usage
 * text from that table, and turns how a command ended into the exit code (exit-codes.ts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { COMMANDS, type CommandSpec, type Invocation, type OptionSpec } from './commands';
import { describeError, EXIT, exitCodeFor, UsageError } from './exit-codes';
import { packageInfo } from './package-info';

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'this help' };

const EXIT_CODES = [
  '  0  done: verified, no contradiction, written',
  '  1  findings: contradictions, an export that does not verify, a refusal naming what to fix',
  '  2  usage, or input that cannot be read (no Forge app, not YAML, not an export, no such file)',
  '  3  a bug in privacy-panel (the stack is printed)',
];

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

const columns = (rows: readonly (readonly [string, string])[]): string[] => {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
};

function synopsis(command: CommandSpec): string {
  const operand = command.operand.required ? command.operand.name : `[${command.operand.name}]`;
  const visible = Object.values(command.options).some((o) => !o.hidden);
  return `privacy-panel ${command.name} ${operand}${visible ? ' [options]' : ''}`;
}

export function commandUsage(command: CommandSpec): string {
  const rows: [string, string][] = [[command.operand.name, command.operand.help]];
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP })) {
    if (!spec.hidden) rows.push([optionLabel(name, spec), spec.help]);
  }
  const summary = `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`;
  return [`usage: ${synopsis(command)}`, '', summary, '', ...columns(rows), ''].join('\n');
}

export function mainUsage(): string {
  return [
    'usage: privacy-panel COMMAND [DIR | FILE] [options]',
    '',
    'Commands (DIR is the Forge app, by default the current folder):',
    ...columns(COMMANDS.map((c) => [c.name, c.summary])),
    '',
    '  privacy-panel COMMAND --help   that command and its options',
    '  privacy-panel --version        the version of this package',
    '',
    'Exit codes:',
    ...EXIT_CODES,
    '',
  ].join('\n');
}

function parseConfig(command: CommandSpec): ParseArgsConfig['options'] {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP })) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple === true ? { multiple: true } : {}),
    };
  }
  return options;
}

/** An error's message, whichever realm threw it. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The command's invocation, or a UsageError naming what does not fit. */
export function parseCommand(command: CommandSpec, argv: readonly string[]): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: parseConfig(command), allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs adds a hint about `--` to its first sentence; the first sentence is the reason.
    throw new UsageError((messageOf(error).split(/\.\s/)[0] ?? '').trim());
  }
  const values = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  if (values['help'] === true) return 'help';
  const [operand, ...extra] = parsed.positionals;
  if (extra.length > 0)
    throw new UsageError(`one ${command.operand.name} at most, got ${parsed.positionals.join(' ')}`);
  if (operand === undefined && command.operand.required) throw new UsageError(`${command.operand.name} is missing`);
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value))
      throw new UsageError(`--${name} takes ${spec.choices.join(', ')}; got ${value}`);
  }
  return {
    operand,
    dir: resolve(operand ?? '.'),
    string: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    strings: (name) => {
      const value = values[name];
      if (typeof value === 'string') return [value];
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    },
    flag: (name) => values[name] === true,
  };
}

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one command line; the exit code (exit-codes.ts). Never throws. */
export async function runCli(argv: readonly string[], io: CliOutput = STDIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    if (command) io.out(commandUsage(command));
    else if (name === undefined) io.err(mainUsage());
    else io.out(mainUsage());
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${packageInfo().version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`privacy-panel: unknown command ${name}\n\n${mainUsage()}`);
    return EXIT.unreadable;
  }
  try {
    const call = parseCommand(command, rest);
    if (call === 'help') {
      io.out(commandUsage(command));
      return EXIT.ok;
    }
    return await command.run(call);
  } catch (error) {
    const code = exitCodeFor(error);
    io.err(`privacy-panel ${command.name}: ${describeError(error)}\n`);
    if (error instanceof UsageError) io.err(`\n${commandUsage(command)}`);
    return code;
  }
}

/** For the bin and the npm scripts: sets the process's exit code (a preview keeps the process alive). */
export async function runCliProcess(argv: readonly string[]): Promise<void> {
  process.exitCode = await runCli(argv);
}

if (require.main === module) void runCliProcess(process.argv.slice(2));
