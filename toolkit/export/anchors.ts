/**
 * Checks that rest on something from outside the export, which its exporter could not have rewritten:
 * receipts admins kept (`--witness`), an earlier export or head (`--since`), the vendor's published lock
 * (`--lock`), and the head noted at export time (`--head`). An export on its own proves only that it is
 * consistent with itself (docs/receipts.md says what each anchor adds). Pure.
 */
import * as v from 'valibot';
import { canonicalJson } from '../../src/domain/canonical';
import { bodyOf, receiptHash } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { hex64, lockSchema } from '../statement/lock-schema';
import { clip, shown } from './clip';
import type { ProblemCode } from './codes';
import { EXPORT_FORMAT, type BundleStatement, type BundleTranslation, type ExportBundle } from './format';
import { RECEIPT_FILE_FORMAT, type ChainHead } from './kept-receipt';
import { chainHeadSchema, keptReceiptSchema } from './kept-receipt-schema';
import { shapeIssues } from './schema';
import { parseStrictly } from './strict-json';

/** A file given beside the export: its name (as the auditor gave it) and its text. */
export interface AnchorInput {
  name: string;
  text: string;
}

export interface AnchorInputs {
  /** Receipt files admins kept from the page (`privacy-panel.receipt/1`). */
  witnesses?: readonly AnchorInput[];
  /** An earlier export, a kept receipt file (its head), or `{ "seq": N, "hash": "…" }`. */
  since?: AnchorInput;
  /** The vendor's published lock (policy/published.lock.json). */
  lock?: AnchorInput;
}

export interface AnchorOutcome {
  anchor: 'head' | 'witness' | 'since' | 'lock';
  name: string;
  holds: boolean;
  /** One line saying what was checked and found. */
  line: string;
}

interface Problem {
  where: string;
  code: ProblemCode;
  message: string;
}

export interface ExportUnderCheck {
  bundle: ExportBundle;
  /** Every receipt, well-formed, in file order. */
  receipts: readonly StoredReceipt[];
  statements: ReadonlyMap<number, BundleStatement>;
  translations: ReadonlyMap<string, BundleTranslation>;
}

/** Verifies an earlier export on its own (the verifier itself, passed in to keep this module acyclic). */
export type VerifyEarlier = (text: string) => { ok: boolean; problems: readonly Problem[] };

/** The lock as published, and optionally the translations published with it. */
const publishedLockSchema = v.strictObject({
  ...lockSchema.entries,
  translations: v.optional(
    v.array(
      v.strictObject({ locale: v.string(), version: v.pipe(v.number(), v.integer(), v.minValue(1)), hash: hex64 }),
    ),
  ),
});

const SEQ_HEAD = /^(\d{1,15}):([0-9a-f]{64})$/;

/** `--since SEQ:HASH` (a head noted with its seq) as the anchor it stands for, or undefined for a file name. */
export function headArgument(arg: string): AnchorInput | undefined {
  const head = SEQ_HEAD.exec(arg.trim());
  return head ? { name: arg.trim(), text: JSON.stringify({ seq: Number(head[1]), hash: head[2] }) } : undefined;
}

type Parsed<T> = { value: T } | { refused: string };

/** Strict: duplicate keys, unknown fields and wrong shapes all refuse the file, with their path. */
function parseWith<S extends v.GenericSchema>(text: string, schema: S): Parsed<v.InferOutput<S>> {
  const read = parseStrictly(text);
  if ('refused' in read) return { refused: read.refused };
  const [duplicate] = read.duplicates;
  if (duplicate !== undefined) return { refused: `${duplicate}: this key appears twice in its object` };
  const shape = v.safeParse(schema, read.value);
  if (!shape.success) {
    const [issue] = shapeIssues(shape.issues);
    return { refused: issue ? `${issue.path || 'file'}: ${issue.message}` : 'not the expected shape' };
  }
  return { value: shape.output };
}

class Collector {
  readonly problems: Problem[] = [];
  readonly outcomes: AnchorOutcome[] = [];
  readonly unreadable: string[] = [];

  refuse(anchor: AnchorOutcome['anchor'], name: string, code: ProblemCode, reason: string): void {
    this.unreadable.push(name);
    this.problems.push({
      where: `--${anchor} ${clip(name, 200)}`,
      code,
      message: `cannot be read: ${clip(reason, 200)}`,
    });
    this.outcomes.push({ anchor, name, holds: false, line: 'not read' });
  }

  report(anchor: AnchorOutcome['anchor'], name: string, found: readonly Problem[], line: string): void {
    this.problems.push(...found);
    this.outcomes.push({ anchor, name, holds: found.length === 0, line });
  }
}

const hashAt = (under: ExportUnderCheck, seq: number): string | undefined => under.receipts[seq - 1]?.receipt.hash;

