/**
 * Each tamper class against the check that should catch it: strict parse, the chain, or an anchor from
 * outside the file (--witness, --since, --lock, --head). A forger here redoes everything the file lets them
 * redo: every hash, every link, the chain summary and the checksum, with the salt in the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashCanonical, sha256Hex } from '../../src/domain/canonical';
import { acknowledgmentSubject, bodyOf, sealReceipt } from '../../src/domain/receipts/receipt';
import type { AcknowledgmentReceipt, Receipt, StoredReceipt } from '../../src/domain/receipts/types';
import type { TranslationSource } from '../../src/domain/statement/translation';
import { verifyExport, type VerifyOptions, type VerifyReport } from '../../toolkit/export';
import { checksumInput, serializeBundle } from '../../toolkit/export/bundle';
import { PROBLEM_CODES } from '../../toolkit/export/codes';
import type { BundleTranslation, ExportBundle } from '../../toolkit/export/format';
import { keptReceipt, serializeKeptReceipt } from '../../toolkit/export/kept-receipt';
import { formatReport } from '../../toolkit/export/report';
import { bundleOf, chainOf, clone, SALT, SAMPLE_STEPS, sampleInput, STATEMENTS, type Step } from './helpers';

const ROOT = join(__dirname, '../..');

/** Re-seals every receipt in file order (seq 1…N, each linked to the one before), the summary and the checksum. */
function resealed(bundle: ExportBundle): ExportBundle {
  let prevHash = '0'.repeat(64);
  const receipts = bundle.receipts.map((stored, index): StoredReceipt => {
    const { schema: _schema, ...body } = bodyOf(stored.receipt);
    const receipt = sealReceipt({ ...body, seq: index + 1, prevHash });
    prevHash = receipt.hash;
    return { ...stored, receipt };
  });
  const next = { ...bundle, receipts, chain: { length: receipts.length, headHash: prevHash } };
  return { ...next, checksum: sha256Hex(checksumInput(next)) };
}

const ack = (stored: StoredReceipt) => stored.receipt as AcknowledgmentReceipt;

/** The receipt file `receipt`'s admin kept, with the head the page saw then. */
function witness(bundle: ExportBundle, seq: number, headSeq = seq, name = `receipt-${seq}.json`) {
  const receipt = ack(bundle.receipts[seq - 1]!);
  const head = { seq: headSeq, hash: bundle.receipts[headSeq - 1]!.receipt.hash };
  const text = serializeKeptReceipt(
    keptReceipt({
      keptAt: '2026-05-04T09:00:00.000Z',
      installation: bundle.installation,
      product: 'jira',
      receipt,
      head,
    }),
  );
  return { name, text };
}

const codes = (report: VerifyReport) => [...new Set(report.problems.map((p) => p.code))].sort();
const check = (bundle: ExportBundle | string, options: VerifyOptions = {}) =>
  verifyExport(typeof bundle === 'string' ? bundle : serializeBundle(bundle), options);

const GERMAN_SOURCE: TranslationSource = {
  locale: 'de-DE',
  statementId: STATEMENTS[1]!.source.id,
  translates: { version: 2, hash: STATEMENTS[1]!.hash },
  sourceLocale: 'en',
  texts: {},
  sections: [{ id: 'overview', title: 'Überblick', markdown: 'Nur Belege.\n' }],
};
const GERMAN: BundleTranslation = { source: GERMAN_SOURCE, hash: hashCanonical(GERMAN_SOURCE) };
const LOCK = {
  versions: STATEMENTS.map((s) => ({ version: s.source.version, hash: s.hash, effectiveDate: s.source.effectiveDate })),
};
const lockFile = (lock: object) => ({ name: 'published.lock.json', text: JSON.stringify(lock) });

