/**
 * The offline verifier: given the text of an export file, checks everything the file can prove about
 * itself and says where it does not hold. Pure (hashing through ../canonical); runs in node, in tests and
 * behind `privacy-panel verify`.
 */
import { hashCanonical, sha256Hex } from '../../src/domain/canonical';
import { accountCommitment, verifyChain } from '../../src/domain/receipts/receipt';
import type { Receipt, ReceiptKind, StoredReceipt } from '../../src/domain/receipts/types';
import { checksumInput } from './bundle';
import { EMPTY_CHAIN_HEAD, EXPORT_FORMAT, type BundleStatement, type ExportBundle } from './format';
import { bundleStatementSchema, bundleTopSchema, describeIssues, storedReceiptSchema } from './schema';
import { checkTranslations, shownProblems } from './verify-translations';
import type { BundleTranslation } from './format';

export interface VerifyProblem {
  /** Where in the file: 'format', 'statements[v2]', 'receipts[12] (seq 13)', 'chain', 'checksum', … */
  where: string;
  message: string;
}

export interface VerifyReport {
  /** true only when no problem was found. */
  ok: boolean;
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
}

const noKinds = (): Record<ReceiptKind, number> => ({
  acknowledgment: 0,
  'app-installed': 0,
  'app-upgraded': 0,
  'account-erased': 0,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 'receipts[12] (seq 13)', or 'receipts[12]' when the entry has no readable seq. */
function receiptWhere(index: number, entry: unknown): string {
  const receipt = isRecord(entry) ? entry['receipt'] : undefined;
  const seq = isRecord(receipt) ? receipt['seq'] : undefined;
  return typeof seq === 'number' ? `receipts[${index}] (seq ${seq})` : `receipts[${index}]`;
}

function statementWhere(index: number, entry: unknown): string {
  const source = isRecord(entry) ? entry['source'] : undefined;
  const version = isRecord(source) ? source['version'] : undefined;
  return typeof version === 'number' ? `statements[v${version}]` : `statements[${index}]`;
}

/** Receipt problems keyed by index, so they can be reported in chain order and the first one found. */
class ReceiptProblems {
  private readonly byIndex = new Map<number, VerifyProblem[]>();

  add(index: number, where: string, message: string): void {
    const list = this.byIndex.get(index) ?? [];
    list.push({ where, message });
    this.byIndex.set(index, list);
  }

  firstIndex(): number | undefined {
    let first: number | undefined;
    for (const index of this.byIndex.keys()) if (first === undefined || index < first) first = index;
    return first;
  }

  inOrder(): VerifyProblem[] {
    return [...this.byIndex.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list);
  }
}

/**
 * Places `verifyChain`'s problems (which name a seq) at receipt indexes: it reports in chain order, so each
 * problem belongs to the next receipt, from the last one placed, that carries its seq.
 */
function placeChainProblems(receipts: readonly Receipt[], problems: ReceiptProblems): void {
  let index = 0;
  for (const problem of verifyChain(receipts)) {
    let at = index;
    while (at < receipts.length && receipts[at]!.seq !== problem.seq) at += 1;
    if (at === receipts.length) at = index; // cannot happen with verifyChain's output; stay put rather than lose it
    index = at;
    problems.add(at, `receipts[${at}] (seq ${problem.seq})`, problem.message);
  }
}

function checkStatements(statements: readonly unknown[], problems: VerifyProblem[]): Map<number, BundleStatement> {
  const byVersion = new Map<number, BundleStatement>();
  statements.forEach((entry, index) => {
    const where = statementWhere(index, entry);
    const shape = bundleStatementSchema.safeParse(entry);
    if (!shape.success) {
      for (const message of describeIssues(shape.error))
        problems.push({ where, message: `not a statement version: ${message}` });
      return;
    }
    const statement = entry as BundleStatement;
    const version = statement.source.version;
    if (byVersion.has(version)) {
      problems.push({ where, message: `version ${version} appears more than once` });
      return;
    }
    byVersion.set(version, statement);
    if (hashCanonical(statement.source) !== statement.hash) {
      problems.push({
        where,
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
    problems.add(index, where, `references statement version ${notice.version}, which the file does not hold`);
    return;
  }
  if (notice.hash !== statement.hash) {
    problems.add(index, where, `notice hash differs from the hash of statement version ${notice.version} in the file`);
  }
  if (notice.effectiveDate !== statement.source.effectiveDate) {
    problems.add(
      index,
      where,
      `notice effective date ${notice.effectiveDate} differs from version ${notice.version}'s ${statement.source.effectiveDate}`,
    );
  }
  if (notice.statementId !== statement.source.id) {
    problems.add(
      index,
      where,
      `notice statement id "${notice.statementId}" differs from version ${notice.version}'s "${statement.source.id}"`,
    );
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
        `belongs to installation ${receipt.installation}, not the file's ${context.installation}`,
      );
    }
    if (receipt.product !== context.product)
      problems.add(index, where, `product ${receipt.product} is not the file's ${context.product}`);
    checkNotice(stored, where, index, context, problems);
    if (receipt.kind === 'acknowledgment') {
      for (const message of shownProblems(receipt, context.translations)) problems.add(index, where, message);
      if (accountId !== null && context.salt !== null) {
        commitmentsChecked += 1;
        if (accountCommitment(context.salt, accountId) !== receipt.subject.commitment) {
          problems.add(index, where, 'the account ID beside the receipt is not the one its commitment was made for');
        }
      }
    } else if (accountId !== null) {
      problems.add(index, where, `a ${receipt.kind} receipt names no account, yet one is stored beside it`);
    }
    if (receipt.kind === 'account-erased') {
      for (const erased of receipt.erasedSeqs) {
        const target = indexOfSeq.get(erased);
        const targetStored = target === undefined ? undefined : receipts[target];
        if (!targetStored || erased >= receipt.seq) {
          problems.add(index, where, `erases seq ${erased}, which is not an earlier receipt in the file`);
        } else if (targetStored.receipt.kind !== 'acknowledgment') {
          problems.add(
            index,
            where,
            `erases seq ${erased}, which is a ${targetStored.receipt.kind} receipt, not an acknowledgment`,
          );
        } else if (targetStored.accountId !== null) {
          problems.add(index, where, `erases seq ${erased}, yet that receipt still has an account ID beside it`);
        }
      }
    }
  });
  return commitmentsChecked;
}

/** Checks an export file's text. Never throws: anything wrong with the file is a problem in the report. */
export function verifyExport(bundleText: string): VerifyReport {
  const report: VerifyReport = {
    ok: false,
    receipts: 0,
    statements: 0,
    versions: [],
    kinds: noKinds(),
    commitmentsChecked: 0,
    problems: [],
  };
  const problems = report.problems;

  let parsed: unknown;
  try {
    parsed = JSON.parse(bundleText);
  } catch (error) {
    problems.push({ where: 'file', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
    return report;
  }
  if (!isRecord(parsed)) {
    problems.push({ where: 'file', message: 'not a JSON object' });
    return report;
  }
  if (parsed['format'] !== EXPORT_FORMAT) {
    problems.push({
      where: 'format',
      message: `expected "${EXPORT_FORMAT}", found ${JSON.stringify(parsed['format'] ?? null)}`,
    });
    return report;
  }
  const top = bundleTopSchema.safeParse(parsed);
  if (!top.success) {
    for (const message of describeIssues(top.error))
      problems.push({ where: message.split(/[.:[]/)[0] ?? 'file', message });
    if (!Array.isArray(parsed['statements']) || !Array.isArray(parsed['receipts'])) return report;
  }
  const bundle = parsed as unknown as ExportBundle;
  const statementsRaw = parsed['statements'] as unknown[];
  const receiptsRaw = parsed['receipts'] as unknown[];
  report.receipts = receiptsRaw.length;
  report.statements = statementsRaw.length;
  report.installation = typeof bundle.installation === 'string' ? bundle.installation : undefined;
  report.product = typeof bundle.product === 'string' ? bundle.product : undefined;
  report.exportedAt = typeof bundle.exportedAt === 'string' ? bundle.exportedAt : undefined;
  const chain: unknown = parsed['chain'];
  if (isRecord(chain) && typeof chain['headHash'] === 'string') report.headHash = chain['headHash'];

  const statements = checkStatements(statementsRaw, problems);
  report.versions = [...statements.keys()];
  const translationsRaw = Array.isArray(parsed['translations']) ? (parsed['translations'] as unknown[]) : [];
  const translations = checkTranslations(translationsRaw, statements, problems);

  const receiptProblems = new ReceiptProblems();
  const wellFormed: StoredReceipt[] = [];
  receiptsRaw.forEach((entry, index) => {
    const shape = storedReceiptSchema.safeParse(entry);
    if (shape.success) {
      wellFormed.push(entry as StoredReceipt);
      report.kinds[(entry as StoredReceipt).receipt.kind] += 1;
    } else {
      for (const message of describeIssues(shape.error))
        receiptProblems.add(index, receiptWhere(index, entry), `not a receipt: ${message}`);
    }
  });
  const allWellFormed = wellFormed.length === receiptsRaw.length;
  if (allWellFormed) {
    const receipts = wellFormed;
    placeChainProblems(
      receipts.map((stored) => stored.receipt),
      receiptProblems,
    );
    if (top.success) {
      const context: ReceiptContext = {
        installation: bundle.installation,
        product: bundle.product,
        salt: bundle.salt,
        statements,
        translations,
      };
      report.commitmentsChecked = checkReceipts(receipts, context, receiptProblems);
    }
  }
  problems.push(...receiptProblems.inOrder());
  const first = receiptProblems.firstIndex();
  if (first !== undefined) {
    const entry = receiptsRaw[first];
    const receipt = isRecord(entry) && isRecord(entry['receipt']) ? entry['receipt'] : {};
    report.firstBroken = {
      seq: typeof receipt['seq'] === 'number' ? receipt['seq'] : first + 1,
      receiptId: typeof receipt['receiptId'] === 'string' ? receipt['receiptId'] : '',
    };
  }
  if (!allWellFormed)
    problems.push({ where: 'receipts', message: 'the hash chain was not checked: some entries are not receipts' });

  if (top.success) {
    if (bundle.chain.length !== receiptsRaw.length) {
      problems.push({
        where: 'chain',
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
      problems.push({ where: 'chain', message: 'headHash is not the hash of the last receipt in the file' });
    }
  }
  // Checked whatever else is wrong, so that an edit anywhere is reported as one at least here.
  if (typeof parsed['checksum'] === 'string' && sha256Hex(checksumInput(bundle)) !== parsed['checksum']) {
    problems.push({
      where: 'checksum',
      message: 'the file was changed after it was exported (the checksum does not match its content)',
    });
  }

  report.ok = problems.length === 0;
  return report;
}
