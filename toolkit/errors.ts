/**
 * The one base of the toolkit's errors: each says what it is (a stable `PP-…` code), where (file and line, when
 * known) and how the command ends (its exit code). `toolkit/cli/main.ts` turns any of them into its message and
 * exit code in one place; anything else that escapes a command is a bug (exit 3, stack printed). Pure.
 */

/** How a command ends (README "Exit codes"). */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a problem is: a file relative to the folder the command was given, and a 1-based line when known. */
export interface ErrorPlace {
  file?: string;
  line?: number;
}

/**
 * Marks an error as the toolkit's across module copies and realms (the bin may load this source and the built
 * package side by side; a test may run it in a vm), where `instanceof` alone would miss it.
 */
const BRAND: unique symbol = Symbol.for('privacy-panel.toolkit-error');

export abstract class ToolkitError extends Error {
  /** Stable for scripts and docs, like the verifier's `PPV-…` codes (toolkit/export/codes.ts). */
  abstract readonly code: `PP-${string}`;
  abstract readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** A line printed after the message, when the command has one to add ("Nothing was written."). */
  readonly after: string | undefined;
  readonly [BRAND] = true;

  constructor(message: string, place: ErrorPlace & { after?: string } = {}) {
    super(message);
    this.name = new.target.name;
    this.file = place.file;
    this.line = place.line !== undefined && place.line > 0 ? place.line : undefined;
    this.after = place.after;
  }
}

export function isToolkitError(error: unknown): error is ToolkitError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

/** The command line does not fit the command: an unknown flag, a missing or extra argument, a bad value. */
export class UsageError extends ToolkitError {
  readonly code = 'PP-USAGE';
  readonly exitCode = EXIT.unreadable;
}

/** The input cannot be read as what the command needs. */
export class UnreadableInputError extends ToolkitError {
  readonly code = 'PP-UNREADABLE';
  readonly exitCode = EXIT.unreadable;
}

/** The command ran and found something to fix (it names it). */
export class FindingsError extends ToolkitError {
  readonly code = 'PP-FINDINGS';
  readonly exitCode = EXIT.findings;
}
