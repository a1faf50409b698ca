/**
 * The offline verifier: given the text of an export file, checks everything the file can prove about
 * itself and says where it does not hold. Pure (hashing through ../canonical); runs in node, in tests and
 * behind `privacy-panel verify`.
 */
import { hashCanonical, sha256Hex } from '../../src/domain/canonical';
import { accountCommitment, saltDigest, verifyChain } from '../../src/domain/receipts/receipt';
import type { Receipt, ReceiptKind, StoredReceipt } from '../../src/domain/receipts/types';
import { checkAnchors, type AnchorInputs, type AnchorOutcome } from './anchors';
import { checksumInput } from './bundle';
import { clip, shown } from './clip';
import type { ProblemCode, VerifyProblem } from './codes';
import { EMPTY_CHAIN_HEAD, EXPORT_FORMAT, type BundleStatement, type ExportBundle } from './format';
import { MAX_PROBLEMS } from './limits';
import * as v from 'valibot';
import { bundleStatementSchema, bundleTopSchema, isTooMany, shapeIssues, storedReceiptSchema } from './schema';
import { parseStrictly } from './strict-json';
import { checkTranslations, shownProblems } from './verify-translations';
import type { BundleTranslation } from './format';
import { isRecord } from '../../src/domain/is-record';

export type { VerifyProblem };

export interface VerifyReport {
  /** true only when no problem was found. */
  ok: boolean;
  /**
   * false when the text cannot be read as an export at all (not JSON, another format, too deep, absurd
   * numbers, too many entries, top-level fields of the wrong shape): `privacy-panel verify` exits 2, not 1.
   */
  readable: boolean;
  /** Problems found beyond the MAX_PROBLEMS kept in `problems`. */
  problemsOmitted: number;
  /** How many receipts and statement versions the file holds. */
  receipts: number;
  statements: number;
  /** The statement versions in the file, in file order. */
  versions: number[];
  /** Receipts per kind. */
  kinds: Record<ReceiptKind, number>;
  /** Account IDs checked against their commitment (0 when the file has no salt). */
  commitmentsChecked: number;
  installation?: string;
  product?: string;
  exportedAt?: string;
  /** The newest receipt's hash as the file states it: compare with the one noted at export time. */
  headHash?: string;
  problems: VerifyProblem[];
  /** The first receipt, in chain order, with any problem. */
  firstBroken?: { seq: number; receiptId: string };
  /** What each anchor given (--head, --witness, --since, --lock) established, one line each. */
  anchors: AnchorOutcome[];
  /** Anchor files that could not be read (`privacy-panel verify` exits 2): their problems are in `problems`. */
  unreadableInputs: string[];
}

export interface VerifyOptions extends AnchorInputs {
  /** The head hash noted at export time: a file whose chain ends elsewhere was rewritten or cut. */
  expectedHead?: string;
}

const noKinds = (): Record<ReceiptKind, number> => ({
  acknowledgment: 0,
  'app-installed': 0,
  'app-upgraded': 0,
  'account-erased': 0,
});

function statementWhere(index: number, entry: unknown): string {
  const source = isRecord(entry) ? entry['source'] : undefined;
  const version = isRecord(source) ? source['version'] : undefined;
  return typeof version === 'number' ? `statements[v${version}]` : `statements[${index}]`;
}

/** Receipt problems keyed by index, so they can be reported in chain order and the first one found. */
class ReceiptProblems {
  private readonly byIndex = new Map<number, VerifyProblem[]>();
  private kept = 0;
  private first: number | undefined;
  /** Problems found but not kept (past MAX_PROBLEMS): a file of junk costs bounded memory. */
  omitted = 0;

  add(index: number, where: string, code: ProblemCode, message: string): void {
    if (this.first === undefined || index < this.first) this.first = index;
    if (this.kept >= MAX_PROBLEMS) {
      this.omitted += 1;
      return;
    }
    this.kept += 1;
    const list = this.byIndex.get(index) ?? [];
    list.push({ where, code, message });
    this.byIndex.set(index, list);
  }

  firstIndex(): number | undefined {
    return this.first;
  }

  inOrder(): VerifyProblem[] {
    return [...this.byIndex.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list);
  }
}

