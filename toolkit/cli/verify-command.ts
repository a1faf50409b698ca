/**
 * `privacy-panel verify FILE [--head HASH]`: checks an export file offline. 0 verified, 1 problems found, 2
 * the file cannot be read as an export (I/O, not JSON, another format, too large or deep, absurd numbers),
 * with a one-line reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { formatReport, formatUnreadable, MAX_EXPORT_CHARS, verifyExport } from '../export/index';
import { EXIT, UnreadableInputError, UsageError } from './exit-codes';

const HEX64 = /^[0-9a-f]{64}$/;

export function runVerify(file: string, head: string | undefined): number {
  if (head !== undefined && !HEX64.test(head))
    throw new UsageError('--head takes the 64 lowercase hexadecimal characters the page showed');
  let text: string;
  try {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this bounds the text (and memory) read.
    if (statSync(file).size > MAX_EXPORT_CHARS)
      throw new UnreadableInputError(
        `${file} cannot be read as a Privacy Panel export: larger than ${MAX_EXPORT_CHARS} bytes`,
      );
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new UnreadableInputError(`cannot read ${file}: ${code ?? String(error)}`);
  }
  const report = verifyExport(text, head === undefined ? {} : { expectedHead: head });
  if (!report.readable) {
    process.stderr.write(formatUnreadable(report, file));
    return EXIT.unreadable;
  }
  process.stdout.write(formatReport(report, file));
  return report.ok ? EXIT.ok : EXIT.findings;
}
