/**
 * The verifier's checks of what the file says about itself as a whole: the chain's summary (length and head)
 * against its receipts, the head against the one noted at export time, and the checksum over the content.
 * Pure.
 */
import { sha256Hex } from '../../src/domain/canonical';
import { checksumInput } from './bundle';
import { clip } from './clip';
import type { VerifyProblem } from './codes';
import { EMPTY_CHAIN_HEAD, type ExportBundle } from './format';
import { isRecord } from './strict-json';

/** `chain.length` and `chain.headHash` against the receipts, and the head against the one noted. */
export function checkSummary(
  bundle: ExportBundle,
  receiptsRaw: readonly unknown[],
  expectedHead: string | undefined,
  problems: VerifyProblem[],
): void {
  if (bundle.chain.length !== receiptsRaw.length) {
    problems.push({
      where: 'chain',
      code: 'PPV-CHAIN-SUMMARY',
      message: `states ${bundle.chain.length} receipts; the file holds ${receiptsRaw.length}`,
    });
  }
  const last = receiptsRaw[receiptsRaw.length - 1];
  const lastHash =
    last === undefined
      ? EMPTY_CHAIN_HEAD
      : isRecord(last) && isRecord(last['receipt'])
        ? last['receipt']['hash']
        : undefined;
  if (bundle.chain.headHash !== lastHash) {
    problems.push({
      where: 'chain',
      code: 'PPV-CHAIN-SUMMARY',
      message: 'headHash is not the hash of the last receipt in the file',
    });
  }
  if (expectedHead !== undefined && expectedHead !== lastHash) {
    problems.push({
      where: 'chain',
      code: 'PPV-HEAD',
      message: `the chain ends in ${clip(String(lastHash))}, not in the head hash noted at export time (${expectedHead}): rewritten or cut`,
    });
  }
}

/** Checked whatever else is wrong, so that an edit anywhere is reported as one at least here. */
export function checkChecksum(parsed: Record<string, unknown>, bundle: ExportBundle, problems: VerifyProblem[]): void {
  if (typeof parsed['checksum'] === 'string' && sha256Hex(checksumInput(bundle)) !== parsed['checksum']) {
    problems.push({
      where: 'checksum',
      code: 'PPV-CHECKSUM',
      message: 'the file was changed after it was exported (the checksum does not match its content)',
    });
  }
}
