import fc from 'fast-check';
import { sha256Hex } from '../../src/domain/canonical';
import { assembleBundle, checksumInput, serializeBundle } from '../../toolkit/export/bundle';
import type { ExportBundle } from '../../toolkit/export/format';
import { formatReport, verifyExport, type VerifyReport } from '../../toolkit/export';
import { sealReceipt, bodyOf } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { bundleOf, bundleText, chainOf, clone, relaid, sampleInput, SALT } from './helpers';

let original: ExportBundle;
let text: string;
beforeAll(async () => {
  original = await bundleOf(sampleInput());
  text = serializeBundle(original);
});

const where = (report: VerifyReport) => report.problems.map((p) => p.where);
const edited = (edit: (bundle: ExportBundle) => void): VerifyReport => {
  const bundle = clone(original);
  edit(bundle);
  return verifyExport(relaid(bundle));
};
/** One character of `value` changed to another. */
const flip = (value: string, at = value.length - 1) =>
  value.slice(0, at) + (value[at] === 'x' ? 'y' : 'x') + value.slice(at + 1);
const resealed = (bundle: ExportBundle) => ({ ...bundle, checksum: sha256Hex(checksumInput(bundle)) });

describe('verifyExport on an untouched export', () => {
  it('holds, with counts, versions and commitments', () => {
    const report = verifyExport(text);
    expect(report.problems).toEqual([]);
    expect(report).toEqual(
      expect.objectContaining({
        ok: true,
        receipts: 7,
        statements: 2,
        versions: [1, 2],
        kinds: { acknowledgment: 4, 'app-installed': 1, 'app-upgraded': 1, 'account-erased': 1 },
        commitmentsChecked: 3, // bob's ID was erased
        headHash: original.receipts[6]!.receipt.hash,
      }),
    );
    expect(formatReport(report, 'x.json')).toMatch(/^VERIFIED: x\.json/);
  });

  it('reads compact JSON as well as the laid-out file', () => {
    expect(verifyExport(JSON.stringify(original)).ok).toBe(true);
  });

  it('holds without a salt when no acknowledgment has anything to check it against', async () => {
    const report = verifyExport(
      await bundleText(
        sampleInput(
          [
            { kind: 'installed', version: 1 },
            { kind: 'upgraded', version: 2 },
          ],
          null,
        ),
      ),
    );
    expect(report.problems).toEqual([]);
    expect(report).toEqual(expect.objectContaining({ ok: true, commitmentsChecked: 0 }));
  });
});