function checkHeadAt(under: ExportUnderCheck, head: ChainHead, where: string, code: ProblemCode): Problem[] {
  if (head.seq === 0) return [];
  const length = under.receipts.length;
  if (head.seq > length)
    return [
      {
        where,
        code,
        message: `the export ends at seq ${length}, before seq ${head.seq} of the head kept: receipts were cut from its end`,
      },
    ];
  if (hashAt(under, head.seq) !== head.hash)
    return [
      {
        where,
        code,
        message: `the export's receipt at seq ${head.seq} is not the head kept (${head.hash.slice(0, 12)}…): the chain up to it was rewritten`,
      },
    ];
  return [];
}

function checkWitness(under: ExportUnderCheck, input: AnchorInput, out: Collector): void {
  const parsed = parseWith(input.text, keptReceiptSchema);
  if ('refused' in parsed) {
    out.refuse('witness', input.name, 'PPV-WITNESS-UNREADABLE', parsed.refused);
    return;
  }
  const kept = parsed.value;
  const receipt = kept.receipt;
  const where = `--witness ${clip(input.name, 200)} (seq ${receipt.seq})`;
  const found: Problem[] = [];
  if (receiptHash(bodyOf(receipt)) !== receipt.hash)
    found.push({ where, code: 'PPV-WITNESS-SEAL', message: 'the kept receipt does not match its own hash' });
  if (kept.head.seq < receipt.seq || (kept.head.seq === receipt.seq && kept.head.hash !== receipt.hash))
    found.push({ where, code: 'PPV-WITNESS-SEAL', message: 'the head kept is older than the receipt kept' });
  const { installation, product } = under.bundle;
  if (kept.installation !== installation || receipt.installation !== installation || kept.product !== product)
    found.push({
      where,
      code: 'PPV-WITNESS-SITE',
      message: `kept on installation ${shown(receipt.installation)} (${shown(kept.product)}), not the export's ${shown(installation)} (${product})`,
    });
  const inExport = under.receipts[receipt.seq - 1]?.receipt;
  const included = inExport !== undefined && canonicalJson(inExport) === canonicalJson(receipt);
  if (!included)
    found.push({
      where,
      code: 'PPV-WITNESS-MISSING',
      message:
        inExport === undefined
          ? `the export holds no receipt at seq ${receipt.seq}: the kept receipt is missing`
          : `the export's receipt at seq ${receipt.seq} is not the one kept: removed, replaced or moved`,
    });
  // A head at the receipt itself is the receipt: PPV-WITNESS-MISSING already says it.
  if (kept.head.seq > receipt.seq) found.push(...checkHeadAt(under, kept.head, where, 'PPV-WITNESS-HEAD'));
  const what = `acknowledgment of version ${receipt.notice.version} at seq ${receipt.seq}`;
  out.report(
    'witness',
    input.name,
    found,
    found.length === 0
      ? `${what}: INCLUDED, and the head kept (seq ${kept.head.seq}) is in the export`
      : `${what}: ${included ? 'included, but see the problems' : 'NOT INCLUDED'}`,
  );
}

interface Earlier {
  installation?: string;
  product?: string;
  /** Receipt hashes, oldest first (a full earlier export), or only the head. */
  hashes?: readonly string[];
  head: ChainHead;
}

/** The earlier anchor: a verified earlier export, a kept receipt file's head, or `{ seq, hash }`. */
function readEarlier(text: string, verifyEarlier: VerifyEarlier): Parsed<Earlier> {
  const read = parseStrictly(text);
  if ('refused' in read) return read;
  const format = read.value['format'];
  if (format === EXPORT_FORMAT) {
    const report = verifyEarlier(text);
    const [first] = report.problems;
    if (!report.ok)
      return { refused: `the earlier export does not verify on its own (${first?.code}: ${first?.message ?? ''})` };
    const earlier = read.value as unknown as ExportBundle;
    const hashes = earlier.receipts.map((stored) => stored.receipt.hash);
    return {
      value: {
        installation: earlier.installation,
        product: earlier.product,
        hashes,
        head: { seq: hashes.length, hash: earlier.chain.headHash },
      },
    };
  }
  if (format === RECEIPT_FILE_FORMAT) {
    const kept = parseWith(text, keptReceiptSchema);
    if ('refused' in kept) return kept;
    return { value: { installation: kept.value.installation, product: kept.value.product, head: kept.value.head } };
  }
  const head = parseWith(text, chainHeadSchema);
  if ('refused' in head)
    return { refused: `neither an export, a receipt file nor a head { "seq", "hash" }: ${head.refused}` };
  return { value: { head: head.value } };
}

