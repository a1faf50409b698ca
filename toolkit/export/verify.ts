/**
 * The offline verifier: given the text of an export file, checks everything the file can prove about
 * itself and says where it does not hold. Pure (hashing through ../canonical); runs in node, in tests and
 * behind `privacy-panel verify`. This module reads the file and runs the checks in order, as sigstore-js
 * splits its verifier: the statements (verify-statements.ts), the translations (verify-translations.ts), the
 * receipts and their chain (verify-receipts.ts), the file's summary and checksum (verify-summary.ts), then the
 * anchors from outside the file (anchors.ts).
 */
import type { ReceiptKind } from '../../src/domain/receipts/types';
import { checkAnchors, type AnchorInputs, type AnchorOutcome } from './anchors';
import { clip, shown } from './clip';
import type { ProblemCode, VerifyProblem } from './codes';
import { EXPORT_FORMAT, type ExportBundle } from './format';
import { MAX_PROBLEMS } from './limits';
import * as v from 'valibot';
import { bundleTopSchema, isTooMany, shapeIssues } from './schema';
import { isRecord, parseStrictly } from './strict-json';
import {
  checkReceipts,
  firstBroken,
  placeChainProblems,
  receiptContext,
  ReceiptProblems,
  wellFormedReceipts,
} from './verify-receipts';
import { checkStatements, checkUnreferenced } from './verify-statements';
import { checkChecksum, checkSummary } from './verify-summary';
import { checkTranslations } from './verify-translations';

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

/** An export read as far as its top level: what the checks work on. */
interface ReadExport {
  parsed: Record<string, unknown>;
  bundle: ExportBundle;
  statementsRaw: unknown[];
  receiptsRaw: unknown[];
  /** The top level is an export's, bar unknown fields: the receipts can be checked against it. */
  checkable: boolean;
}

/**
 * The text as an export: strictly parsed, its format, duplicate keys and top-level shape. Undefined when the
 * report is already complete (not an export, or entries that cannot be looked at one by one).
 */
function readTop(bundleText: string, report: VerifyReport): ReadExport | undefined {
  const problems = report.problems;
  const read = parseStrictly(bundleText);
  if ('refused' in read) {
    unreadable(report, 'file', read.code, read.refused);
    return undefined;
  }
  const parsed = read.value;
  if (parsed['format'] !== EXPORT_FORMAT) {
    const found = typeof parsed['format'] === 'string' ? shown(parsed['format']) : 'none';
    unreadable(report, 'format', 'PPV-FORMAT', `expected "${EXPORT_FORMAT}", found ${found}`);
    return undefined;
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
    if (!Array.isArray(parsed['statements']) || !Array.isArray(parsed['receipts'])) return undefined;
    // Too many entries: do not look at them one by one.
    if (isTooMany(top.issues)) return undefined;
  }
  return {
    parsed,
    bundle: parsed as unknown as ExportBundle,
    statementsRaw: parsed['statements'] as unknown[],
    receiptsRaw: parsed['receipts'] as unknown[],
    checkable: top.success || topReadable,
  };
}

/** What the file says it is: counts, installation, product, export time and head, clipped for display. */
function describeFile(report: VerifyReport, { parsed, bundle, statementsRaw, receiptsRaw }: ReadExport): void {
  report.receipts = receiptsRaw.length;
  report.statements = statementsRaw.length;
  report.installation = typeof bundle.installation === 'string' ? clip(bundle.installation) : undefined;
  report.product = typeof bundle.product === 'string' ? clip(bundle.product) : undefined;
  report.exportedAt = typeof bundle.exportedAt === 'string' ? clip(bundle.exportedAt) : undefined;
  const chain: unknown = parsed['chain'];
  if (isRecord(chain) && typeof chain['headHash'] === 'string') report.headHash = clip(chain['headHash']);
}

function verifyText(bundleText: string, options: VerifyOptions, report: VerifyReport): VerifyReport {
  const read = readTop(bundleText, report);
  if (!read) return report;
  describeFile(report, read);
  const { parsed, bundle, receiptsRaw, checkable } = read;
  const problems = report.problems;

  const statements = checkStatements(read.statementsRaw, problems);
  report.versions = [...statements.keys()];
  const translationsRaw = Array.isArray(parsed['translations']) ? (parsed['translations'] as unknown[]) : [];
  const translations = checkTranslations(translationsRaw, statements, problems);

  const receiptProblems = new ReceiptProblems();
  const receipts = wellFormedReceipts(receiptsRaw, report.kinds, receiptProblems);
  const allWellFormed = receipts.length === receiptsRaw.length;
  if (allWellFormed) {
    placeChainProblems(
      receipts.map((stored) => stored.receipt),
      receiptProblems,
    );
    if (checkable) {
      const context = receiptContext(bundle, receipts, statements, translations);
      report.commitmentsChecked = checkReceipts(receipts, context, receiptProblems);
      checkUnreferenced(receipts, statements, bundle.statementsForHistory, problems);
    }
  }
  for (const problem of receiptProblems.inOrder()) problems.push(problem);
  report.problemsOmitted = receiptProblems.omitted;
  const broken = firstBroken(receiptsRaw, receiptProblems);
  if (broken) report.firstBroken = broken;
  if (!allWellFormed)
    problems.push({
      where: 'receipts',
      code: 'PPV-CHAIN-NOT-CHECKED',
      message: 'the hash chain was not checked: some entries are not receipts',
    });

  if (checkable) {
    checkSummary(bundle, receiptsRaw, options.expectedHead, problems);
    if (allWellFormed) {
      const anchors = checkAnchors(options, { bundle, receipts, statements, translations }, (earlier) =>
        verifyExport(earlier),
      );
      problems.push(...anchors.problems);
      report.anchors = anchors.outcomes;
      report.unreadableInputs = anchors.unreadable;
    }
  }
  checkChecksum(parsed, bundle, problems);

  report.ok = problems.length === 0;
  return report;
}
