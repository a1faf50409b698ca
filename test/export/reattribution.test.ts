/**
 * Issue 10 §1: who acknowledged must survive an attacker who edits the file and recomputes everything
 * recomputable (receipt hashes, links, the chain summary, the checksum).
 */
import fc from 'fast-check';
import { hashCanonical, sha256Hex } from '../../src/domain/canonical';
import { accountCommitment, saltDigest, sealReceipt } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { verifyExport, type VerifyReport } from '../../toolkit/export';
import { checksumInput } from '../../toolkit/export/bundle';
import type { ExportBundle } from '../../toolkit/export/format';
import { bundleOf, clone, relaid, sampleInput, SALT } from './helpers';

let original: ExportBundle;
beforeAll(async () => {
  original = await bundleOf(sampleInput());
});

const OTHER_SALT = 'ab'.repeat(32);
const MALLORY = '712020:mallory';

/** Everything an attacker can recompute: every receipt hash and link, the chain summary, the checksum. */
function recomputed(bundle: ExportBundle): string {
  let prevHash = '0'.repeat(64);
  bundle.receipts = bundle.receipts.map((stored): StoredReceipt => {
    const { hash: _hash, schema: _schema, ...body } = stored.receipt;
    const receipt = sealReceipt({ ...body, prevHash });
    prevHash = receipt.hash;
    return { ...stored, receipt };
  });
  bundle.chain = { length: bundle.receipts.length, headHash: prevHash };
  return relaid({ ...bundle, checksum: sha256Hex(checksumInput(bundle)) });
}

function edited(edit: (bundle: ExportBundle) => void, from: ExportBundle = original): VerifyReport {
  const bundle = clone(from);
  edit(bundle);
  return verifyExport(recomputed(bundle));
}

const at = (report: VerifyReport) => report.problems.map((p) => `${p.where}: ${p.message}`);

describe('re-attribution, with everything recomputable recomputed', () => {
  it('the salt removed and an account ID put beside an acknowledgment: same head, rejected at that receipt', () => {
    const report = edited((b) => {
      b.salt = null;
      b.receipts[2]!.accountId = MALLORY; // bob's, erased
    });
    expect(report.headHash).toBe(original.chain.headHash); // the noted head cannot show it
    expect(report.ok).toBe(false);
    expect(at(report)).toContain(
      'receipts[2] (seq 3): an account ID is beside it, but the file has no salt to check it against',
    );
    expect(at(report)).toContain(
      'receipts[1] (seq 2): the receipt seals a salt digest, but the file has no salt (removed after export?)',
    );
    expect(report.firstBroken?.seq).toBe(2);
  });

  it('the salt removed with every account ID nulled: still rejected, the receipts seal the salt digest', () => {
    const report = edited((b) => {
      b.salt = null;
      for (const stored of b.receipts) stored.accountId = null;
    });
    expect(report.ok).toBe(false);
    expect(at(report)).toContain(
      'receipts[1] (seq 2): the receipt seals a salt digest, but the file has no salt (removed after export?)',
    );
  });

  it('the salt replaced: rejected, naming each acknowledgment sealed with the real one', () => {
    const report = edited((b) => {
      b.salt = OTHER_SALT;
      // An attacker who also recomputes the commitments under the new salt still leaves the digests.
      for (const stored of b.receipts)
        if (stored.receipt.kind === 'acknowledgment' && stored.accountId)
          stored.receipt.subject.commitment = accountCommitment(OTHER_SALT, stored.accountId);
    });
    expect(report.ok).toBe(false);
    expect(at(report)).toContain(
      "receipts[1] (seq 2): the file's salt is not the one this receipt was sealed with (replaced?)",
    );
  });

  it('the salt replaced and every digest resealed: the chain is rewritten, so the noted head shows it', () => {
    const bundle = clone(original);
    bundle.salt = OTHER_SALT;
    for (const stored of bundle.receipts)
      if (stored.receipt.kind === 'acknowledgment') {
        stored.receipt.subject.saltDigest = saltDigest(OTHER_SALT);
        if (stored.accountId) stored.receipt.subject.commitment = accountCommitment(OTHER_SALT, stored.accountId);
      }
    const text = recomputed(bundle);
    expect(verifyExport(text).ok).toBe(true); // internally consistent …
    const report = verifyExport(text, { expectedHead: original.chain.headHash });
    expect(report.ok).toBe(false); // … but not the chain the admin noted
    expect(at(report)).toEqual([
      expect.stringMatching(/^chain: the chain ends in [0-9a-f]{64}, not in the head hash noted/),
    ]);
  });

  it('an account ID nulled where no erasure receipt covers it', () => {
    const report = edited((b) => {
      b.receipts[3]!.accountId = null; // carol's; only seq 3 was erased
    });
    expect(report.headHash).toBe(original.chain.headHash);
    expect(at(report)).toEqual([
      'receipts[3] (seq 4): no account ID is beside it, and no account-erased receipt says it was erased',
    ]);
  });

  it('an account ID that does not match its commitment', () => {
    const report = edited((b) => {
      b.receipts[6]!.accountId = MALLORY;
    });
    expect(at(report)).toEqual([
      'receipts[6] (seq 7): the account ID beside the receipt is not the one its commitment was made for',
    ]);
  });

  it('a statement version no receipt references, unless listed for history', async () => {
    const extra = clone(original.statements[1]!);
    extra.source.version = 3;
    extra.hash = hashCanonical(extra.source);
    const report = edited((b) => {
      b.statements.push(extra);
    });
    expect(at(report)).toEqual([
      'statements[v3]: no receipt references version 3, and the file does not list it in statementsForHistory',
    ]);
    const kept = edited((b) => {
      b.statements.push(extra);
      b.statementsForHistory = [3];
    });
    expect(kept.problems).toEqual([]);
    const listedButAbsent = edited((b) => {
      b.statementsForHistory = [4];
    });
    expect(at(listedButAbsent)).toEqual(['statementsForHistory: lists version 4, which the file does not hold']);
    // And an export written by the page with the marking still round-trips.
    const bundle = await bundleOf(sampleInput());
    expect(
      verifyExport(recomputed({ ...bundle, statements: [...bundle.statements, extra], statementsForHistory: [3] })).ok,
    ).toBe(true);
  });
});