function checkSince(under: ExportUnderCheck, input: AnchorInput, verifyEarlier: VerifyEarlier, out: Collector): void {
  const parsed = readEarlier(input.text, verifyEarlier);
  if ('refused' in parsed) {
    out.refuse('since', input.name, 'PPV-SINCE-UNREADABLE', parsed.refused);
    return;
  }
  const earlier = parsed.value;
  const where = `--since ${clip(input.name, 200)}`;
  const found: Problem[] = [];
  const { installation, product } = under.bundle;
  if (
    (earlier.installation !== undefined && earlier.installation !== installation) ||
    (earlier.product !== undefined && earlier.product !== product)
  )
    found.push({
      where,
      code: 'PPV-SINCE-SITE',
      message: `the earlier file is of installation ${shown(earlier.installation)} (${shown(earlier.product)}), not ${shown(installation)} (${product})`,
    });
  const length = under.receipts.length;
  if (earlier.head.seq > length) {
    found.push({
      where,
      code: 'PPV-SINCE-SHORTER',
      message: `the earlier chain reached seq ${earlier.head.seq}; this export ends at seq ${length}: receipts were cut`,
    });
  } else if (earlier.hashes) {
    const differs = earlier.hashes.findIndex((hash, index) => hashAt(under, index + 1) !== hash);
    if (differs >= 0)
      found.push({
        where,
        code: 'PPV-SINCE-REWRITTEN',
        message: `receipt seq ${differs + 1} differs from the earlier export's: the chain before its head was rewritten`,
      });
  } else {
    found.push(...checkHeadAt(under, earlier.head, where, 'PPV-SINCE-REWRITTEN'));
  }
  out.report(
    'since',
    input.name,
    found,
    found.length === 0
      ? `extends it: seq 1–${earlier.head.seq} unchanged, ${length - earlier.head.seq} receipt(s) added since`
      : 'does NOT extend it',
  );
}

function checkLock(under: ExportUnderCheck, input: AnchorInput, out: Collector): void {
  const parsed = parseWith(input.text, publishedLockSchema);
  if ('refused' in parsed) {
    out.refuse('lock', input.name, 'PPV-LOCK-UNREADABLE', parsed.refused);
    return;
  }
  const lock = parsed.value;
  const byVersion = new Map(lock.versions.map((entry) => [entry.version, entry]));
  const found: Problem[] = [];
  for (const [version, statement] of under.statements) {
    const entry = byVersion.get(version);
    const where = `statements[v${version}]`;
    if (!entry)
      found.push({ where, code: 'PPV-LOCK-STATEMENT', message: `version ${version} is not in the published lock` });
    else if (entry.hash !== statement.hash || entry.effectiveDate !== statement.source.effectiveDate)
      found.push({
        where,
        code: 'PPV-LOCK-STATEMENT',
        message: `differs from published version ${version} (hash ${entry.hash.slice(0, 12)}…, effective ${entry.effectiveDate})`,
      });
  }
  const published = lock.translations && new Set(lock.translations.map((t) => `${t.locale} ${t.version} ${t.hash}`));
  for (const translation of under.translations.values()) {
    const { locale, translates } = translation.source;
    const where = `translations (${clip(locale, 20)}, version ${translates.version})`;
    if (byVersion.get(translates.version)?.hash !== translates.hash)
      found.push({
        where,
        code: 'PPV-LOCK-TRANSLATION',
        message: `translates a text the lock does not hold as version ${translates.version}`,
      });
    else if (published && !published.has(`${locale} ${translates.version} ${translation.hash}`))
      found.push({ where, code: 'PPV-LOCK-TRANSLATION', message: 'is not a translation the lock lists as published' });
  }
  const translations = under.translations.size;
  const pinned = published
    ? `${translations} translation(s) against the published list`
    : `${translations} translation(s) only for what they translate (the lock lists no translations)`;
  out.report(
    'lock',
    input.name,
    found,
    `${found.length === 0 ? 'matches' : 'does NOT match'}: ${under.statements.size} statement version(s), ${pinned}`,
  );
}

export function checkAnchors(
  options: AnchorInputs & { expectedHead?: string },
  under: ExportUnderCheck,
  verifyEarlier: VerifyEarlier,
): { problems: Problem[]; outcomes: AnchorOutcome[]; unreadable: string[] } {
  const out = new Collector();
  if (options.expectedHead !== undefined) {
    const holds =
      options.expectedHead === under.bundle.chain.headHash && under.receipts.length === under.bundle.chain.length;
    // The problem itself (PPV-HEAD) is reported with the chain summary.
    out.outcomes.push({
      anchor: 'head',
      name: options.expectedHead,
      holds,
      line: holds ? 'the chain ends in the head noted' : 'the chain does NOT end in the head noted',
    });
  }
  for (const witness of options.witnesses ?? []) checkWitness(under, witness, out);
  if (options.since) checkSince(under, options.since, verifyEarlier, out);
  if (options.lock) checkLock(under, options.lock, out);
  return { problems: out.problems, outcomes: out.outcomes, unreadable: out.unreadable };
}