const CHAIN_CODES = {
  'hash-mismatch': 'PPV-CHAIN-HASH',
  'broken-link': 'PPV-CHAIN-BROKEN',
  'sequence-gap': 'PPV-CHAIN-SEQ',
} as const satisfies Record<ReturnType<typeof verifyChain>[number]['kind'], ProblemCode>;

/**
 * Places `verifyChain`'s problems (which name a seq) at receipt indexes: it reports in chain order, so each
 * problem belongs to the next receipt, from the last one placed, that carries its seq.
 */
function placeChainProblems(receipts: readonly Receipt[], problems: ReceiptProblems): void {
  let index = 0;
  for (const problem of verifyChain(receipts)) {
    let at = index;
    while (at < receipts.length && receipts[at]?.seq !== problem.seq) at += 1;
    if (at === receipts.length) at = index; // cannot happen with verifyChain's output; stay put rather than lose it
    index = at;
    problems.add(at, `receipts[${at}] (seq ${problem.seq})`, CHAIN_CODES[problem.kind], problem.message);
  }
}

function checkStatements(statements: readonly unknown[], problems: VerifyProblem[]): Map<number, BundleStatement> {
  const byVersion = new Map<number, BundleStatement>();
  statements.forEach((entry, index) => {
    const where = statementWhere(index, entry);
    const shape = v.safeParse(bundleStatementSchema, entry);
    if (!shape.success) {
      for (const issue of shapeIssues(shape.issues, `statements[${index}]`))
        problems.push({ where: issue.path, code: issue.code, message: `not a statement version: ${issue.message}` });
      return;
    }
    const statement = entry as BundleStatement;
    const version = statement.source.version;
    if (byVersion.has(version)) {
      problems.push({ where, code: 'PPV-STATEMENT-DUPLICATE', message: `version ${version} appears more than once` });
      return;
    }
    byVersion.set(version, statement);
    if (hashCanonical(statement.source) !== statement.hash) {
      problems.push({
        where,
        code: 'PPV-STATEMENT-HASH',
        message: `the statement text does not match its hash (altered, or not the version published)`,
      });
    }
  });
  return byVersion;
}

interface ReceiptContext {
  installation: string;
  product: string;
  salt: string | null;
  /** SHA-256 of `salt`, computed once. */
  saltDigest: string | null;
  /** Seqs some `account-erased` receipt names. */
  erased: ReadonlySet<number>;
  statements: ReadonlyMap<number, BundleStatement>;
  translations: ReadonlyMap<string, BundleTranslation>;
}

function checkNotice(
  stored: StoredReceipt,
  where: string,
  index: number,
  context: ReceiptContext,
  problems: ReceiptProblems,
): void {
  const { notice } = stored.receipt;
  const statement = context.statements.get(notice.version);
  if (!statement) {
    problems.add(
      index,
      where,
      'PPV-RECEIPT-NOTICE',
      `references statement version ${notice.version}, which the file does not hold`,
    );
    return;
  }
  if (notice.hash !== statement.hash) {
    problems.add(
      index,
      where,
      'PPV-RECEIPT-NOTICE',
      `notice hash differs from the hash of statement version ${notice.version} in the file`,
    );
  }
  if (notice.effectiveDate !== statement.source.effectiveDate) {
    problems.add(
      index,
      where,
      'PPV-RECEIPT-NOTICE',
      `notice effective date ${clip(notice.effectiveDate)} differs from version ${notice.version}'s ${clip(statement.source.effectiveDate)}`,
    );
  }
  if (notice.statementId !== statement.source.id) {
    problems.add(
      index,
      where,
      'PPV-RECEIPT-NOTICE',
      `notice statement id ${shown(notice.statementId)} differs from version ${notice.version}'s ${shown(statement.source.id)}`,
    );
  }
}

/** Seqs each `account-erased` receipt names, earlier than itself: the receipts whose account ID may be gone. */
function erasedSeqsOf(receipts: readonly StoredReceipt[]): Set<number> {
  const covered = new Set<number>();
  for (const { receipt } of receipts)
    if (receipt.kind === 'account-erased')
      for (const seq of receipt.erasedSeqs) if (seq < receipt.seq) covered.add(seq);
  return covered;
}

/**
 * Who acknowledged: the account ID beside an acknowledgment must match its commitment under the file's
 * salt, the salt must be the one the receipt sealed (`subject.saltDigest`), and an account
 * ID may be missing only where an `account-erased` receipt says it was erased. Returns the IDs checked.
 */
