/**
 * The host commands of the `privacy-panel` CLI, `add`, `remove` and `build`, called with what the command
 * table (toolkit/cli/commands.ts) parsed: their options and usage live there, with every other command's.
 * (`preview` lives with the preview it serves: dev/preview/host.ts.) Each returns exit code 0; a refusal is a
 * HostAppError (exit 1), which toolkit/cli/main.ts reports.
 */
import { createInterface } from 'node:readline/promises';
import { addPanel, prepareHost, removePanel, type AddOptions } from './add';
import { buildHost } from './build';

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

/** `remove`: everything `add` added taken out again; policy/ is kept. */
export function removeCommand(dir: string): number {
  print(removePanel(dir).output);
  return 0;
}

/** `build`: the statement compiled (published, or any with `draft`) and the page resource refreshed. */
export function buildCommand(dir: string, options: { draft: boolean }): number {
  print(buildHost(dir, { deploy: !options.draft }).lines);
  return 0;
}
