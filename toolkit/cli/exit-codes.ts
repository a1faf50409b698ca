/**
 * The one place that turns how a command ended into the process's exit code (README "Exit codes"):
 *   0  done: verified, no contradiction, written
 *   1  findings: contradictions, an export that does not verify, a refusal that names what to fix
 *   2  usage, or input that cannot be read (no Forge app, not YAML, not an export, no such file)
 *   3  a bug in privacy-panel: the stack goes to stderr
 * Errors are matched by class name along the prototype chain, so this module loads none of the commands.
 */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line does not fit the command: an unknown flag, a missing or extra argument, a bad value. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input cannot be read as what the command needs. */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

/** The command ran and found something to fix (it names it). */
export class FindingsError extends Error {
  override name = 'FindingsError';
}

/** Error classes of the commands, most specific first: a subclass is named before its parent. */
const BY_CLASS: readonly (readonly [string, ExitCode])[] = [
  ['UsageError', EXIT.unreadable],
  ['UnreadableInputError', EXIT.unreadable],
  ['FindingsError', EXIT.findings],
  ['StatementProblemsError', EXIT.findings], // toolkit/cli/app-check.ts: the statement breaks its own rules
  ['HostAppError', EXIT.findings], // toolkit/cli/host/host-app.ts: a refusal naming the file and what to do
  ['AppLoadError', EXIT.unreadable], // toolkit/cli/app-files.ts: no app, or a file that does not parse
  ['EvidenceInputError', EXIT.unreadable], // toolkit/cli/evidence-inputs.ts
];

export function exitCodeFor(error: unknown): ExitCode {
  for (let proto: unknown = error; proto !== null && typeof proto === 'object'; proto = Object.getPrototypeOf(proto)) {
    const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    const found = BY_CLASS.find(([cls]) => cls === name);
    if (found && Object.prototype.hasOwnProperty.call(proto, 'constructor')) return found[1];
  }
  return EXIT.internal;
}

/** What goes to stderr for an error: its message, and the stack only for a bug. */
export function describeError(error: unknown): string {
  const { message, stack } = (error ?? {}) as { message?: unknown; stack?: unknown };
  if (exitCodeFor(error) === EXIT.internal && typeof stack === 'string') return stack;
  return typeof message === 'string' ? message : String(error);
}