function checkSubject(
  stored: StoredReceipt & { receipt: { kind: 'acknowledgment' } },
  where: string,
  index: number,
  context: ReceiptContext,
  problems: ReceiptProblems,
): number {
  const { receipt, accountId } = stored;
  const { salt } = context;
  if (salt === null)
    problems.add(
      index,
      where,
      'PPV-RECEIPT-SUBJECT',
      'the receipt seals a salt digest, but the file has no salt (removed after export?)',
    );
  else if (context.saltDigest !== receipt.subject.saltDigest)
    problems.add(
      index,
      where,
      'PPV-RECEIPT-SUBJECT',
      "the file's salt is not the one this receipt was sealed with (replaced?)",
    );
  if (accountId === null) {
    if (!context.erased.has(receipt.seq))
      problems.add(
        index,
        where,
        'PPV-RECEIPT-SUBJECT',
        'no account ID is beside it, and no account-erased receipt says it was erased',
      );
    return 0;
  }
  if (salt === null) {
    problems.add(
      index,
      where,
      'PPV-RECEIPT-SUBJECT',
      'an account ID is beside it, but the file has no salt to check it against',
    );
    return 0;
  }
  if (accountCommitment(salt, accountId) !== receipt.subject.commitment)
    problems.add(
      index,
      where,
      'PPV-RECEIPT-SUBJECT',
      'the account ID beside the receipt is not the one its commitment was made for',
    );
  return 1;
}

function checkErasure(
  receipt: Extract<Receipt, { kind: 'account-erased' }>,
  where: string,
  index: number,
  receipts: readonly StoredReceipt[],
  indexOfSeq: ReadonlyMap<number, number>,
  problems: ReceiptProblems,
): void {
  for (const erased of receipt.erasedSeqs) {
    const target = indexOfSeq.get(erased);
    const targetStored = target === undefined ? undefined : receipts[target];
    if (!targetStored || erased >= receipt.seq) {
      problems.add(
        index,
        where,
        'PPV-RECEIPT-ERASURE',
        `erases seq ${erased}, which is not an earlier receipt in the file`,
      );
    } else if (targetStored.receipt.kind !== 'acknowledgment') {
      problems.add(
        index,
        where,
        'PPV-RECEIPT-ERASURE',
        `erases seq ${erased}, which is a ${targetStored.receipt.kind} receipt, not an acknowledgment`,
      );
    } else if (targetStored.accountId !== null) {
      problems.add(
        index,
        where,
        'PPV-RECEIPT-ERASURE',
        `erases seq ${erased}, yet that receipt still has an account ID beside it`,
      );
    }
  }
}

function checkReceipts(receipts: readonly StoredReceipt[], context: ReceiptContext, problems: ReceiptProblems): number {
  let commitmentsChecked = 0;
  const indexOfSeq = new Map<number, number>();
  receipts.forEach((stored, index) => {
    if (!indexOfSeq.has(stored.receipt.seq)) indexOfSeq.set(stored.receipt.seq, index);
  });
  receipts.forEach((stored, index) => {
    const { receipt, accountId } = stored;
    const where = `receipts[${index}] (seq ${receipt.seq})`;
    if (receipt.installation !== context.installation) {
      problems.add(
        index,
        where,
        'PPV-RECEIPT-SITE',
        `belongs to installation ${shown(receipt.installation)}, not the file's ${shown(context.installation)}`,
      );
    }
    if (receipt.product !== context.product)
      problems.add(index, where, 'PPV-RECEIPT-SITE', `product ${receipt.product} is not the file's ${context.product}`);
    checkNotice(stored, where, index, context, problems);
    if (receipt.kind === 'acknowledgment') {
      for (const message of shownProblems(receipt, context.translations))
        problems.add(index, where, 'PPV-RECEIPT-SHOWN', message);
      commitmentsChecked += checkSubject({ receipt, accountId }, where, index, context, problems);
    } else if (accountId !== null) {
      problems.add(
        index,
        where,
        'PPV-RECEIPT-SUBJECT',
        `a ${receipt.kind} receipt names no account, yet one is stored beside it`,
      );
    }
    if (receipt.kind === 'account-erased') checkErasure(receipt, where, index, receipts, indexOfSeq, problems);
  });
  return commitmentsChecked;
}

