/**
 * The one place that turns how a command ended into the process's exit code (README "Exit codes"):
 *   0  done: verified, no contradiction, written
 *   1  findings: contradictions, an export that does not verify, a refusal that names what to fix
 *   2  usage, or input that cannot be read (no Forge app, not YAML, not an export, no such file)
 *   3  a bug in privacy-panel: the stack goes to stderr
 * Every error a command means to end with is a ToolkitError (toolkit/errors.ts), which carries its exit code, so
 * this module loads none of the commands.
 */
import { EXIT, isToolkitError, type ExitCode } from '../errors';

export { EXIT, FindingsError, UnreadableInputError, UsageError, type ExitCode } from '../errors';

export function exitCodeFor(error: unknown): ExitCode {
  return isToolkitError(error) ? error.exitCode : EXIT.internal;
}

/**
 * What goes to stderr for an error: a toolkit error's code and message (`error PP-USAGE: …`, and the line the
 * command adds), the stack only for a bug.
 */
export function describeError(error: unknown): string {
  if (isToolkitError(error)) {
    const line = `error ${error.code}: ${error.message}`;
    return error.after === undefined ? line : `${line}\n${error.after}`;
  }
  const { message, stack } = (error ?? {}) as { message?: unknown; stack?: unknown };
  if (typeof stack === 'string') return stack;
  return typeof message === 'string' ? message : String(error);
}