describe('single edits are found and placed', () => {
  it("a receipt's time", () => {
    const report = edited((b) => {
      b.receipts[3]!.receipt.at = flip(b.receipts[3]!.receipt.at, 18);
    });
    expect(report.ok).toBe(false);
    expect(where(report)).toEqual(expect.arrayContaining(['receipts[3] (seq 4)', 'checksum']));
    expect(report.problems.find((p) => p.where === 'receipts[3] (seq 4)')!.message).toMatch(/does not match its hash/);
    expect(report.firstBroken).toEqual({ seq: 4, receiptId: 'r-4' });
  });

  it("a statement section's markdown", () => {
    const report = edited((b) => {
      const section = b.statements[0]!.source.sections[0]!;
      section.markdown = flip(section.markdown, 3);
    });
    expect(where(report)).toEqual(expect.arrayContaining(['statements[v1]', 'checksum']));
    expect(report.firstBroken).toBeUndefined();
  });

  it('an account ID beside a receipt', () => {
    const report = edited((b) => {
      b.receipts[1]!.accountId = flip(b.receipts[1]!.accountId!);
    });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { where: 'receipts[1] (seq 2)', code: 'PPV-RECEIPT-SUBJECT', message: expect.stringMatching(/commitment/) },
        expect.objectContaining({ where: 'checksum' }),
      ]),
    );
    expect(report.firstBroken).toEqual({ seq: 2, receiptId: 'r-2' });
  });

  it('an account ID, even with the checksum recomputed', () => {
    const bundle = clone(original);
    bundle.receipts[6]!.accountId = '712020:mallory';
    const report = verifyExport(relaid(resealed(bundle)));
    expect(report.problems).toEqual([
      { where: 'receipts[6] (seq 7)', code: 'PPV-RECEIPT-SUBJECT', message: expect.stringMatching(/commitment/) },
    ]);
  });

  it('a prevHash', () => {
    const report = edited((b) => {
      b.receipts[4]!.receipt.prevHash = flip(b.receipts[4]!.receipt.prevHash);
    });
    expect(where(report)).toContain('receipts[4] (seq 5)');
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/prevHash does not match/);
    expect(report.firstBroken?.seq).toBe(5);
  });

  it('a deleted receipt', () => {
    const report = edited((b) => {
      b.receipts.splice(2, 1);
    });
    expect(where(report)).toEqual(expect.arrayContaining(['receipts[2] (seq 4)', 'chain', 'checksum']));
    expect(report.firstBroken?.seq).toBe(4);
    expect(report.receipts).toBe(6);
  });

  it('the newest receipt deleted, with the chain summary and checksum redone to match', () => {
    const bundle = clone(original);
    bundle.receipts.pop();
    bundle.chain = { length: 6, headHash: bundle.receipts[5]!.receipt.hash };
    const report = verifyExport(relaid(resealed(bundle)));
    // Nothing inside the file can show this: the head hash noted at export time does.
    expect(report.ok).toBe(true);
    expect(report.headHash).not.toBe(original.chain.headHash);
  });

  it('two receipts swapped', () => {
    const report = edited((b) => {
      const [a, c] = [b.receipts[1]!, b.receipts[2]!];
      b.receipts[1] = c;
      b.receipts[2] = a;
    });
    expect(where(report)).toEqual(
      expect.arrayContaining(['receipts[1] (seq 3)', 'receipts[2] (seq 2)', 'receipts[3] (seq 4)', 'checksum']),
    );
    expect(report.firstBroken).toEqual({ seq: 3, receiptId: 'r-3' });
  });

  it('the export time: only the checksum can tell', () => {
    const report = edited((b) => {
      b.exportedAt = '2026-05-04T09:31:00.000Z';
    });
    expect(report.problems).toEqual([
      { where: 'checksum', code: 'PPV-CHECKSUM', message: expect.stringMatching(/changed after it was exported/) },
    ]);
  });

  it('the stated chain head', () => {
    const report = edited((b) => {
      b.chain.headHash = flip(b.chain.headHash);
    });
    expect(where(report)).toEqual(['chain.headHash', 'checksum']);
    expect(report.problems[0]!.code).toBe('PPV-SHAPE');
  });

  it('a receipt whose kind is no longer a kind', () => {
    const report = edited((b) => {
      (b.receipts[0]!.receipt as { kind: string }).kind = 'app-installex';
    });
    expect(report.problems[0]).toEqual({
      where: 'receipts[0].receipt.kind',
      code: 'PPV-SHAPE',
      message: expect.stringMatching(/^not a receipt/),
    });
    expect(where(report)).toContain('receipts');
  });

  it('not JSON, not an object, another format', () => {
    expect(verifyExport(text.slice(0, -10)).problems).toEqual([
      { where: 'file', code: 'PPV-FILE-UNREADABLE', message: expect.stringMatching(/^not JSON/) },
    ]);
    expect(verifyExport('[]').problems).toEqual([
      { where: 'file', code: 'PPV-FILE-UNREADABLE', message: 'not a JSON object' },
    ]);
    expect(verifyExport(text.replace('privacy-panel.export/1', 'privacy-panel.export/9')).problems).toEqual([
      { where: 'format', code: 'PPV-FORMAT', message: expect.stringMatching(/expected/) },
    ]);
  });

  it('a top-level field of the wrong shape is named', () => {
    const report = edited((b) => {
      (b.chain as { length: unknown }).length = 'seven';
    });
    expect(report.problems[0]).toMatchObject({ where: 'chain.length', code: 'PPV-SHAPE' });
    expect(report.readable).toBe(false);
  });
});