let honest: ExportBundle;
/** The same chain, one real acknowledgment further on: what the site held a little later. */
let later: ExportBundle;
beforeAll(async () => {
  const steps: Step[] = [...SAMPLE_STEPS];
  const withGerman = (receipts: StoredReceipt[]) =>
    receipts.map((stored, i) => {
      if (i !== 6) return stored;
      const { schema: _s, ...body } = bodyOf(stored.receipt) as Extract<Receipt, { kind: 'acknowledgment' }>;
      return {
        ...stored,
        receipt: sealReceipt({
          ...body,
          shown: { locale: 'de-DE', hash: GERMAN.hash, translates: GERMAN_SOURCE.translates },
        }),
      };
    });
  const input = { ...sampleInput(steps), translations: [GERMAN] };
  honest = resealed(await bundleOf({ ...input, receipts: withGerman(chainOf(steps)) }));
  const more = [...steps, { kind: 'ack' as const, version: 2, account: '712020:dave' }];
  later = resealed(await bundleOf({ ...input, receipts: withGerman(chainOf(more)) }));
  expect(later.receipts.slice(0, 7)).toEqual(honest.receipts);
});

describe('the honest export holds against every anchor', () => {
  it('witnesses, --since, --lock and --head all hold, each saying what it established', () => {
    const earlier = clone(honest);
    earlier.receipts = earlier.receipts.slice(0, 5);
    const report = check(later, {
      expectedHead: later.chain.headHash,
      witnesses: [witness(later, 2), witness(later, 7, 8)],
      since: { name: 'earlier.json', text: serializeBundle(resealed(earlier)) },
      lock: lockFile({ ...LOCK, translations: [{ locale: 'de-DE', version: 2, hash: GERMAN.hash }] }),
    });
    expect(report.problems).toEqual([]);
    expect(report.anchors.map((a) => [a.anchor, a.holds])).toEqual([
      ['head', true],
      ['witness', true],
      ['witness', true],
      ['since', true],
      ['lock', true],
    ]);
    const text = formatReport(report, 'later.json');
    expect(text).toMatch(/witness: +receipt-2\.json: acknowledgment of version 1 at seq 2: INCLUDED/);
    expect(text).toMatch(/since: +earlier\.json: extends it: seq 1–5 unchanged, 3 receipt\(s\) added since/);
    expect(text).not.toMatch(/not anchored/);
  });

  it('without any anchor the report says plainly what is not proven', () => {
    expect(formatReport(check(honest), 'x.json')).toMatch(/not anchored: .*a receipt appended.* would pass/);
  });
});