/** A statement version no receipt points at is there only if the file says it is kept for history. */
function checkUnreferenced(
  receipts: readonly StoredReceipt[],
  statements: ReadonlyMap<number, BundleStatement>,
  forHistory: readonly number[] | undefined,
  problems: VerifyProblem[],
): void {
  const referenced = new Set(receipts.map((stored) => stored.receipt.notice.version));
  // A stale translation's receipt also references the version that translation was made from.
  for (const { receipt } of receipts)
    if (receipt.kind === 'acknowledgment' && receipt.shown) referenced.add(receipt.shown.translates.version);
  const kept = new Set(forHistory ?? []);
  for (const version of statements.keys()) {
    if (!referenced.has(version) && !kept.has(version)) {
      problems.push({
        where: `statements[v${version}]`,
        code: 'PPV-STATEMENT-UNREFERENCED',
        message: `no receipt references version ${version}, and the file does not list it in statementsForHistory`,
      });
    }
  }
  for (const version of kept)
    if (!statements.has(version))
      problems.push({
        where: 'statementsForHistory',
        code: 'PPV-STATEMENT-UNREFERENCED',
        message: `lists version ${version}, which the file does not hold`,
      });
}

function emptyReport(): VerifyReport {
  return {
    ok: false,
    readable: true,
    problemsOmitted: 0,
    receipts: 0,
    statements: 0,
    versions: [],
    kinds: noKinds(),
    commitmentsChecked: 0,
    problems: [],
    anchors: [],
    unreadableInputs: [],
  };
}

function unreadable(report: VerifyReport, where: string, code: ProblemCode, message: string): VerifyReport {
  report.readable = false;
  report.problems.push({ where, code, message: clip(message, 300) });
  return report;
}

/**
 * Checks an export file's text, and against it whatever anchors are given. Never throws: anything wrong
 * with the file is a problem in the report, and a text that cannot be an export (see ./limits) is refused
 * before it is parsed.
 */
