/**
 * The verifier's checks of the statement versions in an export: each is a statement version, appears once and
 * re-hashes to its hash; each is referenced by a receipt or listed as kept for history. Pure.
 */
import * as v from 'valibot';
import { hashCanonical } from '../../src/domain/canonical';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import type { VerifyProblem } from './codes';
import type { BundleStatement } from './format';
import { bundleStatementSchema, shapeIssues } from './schema';
import { isRecord } from './strict-json';

function statementWhere(index: number, entry: unknown): string {
  const source = isRecord(entry) ? entry['source'] : undefined;
  const version = isRecord(source) ? source['version'] : undefined;
  return typeof version === 'number' ? `statements[v${version}]` : `statements[${index}]`;
}

export function checkStatements(
  statements: readonly unknown[],
  problems: VerifyProblem[],
): Map<number, BundleStatement> {
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

/** A statement version no receipt points at is there only if the file says it is kept for history. */
export function checkUnreferenced(
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