describe('each tamper class, and the check that catches it', () => {
  it('a forged acknowledgment appended, sealed with the salt in the file: only an anchor past it catches it', () => {
    const forged = clone(honest);
    const last = forged.receipts[6]!.receipt as AcknowledgmentReceipt;
    const { schema: _s, hash: _h, shown: _shown, ...body } = last;
    forged.receipts.push({
      receipt: sealReceipt({
        ...body,
        seq: 8,
        receiptId: 'r-forged',
        prevHash: last.hash,
        subject: acknowledgmentSubject(SALT, '712020:mallory'),
      }),
      accountId: '712020:mallory',
    });
    const file = resealed(forged);
    expect(check(file).problems).toEqual([]); // the file agrees with itself
    // A receipt kept before the forgery point is still in the file, as kept: it cannot tell.
    expect(check(file, { witnesses: [witness(honest, 7)] }).problems).toEqual([]);
    // One kept later (the real seq 8 is dave's), an earlier export that reached seq 8, or the noted head does.
    expect(codes(check(file, { witnesses: [witness(later, 4, 8)] }))).toEqual(['PPV-WITNESS-HEAD']);
    expect(codes(check(file, { since: { name: 'e.json', text: serializeBundle(later) } }))).toEqual([
      'PPV-SINCE-REWRITTEN',
    ]);
    expect(codes(check(file, { expectedHead: honest.chain.headHash }))).toEqual(['PPV-HEAD']);
  });

  it('a statement rewritten and every receipt resealed: --lock, a witness and --since catch it', () => {
    const rewritten = clone(honest);
    const statement = rewritten.statements[0]!;
    statement.source.sections[0]!.markdown = 'We keep everything forever.\n';
    statement.hash = hashCanonical(statement.source);
    for (const { receipt } of rewritten.receipts)
      if (receipt.notice.version === 1) receipt.notice.hash = statement.hash;
    const file = resealed(rewritten);
    expect(check(file).problems).toEqual([]);
    expect(codes(check(file, { lock: lockFile(LOCK) }))).toEqual(['PPV-LOCK-STATEMENT']);
    expect(codes(check(file, { witnesses: [witness(honest, 2)] }))).toEqual(['PPV-WITNESS-MISSING']);
    expect(codes(check(file, { since: { name: 'e.json', text: serializeBundle(honest) } }))).toEqual([
      'PPV-SINCE-REWRITTEN',
    ]);
  });

  it('a history version (statementsForHistory) that no receipt references is pinned by --lock alone', () => {
    const withHistory = clone(honest);
    const extra = clone(STATEMENTS[1]!);
    extra.source = { ...extra.source, version: 3, effectiveDate: '2026-12-31' };
    extra.hash = hashCanonical(extra.source);
    withHistory.statements.push(extra);
    withHistory.statementsForHistory = [3];
    const file = resealed(withHistory);
    expect(check(file).problems).toEqual([]);
    const report = check(file, { lock: lockFile(LOCK) });
    expect(report.problems).toEqual([
      { where: 'statements[v3]', code: 'PPV-LOCK-STATEMENT', message: 'version 3 is not in the published lock' },
    ]);
  });

  it('a translation rewritten and the receipt that records it resealed: --lock with its translations catches it', () => {
    const rewritten = clone(honest);
    const translation = rewritten.translations![0]!;
    translation.source.sections[0]!.markdown = 'Wir behalten alles.\n';
    translation.hash = hashCanonical(translation.source);
    (rewritten.receipts[6]!.receipt as AcknowledgmentReceipt).shown!.hash = translation.hash;
    const file = resealed(rewritten);
    expect(check(file).problems).toEqual([]);
    const listed = { ...LOCK, translations: [{ locale: 'de-DE', version: 2, hash: GERMAN.hash }] };
    expect(codes(check(file, { lock: lockFile(listed) }))).toEqual(['PPV-LOCK-TRANSLATION']);
    // A lock that lists no translations pins only what they translate, and says so.
    const bare = check(file, { lock: lockFile(LOCK) });
    expect(bare.problems).toEqual([]);
    expect(bare.anchors[0]!.line).toMatch(/only for what they translate \(the lock lists no translations\)/);
    // Its admin's kept receipt catches it too.
    expect(codes(check(file, { witnesses: [witness(honest, 7)] }))).toEqual(['PPV-WITNESS-MISSING']);
  });

  it('the tail cut, summary and checksum redone: a witness past the cut, --since or --head catches it', () => {
    const cut = clone(later);
    cut.receipts = cut.receipts.slice(0, 6);
    const file = resealed(cut);
    expect(check(file).problems).toEqual([]);
    expect(codes(check(file, { witnesses: [witness(later, 7)] }))).toEqual(['PPV-WITNESS-MISSING']);
    expect(codes(check(file, { witnesses: [witness(later, 2, 8)] }))).toEqual(['PPV-WITNESS-HEAD']);
    expect(codes(check(file, { since: { name: 'e.json', text: serializeBundle(honest) } }))).toEqual([
      'PPV-SINCE-SHORTER',
    ]);
    expect(
      codes(check(file, { since: { name: '7:…', text: JSON.stringify({ seq: 7, hash: honest.chain.headHash }) } })),
    ).toEqual(['PPV-SINCE-SHORTER']);
    expect(codes(check(file, { expectedHead: later.chain.headHash }))).toEqual(['PPV-HEAD']);
  });

  it('receipts reordered: the chain catches it as is; renumbered and resealed, a witness or --since does', () => {
    const swapped = clone(honest);
    [swapped.receipts[1], swapped.receipts[3]] = [swapped.receipts[3]!, swapped.receipts[1]!];
    expect(codes(check(swapped))).toEqual(
      expect.arrayContaining(['PPV-CHAIN-BROKEN', 'PPV-CHAIN-SEQ', 'PPV-CHECKSUM']),
    );
    const file = resealed(swapped);
    expect(check(file).problems).toEqual([]);
    expect(codes(check(file, { witnesses: [witness(honest, 2)] }))).toEqual(['PPV-WITNESS-MISSING']);
    expect(codes(check(file, { since: { name: 'e.json', text: serializeBundle(honest) } }))).toEqual([
      'PPV-SINCE-REWRITTEN',
    ]);
  });

  it("another site's receipts: one inside the file by the chain's own check; a whole file by a witness or --since", () => {
    const mixed = clone(honest);
    mixed.receipts[3]!.receipt.installation = 'ari:cloud:ecosystem::installation/another-site';
    expect(codes(check(resealed(mixed)))).toEqual(['PPV-RECEIPT-SITE']);
    const other = clone(honest);
    other.installation = 'ari:cloud:ecosystem::installation/another-site';
    for (const { receipt } of other.receipts) receipt.installation = other.installation;
    const file = resealed(other);
    expect(check(file).problems).toEqual([]);
    expect(codes(check(file, { witnesses: [witness(honest, 2)] }))).toEqual([
      'PPV-WITNESS-MISSING',
      'PPV-WITNESS-SITE',
    ]);
    expect(codes(check(file, { since: { name: 'e.json', text: serializeBundle(honest) } }))).toEqual([
      'PPV-SINCE-REWRITTEN',
      'PPV-SINCE-SITE',
    ]);
  });

  it('duplicate keys: a forged first salt, receipts or account ID followed by the real one is refused, with its path', () => {
    const text = serializeBundle(honest);
    const forgedSalt = text.replace('  "salt": ', `  "salt": "${'ab'.repeat(32)}",\n  "salt": `);
    expect(check(forgedSalt).problems).toEqual([
      { where: 'salt', code: 'PPV-JSON-DUPLICATE-KEY', message: expect.stringMatching(/appears twice/) },
    ]);
    const forgedReceipts = text.replace('  "receipts": [', '  "receipts": [],\n  "receipts": [');
    expect(codes(check(forgedReceipts))).toEqual(['PPV-JSON-DUPLICATE-KEY']);
    const id = honest.receipts[1]!.accountId!;
    const forgedId = text.replace(`"accountId":"${id}"`, `"accountId":"712020:mallory","accountId":"${id}"`);
    expect(check(forgedId).problems.map((p) => [p.where, p.code])).toEqual([
      ['receipts[1].accountId', 'PPV-JSON-DUPLICATE-KEY'],
    ]);
  });

  it('unknown fields anywhere outside a hashed source are refused with their path, names clipped', () => {
    const top = { ...clone(honest), auditedBy: 'Mallory' };
    expect(check(JSON.stringify(top)).problems.map((p) => [p.where, p.code])).toEqual([
      ['auditedBy', 'PPV-JSON-UNKNOWN-FIELD'],
      ['checksum', 'PPV-CHECKSUM'],
    ]);
    const beside = clone(honest) as unknown as { receipts: Record<string, unknown>[] };
    beside.receipts[2]!['note'] = 'x';
    (beside.receipts[4]!['receipt'] as Record<string, unknown>)['x'.repeat(5000)] = 1;
    const report = check(JSON.stringify(beside));
    expect(report.problems.filter((p) => p.code === 'PPV-JSON-UNKNOWN-FIELD').map((p) => p.where)).toEqual([
      'receipts[2].note',
      expect.stringMatching(/^receipts\[4\]\.receipt\["x{40}… \(5000 characters\)"\]$/),
    ]);
  });
});

