import { GENESIS_HASH, hashCanonical, sha256Hex } from '../canonical';
import { RECEIPT_SCHEMA, type AcknowledgmentSubject, type OmitEach, type Receipt, type ReceiptBody } from './types';

/** The salted commitment to an account: lets a receipt name its acknowledger without keeping the ID forever. */
export function accountCommitment(salt: string, accountId: string): string {
  return sha256Hex(`${salt}:${accountId}`);
}

/** SHA-256 of the installation salt: sealed into each acknowledgment so the salt cannot be swapped or dropped. */
export function saltDigest(salt: string): string {
  return sha256Hex(salt);
}

/** An acknowledgment's subject: the commitment to the account, bound to the salt it was made with. */
export function acknowledgmentSubject(salt: string, accountId: string): AcknowledgmentSubject {
  return { commitment: accountCommitment(salt, accountId), saltDigest: saltDigest(salt) };
}

export function receiptHash(body: ReceiptBody): string {
  return hashCanonical(body);
}

/** Seals a body with its hash. */
export function sealReceipt(body: OmitEach<ReceiptBody, 'schema'>): Receipt {
  const full = { schema: RECEIPT_SCHEMA, ...body } as ReceiptBody;
  return { ...full, hash: receiptHash(full) };
}

export function bodyOf(receipt: Receipt): ReceiptBody {
  const { hash: _hash, ...body } = receipt;
  return body;
}

export type ChainProblem =
  | { seq: number; kind: 'hash-mismatch'; message: string }
  | { seq: number; kind: 'broken-link'; message: string }
  | { seq: number; kind: 'sequence-gap'; message: string };

/**
 * Checks receipts given oldest first, starting at seq 1: every hash matches its body, every `prevHash` is the
 * hash of the receipt before, and the sequence has no gap. Returns the problems in chain order.
 */
export function verifyChain(receipts: readonly Receipt[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedPrev = GENESIS_HASH;
  receipts.forEach((receipt, index) => {
    const expectedSeq = index + 1;
    if (receipt.seq !== expectedSeq) {
      problems.push({
        seq: receipt.seq,
        kind: 'sequence-gap',
        message: `receipt ${index + 1} in order has seq ${receipt.seq}, expected ${expectedSeq}`,
      });
    }
    const actual = receiptHash(bodyOf(receipt));
    if (actual !== receipt.hash) {
      problems.push({
        seq: receipt.seq,
        kind: 'hash-mismatch',
        message: `receipt ${receipt.seq}: content does not match its hash (altered after it was written)`,
      });
    }
    if (receipt.prevHash !== expectedPrev) {
      problems.push({
        seq: receipt.seq,
        kind: 'broken-link',
        message: `receipt ${receipt.seq}: prevHash does not match the hash of receipt ${receipt.seq - 1}`,
      });
    }
    expectedPrev = receipt.hash;
  });
  return problems;
}