export function verifyExport(bundleText: string, options: VerifyOptions = {}): VerifyReport {
  const report = emptyReport();
  try {
    return verifyText(bundleText, options, report);
  } catch (error) {
    // Not expected after the pre-scan and the shape checks; a last line so the CLI never prints a stack.
    report.ok = false;
    return unreadable(
      report,
      'file',
      'PPV-FILE-UNREADABLE',
      `cannot be checked: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function verifyText(bundleText: string, options: VerifyOptions, report: VerifyReport): VerifyReport {
  const problems = report.problems;
  const read = parseStrictly(bundleText);
  if ('refused' in read) return unreadable(report, 'file', read.code, read.refused);
  const parsed = read.value;
  if (parsed['format'] !== EXPORT_FORMAT) {
    const found = typeof parsed['format'] === 'string' ? shown(parsed['format']) : 'none';
    return unreadable(report, 'format', 'PPV-FORMAT', `expected "${EXPORT_FORMAT}", found ${found}`);
  }
  for (const path of read.duplicates)
    problems.push({
      where: path,
      code: 'PPV-JSON-DUPLICATE-KEY',
      message: 'this key appears twice in its object (a JSON reader keeps only one of them)',
    });
  const top = v.safeParse(bundleTopSchema, parsed);
  // Unknown top-level fields are problems; any other shape error makes the file unreadable.
  const topIssues = top.success ? [] : shapeIssues(top.issues);
  const topReadable = topIssues.every((issue) => issue.code === 'PPV-JSON-UNKNOWN-FIELD');
  if (!top.success) {
    if (!topReadable) report.readable = false;
    for (const issue of topIssues.slice(0, MAX_PROBLEMS))
      problems.push({ where: issue.path || 'file', code: issue.code, message: issue.message });
    if (!Array.isArray(parsed['statements']) || !Array.isArray(parsed['receipts'])) return report;
    // Too many entries: do not look at them one by one.
    if (isTooMany(top.issues)) return report;
  }
  const bundle = parsed as unknown as ExportBundle;
  const statementsRaw = parsed['statements'] as unknown[];
  const receiptsRaw = parsed['receipts'] as unknown[];
  report.receipts = receiptsRaw.length;
  report.statements = statementsRaw.length;
  report.installation = typeof bundle.installation === 'string' ? clip(bundle.installation) : undefined;
  report.product = typeof bundle.product === 'string' ? clip(bundle.product) : undefined;
  report.exportedAt = typeof bundle.exportedAt === 'string' ? clip(bundle.exportedAt) : undefined;
  const chain: unknown = parsed['chain'];
  if (isRecord(chain) && typeof chain['headHash'] === 'string') report.headHash = clip(chain['headHash']);

  const statements = checkStatements(statementsRaw, problems);
  report.versions = [...statements.keys()];
  const translationsRaw = Array.isArray(parsed['translations']) ? (parsed['translations'] as unknown[]) : [];
  const translations = checkTranslations(translationsRaw, statements, problems);

  const receiptProblems = new ReceiptProblems();
  const wellFormed: StoredReceipt[] = [];
  receiptsRaw.forEach((entry, index) => {
    const shape = v.safeParse(storedReceiptSchema, entry);
    if (shape.success) {
      wellFormed.push(entry as StoredReceipt);
      report.kinds[(entry as StoredReceipt).receipt.kind] += 1;
    } else {
      for (const issue of shapeIssues(shape.issues, `receipts[${index}]`))
        receiptProblems.add(index, issue.path, issue.code, `not a receipt: ${issue.message}`);
    }
  });
  const allWellFormed = wellFormed.length === receiptsRaw.length;
  const checkable = top.success || topReadable;
  if (allWellFormed) {
    const receipts = wellFormed;
    placeChainProblems(
      receipts.map((stored) => stored.receipt),
      receiptProblems,
    );
    if (checkable) {
      const salt = bundle.salt;
      const context: ReceiptContext = {
        installation: bundle.installation,
        product: bundle.product,
        salt,
        saltDigest: salt === null ? null : saltDigest(salt),
        erased: erasedSeqsOf(receipts),
        statements,
        translations,
      };
      report.commitmentsChecked = checkReceipts(receipts, context, receiptProblems);
      checkUnreferenced(receipts, statements, bundle.statementsForHistory, problems);
    }
  }
  for (const problem of receiptProblems.inOrder()) problems.push(problem);
  report.problemsOmitted = receiptProblems.omitted;
  const first = receiptProblems.firstIndex();
  if (first !== undefined) {
    const entry = receiptsRaw[first];
    const receipt = isRecord(entry) && isRecord(entry['receipt']) ? entry['receipt'] : {};
    report.firstBroken = {
      seq: typeof receipt['seq'] === 'number' ? receipt['seq'] : first + 1,
      receiptId: typeof receipt['receiptId'] === 'string' ? clip(receipt['receiptId'], 40) : '',
    };
  }
  if (!allWellFormed)
    problems.push({
      where: 'receipts',
      code: 'PPV-CHAIN-NOT-CHECKED',
      message: 'the hash chain was not checked: some entries are not receipts',
    });

  if (checkable) {
    checkSummary(bundle, receiptsRaw, options, problems);
    if (allWellFormed) {
      const anchors = checkAnchors(options, { bundle, receipts: wellFormed, statements, translations }, (earlier) =>
        verifyExport(earlier),
      );
      problems.push(...anchors.problems);
      report.anchors = anchors.outcomes;
      report.unreadableInputs = anchors.unreadable;
    }
  }
  // Checked whatever else is wrong, so that an edit anywhere is reported as one at least here.
  if (typeof parsed['checksum'] === 'string' && sha256Hex(checksumInput(bundle)) !== parsed['checksum']) {
    problems.push({
      where: 'checksum',
      code: 'PPV-CHECKSUM',
      message: 'the file was changed after it was exported (the checksum does not match its content)',
    });
  }

  report.ok = problems.length === 0;
  return report;
}

/** `chain.length` and `chain.headHash` against the receipts, and the head against the one noted. */
function checkSummary(
  bundle: ExportBundle,
  receiptsRaw: readonly unknown[],
  options: VerifyOptions,
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
  if (options.expectedHead !== undefined && options.expectedHead !== lastHash) {
    problems.push({
      where: 'chain',
      code: 'PPV-HEAD',
      message: `the chain ends in ${clip(String(lastHash))}, not in the head hash noted at export time (${options.expectedHead}): rewritten or cut`,
    });
  }
}
