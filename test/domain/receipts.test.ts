import { GENESIS_HASH } from '../../src/domain/canonical';
import { accountCommitment, acknowledgmentSubject, sealReceipt, verifyChain } from '../../src/domain/receipts/receipt';
import type { Receipt } from '../../src/domain/receipts/types';

function chainOf(length: number): Receipt[] {
  const receipts: Receipt[] = [];
  for (let seq = 1; seq <= length; seq += 1) {
    receipts.push(
      sealReceipt({
        kind: 'acknowledgment',
        seq,
        receiptId: `r-${seq}`,
        notice: { statementId: 's', version: 1, hash: 'a'.repeat(64), effectiveDate: '2026-01-01' },
        method: 'admin-page-button',
        product: 'jira',
        installation: 'ari:cloud:jira::site/x',
        at: `2026-01-0${seq}T00:00:00.000Z`,
        subject: acknowledgmentSubject('salt', `acc-${seq}`),
        prevHash: receipts[seq - 2]?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return receipts;
}

describe('receipts', () => {
  it('a sealed chain verifies', () => {
    expect(verifyChain(chainOf(5))).toEqual([]);
  });

  it('the commitment depends on salt and account, and hides the account', () => {
    const c = accountCommitment('salt', 'acc-1');
    expect(c).toMatch(/^[0-9a-f]{64}$/);
    expect(c).not.toContain('acc-1');
    expect(accountCommitment('other', 'acc-1')).not.toBe(c);
    expect(accountCommitment('salt', 'acc-2')).not.toBe(c);
  });

  it('an altered field is caught at its receipt', () => {
    const receipts = chainOf(4);
    receipts[2] = { ...receipts[2]!, at: '2030-01-01T00:00:00.000Z' };
    expect(verifyChain(receipts)).toEqual([expect.objectContaining({ seq: 3, kind: 'hash-mismatch' })]);
  });

  it('a re-sealed forgery breaks the link of the receipt after it', () => {
    const receipts = chainOf(4);
    const { hash: _h, schema: _s, ...body } = receipts[1]!;
    receipts[1] = sealReceipt({ ...body, at: '2030-01-01T00:00:00.000Z' });
    expect(verifyChain(receipts)).toEqual([expect.objectContaining({ seq: 3, kind: 'broken-link' })]);
  });

  it('a removed receipt is a gap and a broken link', () => {
    const receipts = chainOf(4);
    receipts.splice(1, 1);
    const kinds = verifyChain(receipts).map((p) => p.kind);
    expect(kinds).toContain('sequence-gap');
    expect(kinds).toContain('broken-link');
  });
});
