/**
 * The verifier's checks of each receipt in an export: its shape, its place in the hash chain, its
 * installation and product, the notice it names, who acknowledged (the account ID against its commitment
 * under the file's salt) and what an erasure names. Problems are kept by receipt, reported in chain order.
 * Pure.
 */
import * as v from 'valibot';
import { accountCommitment, saltDigest, verifyChain } from '../../src/domain/receipts/receipt';
import type { Receipt, ReceiptKind, StoredReceipt } from '../../src/domain/receipts/types';
import { clip, shown } from './clip';
import type { ProblemCode, VerifyProblem } from './codes';
import type { BundleStatement, BundleTranslation, ExportBundle } from './format';
import { MAX_PROBLEMS } from './limits';
import { shapeIssues, storedReceiptSchema } from './schema';
import { isRecord } from './strict-json';
import { shownProblems } from './verify-translations';

/** Receipt problems keyed by index, so they can be reported in chain order and the first one found. */
export class ReceiptProblems {
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
export function placeChainProblems(receipts: readonly Receipt[], problems: ReceiptProblems): void {
  let index = 0;
  for (const problem of verifyChain(receipts)) {
    let at = index;
    while (at < receipts.length && receipts[at]?.seq !== problem.seq) at += 1;
    if (at === receipts.length) at = index; // cannot happen with verifyChain's output; stay put rather than lose it
    index = at;
    problems.add(at, `receipts[${at}] (seq ${problem.seq})`, CHAIN_CODES[problem.kind], problem.message);
  }
}

/** The entries that are receipts (counted by kind); every other entry is a problem of its index. */
export function wellFormedReceipts(
  raw: readonly unknown[],
  kinds: Record<ReceiptKind, number>,
  problems: ReceiptProblems,
): StoredReceipt[] {
  const wellFormed: StoredReceipt[] = [];
  raw.forEach((entry, index) => {
    const shape = v.safeParse(storedReceiptSchema, entry);
    if (shape.success) {
      wellFormed.push(entry as StoredReceipt);
      kinds[(entry as StoredReceipt).receipt.kind] += 1;
    } else {
      for (const issue of shapeIssues(shape.issues, `receipts[${index}]`))
        problems.add(index, issue.path, issue.code, `not a receipt: ${issue.message}`);
    }
  });
  return wellFormed;
}

/** The first receipt, in chain order, with a problem: its seq and id as far as the entry has them. */
export function firstBroken(
  raw: readonly unknown[],
  problems: ReceiptProblems,
): { seq: number; receiptId: string } | undefined {
  const first = problems.firstIndex();
  if (first === undefined) return undefined;
  const entry = raw[first];
  const receipt = isRecord(entry) && isRecord(entry['receipt']) ? entry['receipt'] : {};
  return {
    seq: typeof receipt['seq'] === 'number' ? receipt['seq'] : first + 1,
    receiptId: typeof receipt['receiptId'] === 'string' ? clip(receipt['receiptId'], 40) : '',
  };
}

export interface ReceiptContext {
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
export function erasedSeqsOf(receipts: readonly StoredReceipt[]): Set<number> {
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

export function checkReceipts(
  receipts: readonly StoredReceipt[],
  context: ReceiptContext,
  problems: ReceiptProblems,
): number {
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

/** What the receipts are checked against: the file's installation, product, salt, statements and translations. */
export function receiptContext(
  bundle: ExportBundle,
  receipts: readonly StoredReceipt[],
  statements: ReadonlyMap<number, BundleStatement>,
  translations: ReadonlyMap<string, BundleTranslation>,
): ReceiptContext {
  const salt = bundle.salt;
  return {
    installation: bundle.installation,
    product: bundle.product,
    salt,
    saltDigest: salt === null ? null : saltDigest(salt),
    erased: erasedSeqsOf(receipts),
    statements,
    translations,
  };
}
