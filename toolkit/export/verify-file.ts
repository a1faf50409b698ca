/**
 * `privacy-panel verify FILE [--head HASH] [--witness FILE]… [--since FILE|SEQ:HASH] [--lock FILE]`: reads
 * the files and runs the verifier. Exit code 0 verified, 1 problems found, 2 a file cannot be read (the
 * export or an anchor). The command table calls this; the lines go to stdout (0, 1) or stderr (2).
 */
import { readFileSync, statSync } from 'node:fs';
import { headArgument, type AnchorInput } from './anchors';
import { clip } from './clip';
import { MAX_EXPORT_CHARS } from './limits';
import { resultOf, type VerifyResult } from './report';
import { verifyExport } from './verify';
import { UnreadableInputError } from '../errors';

export interface VerifyFileInput {
  file: string;
  /** The head hash noted at export time. */
  head?: string;
  /** Receipt files admins kept. */
  witnesses: readonly string[];
  /** An earlier export or kept receipt file, or a head given as `SEQ:HASH`. */
  since?: string;
  /** The vendor's published lock. */
  lock?: string;
}

export type VerifyFileResult = VerifyResult;

const HEX64 = /^[0-9a-f]{64}$/;
/** Receipt files and locks are a few kilobytes; this is far beyond any. */
const MAX_SMALL_FILE_BYTES = 1024 * 1024;

function readText(file: string, maxBytes: number): string {
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch (error) {
    throw new UnreadableInputError(
      `cannot read ${clip(file, 200)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  // UTF-8 never takes fewer bytes than UTF-16 code units, so this bounds the text (and memory) read.
  if (bytes > maxBytes) throw new UnreadableInputError(`${clip(file, 200)} is larger than ${maxBytes} bytes`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UnreadableInputError(
      `cannot read ${clip(file, 200)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function since(arg: string): AnchorInput {
  return headArgument(arg) ?? { name: arg, text: readText(arg, MAX_EXPORT_CHARS) };
}

/** Async, as the command table calls it; the work itself is synchronous. */
export function verifyExportFile(input: VerifyFileInput): Promise<VerifyFileResult> {
  return Promise.resolve(verifyFileNow(input));
}

function verifyFileNow(input: VerifyFileInput): VerifyFileResult {
  if (input.head !== undefined && !HEX64.test(input.head))
    return { code: 2, lines: ['privacy-panel: --head takes the 64 lowercase hexadecimal characters the page showed'] };
  let text: string;
  let options: Parameters<typeof verifyExport>[1];
  try {
    text = readText(input.file, MAX_EXPORT_CHARS);
    options = {
      ...(input.head === undefined ? {} : { expectedHead: input.head }),
      witnesses: input.witnesses.map((name) => ({ name, text: readText(name, MAX_SMALL_FILE_BYTES) })),
      ...(input.since === undefined ? {} : { since: since(input.since) }),
      ...(input.lock === undefined
        ? {}
        : { lock: { name: input.lock, text: readText(input.lock, MAX_SMALL_FILE_BYTES) } }),
    };
  } catch (error) {
    if (error instanceof UnreadableInputError) return { code: 2, lines: [`privacy-panel: ${error.message}`] };
    throw error;
  }
  return resultOf(verifyExport(text, options), input.file);
}