describe('checks that hold even when every hash is recomputed', () => {
  const verifyChainOf = async (steps: Parameters<typeof chainOf>[0]) =>
    verifyExport(await bundleText({ ...sampleInput(), receipts: chainOf(steps) }));

  it('an erasure of a receipt whose account ID is still there', async () => {
    const report = await verifyChainOf([
      { kind: 'ack', version: 1, account: '712020:alice' },
      { kind: 'erased', version: 1, seqs: [1] },
    ]);
    expect(report.problems).toEqual([
      {
        where: 'receipts[1] (seq 2)',
        code: 'PPV-RECEIPT-ERASURE',
        message: expect.stringMatching(/still has an account ID/),
      },
    ]);
  });

  it('an erasure of a receipt that does not exist, comes later, or is an event', async () => {
    const report = await verifyChainOf([
      { kind: 'installed', version: 1 },
      { kind: 'erased', version: 1, seqs: [9, 2, 1] },
    ]);
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/erases seq 9, which is not an earlier receipt/),
      expect.stringMatching(/erases seq 2, which is not an earlier receipt/),
      expect.stringMatching(/erases seq 1, which is a app-installed receipt/),
    ]);
  });

  it('an event with an account ID beside it', async () => {
    const input = sampleInput();
    input.receipts = input.receipts.map((s, i) => (i === 0 ? { ...s, accountId: '712020:alice' } : s));
    const report = verifyExport(await bundleText(input));
    expect(report.problems).toEqual([
      { where: 'receipts[0] (seq 1)', code: 'PPV-RECEIPT-SUBJECT', message: expect.stringMatching(/names no account/) },
    ]);
  });

  it('a receipt whose statement version is not in the file, or whose notice disagrees with it', () => {
    const input = sampleInput();
    const base = chainOf([{ kind: 'ack', version: 1, account: '712020:alice' }])[0]!.receipt;
    const draft = bodyOf(base) as Extract<ReturnType<typeof bodyOf>, { kind: 'acknowledgment' }>;
    const { schema: _s, seq: _q, prevHash: _p, ...rest } = draft;
    const steps = [
      { kind: 'raw' as const, draft: { ...rest, notice: { ...rest.notice, version: 3 } }, accountId: '712020:alice' },
      {
        kind: 'raw' as const,
        draft: { ...rest, notice: { ...rest.notice, effectiveDate: '2020-01-01' } },
        accountId: '712020:alice',
      },
    ];
    const bundle = assembleBundle({ ...input, receipts: chainOf(steps) });
    const report = verifyExport(relaid(resealed({ ...bundle, checksum: '' })));
    expect(report.problems).toEqual([
      {
        where: 'receipts[0] (seq 1)',
        code: 'PPV-RECEIPT-NOTICE',
        message: expect.stringMatching(/statement version 3, which the file does not hold/),
      },
      {
        where: 'receipts[1] (seq 2)',
        code: 'PPV-RECEIPT-NOTICE',
        message: expect.stringMatching(/effective date 2020-01-01 differs/),
      },
    ]);
  });

  it('a forger who rewrites the chain from some receipt on and redoes the checksum passes: only the noted head hash shows it', () => {
    const bundle = clone(original);
    let prevHash = bundle.receipts[2]!.receipt.hash;
    bundle.receipts = bundle.receipts.map((stored, i): StoredReceipt => {
      if (i < 3) return stored;
      const { hash: _h, schema: _s, ...body } = stored.receipt;
      const receipt = sealReceipt({ ...body, at: i === 3 ? '2026-01-01T00:00:59.000Z' : body.at, prevHash });
      prevHash = receipt.hash;
      return { ...stored, receipt };
    });
    bundle.chain.headHash = prevHash;
    const report = verifyExport(relaid(resealed(bundle)));
    expect(report.ok).toBe(true);
    expect(report.headHash).not.toBe(original.chain.headHash);
  });
});

// ---- Properties: any one-character change anywhere is noticed ----

type Leaf = { path: (string | number)[]; value: string };

function stringLeaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setAt(root: unknown, path: (string | number)[], next: string): void {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = next;
}

const REPLACEMENTS = ['a', 'Z', '0', '9', ' ', '-', ':', '"', '\\', 'é', '\n'];

describe('properties', () => {
  it('changing one character inside any string value of a receipt or statement fails, naming that receipt or statement', () => {
    const leaves = stringLeaves({ receipts: original.receipts, statements: original.statements }).filter(
      (leaf) => leaf.value.length > 0,
    );
    fc.assert(
      fc.property(
        fc.nat(leaves.length - 1),
        fc.nat(),
        fc.constantFrom(...REPLACEMENTS),
        (leafIndex, offset, replacement) => {
          const leaf = leaves[leafIndex]!;
          const at = offset % leaf.value.length;
          fc.pre(leaf.value[at] !== replacement);
          const bundle = clone(original);
          setAt(bundle, leaf.path, leaf.value.slice(0, at) + replacement + leaf.value.slice(at + 1));
          const report = verifyExport(relaid(bundle));
          expect(report.ok).toBe(false);
          const [list, index] = leaf.path as [string, number];
          if (list === 'receipts') {
            expect(where(report).some((w) => w.startsWith(`receipts[${index}]`))).toBe(true);
          } else {
            expect(where(report)).toContain(`statements[v${original.statements[index]!.source.version}]`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changing any one letter or digit anywhere in the file fails', () => {
    const positions = Array.from(text).flatMap((ch, i) => (/[A-Za-z0-9]/.test(ch) ? [i] : []));
    expect(Array.from(text)).toHaveLength(text.length); // plain ASCII: positions are code units
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.constantFrom('a', 'Q', '5'), (at, replacement) => {
        fc.pre(text[at] !== replacement);
        const report = verifyExport(text.slice(0, at) + replacement + text.slice(at + 1));
        expect(report.ok).toBe(false);
        expect(report.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

it('the salt used by the fixtures is the one committed to (sanity)', () => {
  expect(original.salt).toBe(SALT);
});
