/**
 * `privacy-panel verify FILE [--head HASH] [--witness RECEIPT]… [--since EARLIER|SEQ:HASH] [--lock LOCK]`:
 * checks an export file offline with the verifier (toolkit/export/verify-file.ts). 0 verified, 1 problems
 * found, 2 a file cannot be read (the export or one given with an option), with a one-line reason.
 */
import { verifyExportFile, type VerifyFileInput } from '../export/verify-file';
import { UnreadableInputError } from './exit-codes';

export async function runVerify(input: VerifyFileInput): Promise<number> {
  const { code, lines } = await verifyExportFile(input);
  // A file that cannot be read is refused as every command refuses: `privacy-panel verify: <reason>`, exit 2.
  if (code === 2) throw new UnreadableInputError(lines.map((line) => line.replace(/^privacy-panel: /, '')).join('\n'));
  process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return code;
}