describe('bounded output and unreadable anchors', () => {
  it('a 2 MB field echoed in problem lines prints short', () => {
    const big = clone(honest);
    for (const { receipt } of big.receipts) receipt.installation = 'x'.repeat(2 * 1024 * 1024);
    const text = formatReport(check(JSON.stringify(big)), 'big.json');
    expect(text.length).toBeLessThan(20_000);
  });

  it('a witness, earlier file or lock that cannot be read is named, with its code', () => {
    const report = check(honest, {
      witnesses: [{ name: 'bad.json', text: '{"format":"privacy-panel.receipt/1","format":"x"}' }],
      since: { name: 'nothing.json', text: '{}' },
      lock: { name: 'lock.json', text: '{"versions":[],"extra":1}' },
    });
    expect(report.unreadableInputs).toEqual(['bad.json', 'nothing.json', 'lock.json']);
    expect(codes(report)).toEqual(['PPV-LOCK-UNREADABLE', 'PPV-SINCE-UNREADABLE', 'PPV-WITNESS-UNREADABLE']);
  });

  it('docs/receipts.md lists every problem code', () => {
    const doc = readFileSync(join(ROOT, 'docs/receipts.md'), 'utf8');
    const listed = [...doc.matchAll(/`(PPV-[A-Z-]+)`/g)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(PROBLEM_CODES)));
  });
});