// ---- Property: one change to who acknowledged, everything recomputable recomputed → rejected ----

type Change =
  | { what: 'accountId'; index: number; to: string }
  | { what: 'commitment'; index: number; to: string }
  | { what: 'salt'; to: string | null };

const ACK_INDEXES = [1, 2, 3, 6]; // acknowledgments in SAMPLE_STEPS; 2 (bob) is erased

const changes: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    what: fc.constant('accountId' as const),
    index: fc.constantFrom(...ACK_INDEXES),
    to: fc.oneof(fc.constant('712020:alice'), fc.constant('712020:carol'), fc.string({ minLength: 1, maxLength: 30 })),
  }),
  fc.record({
    what: fc.constant('commitment' as const),
    index: fc.constantFrom(...ACK_INDEXES),
    to: fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }).map((id) => accountCommitment(SALT, id)),
      fc.stringMatching(/^[0-9a-f]{64}$/),
    ),
  }),
  fc.record({
    what: fc.constant('salt' as const),
    to: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9a-f]{1,64}$/)),
  }),
);

function apply(bundle: ExportBundle, change: Change): boolean {
  if (change.what === 'salt') {
    if (change.to === bundle.salt) return false;
    bundle.salt = change.to;
    return true;
  }
  const stored = bundle.receipts[change.index]!;
  if (change.what === 'accountId') {
    if (stored.accountId === change.to) return false;
    stored.accountId = change.to;
    return true;
  }
  if (stored.receipt.kind !== 'acknowledgment' || stored.receipt.subject.commitment === change.to) return false;
  stored.receipt.subject.commitment = change.to;
  return true;
}

describe('properties', () => {
  it("changing one receipt's account ID or commitment, or the salt, and recomputing the rest is always rejected, naming the receipt", () => {
    fc.assert(
      fc.property(changes, (change) => {
        const bundle = clone(original);
        fc.pre(apply(bundle, change));
        const text = recomputed(bundle);
        const report = verifyExport(text, { expectedHead: original.chain.headHash });
        expect(report.ok).toBe(false);
        const named = report.problems.map((p) => p.where);
        if (change.what === 'salt') {
          expect(named).toContain('receipts[1] (seq 2)'); // the first acknowledgment sealed with the salt
        } else if (change.what === 'commitment' && bundle.receipts[change.index]!.accountId === null) {
          // An erased receipt has no ID left to check: the rewritten chain no longer ends in the noted head.
          expect(named).toEqual(['chain']);
        } else {
          expect(named).toContain(`receipts[${change.index}] (seq ${change.index + 1})`);
          // Without the noted head as well: nothing but the receipt shows it.
          expect(verifyExport(text).problems.map((p) => p.where)).toContain(
            `receipts[${change.index}] (seq ${change.index + 1})`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
