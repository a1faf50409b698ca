import { currentStatement } from '../statement/catalog';
import type { CompiledStatement, StatementCatalog } from '../statement/types';
import type { ReceiptNotice } from './types';

/** A statement version as a receipt's notice: which text, identified by its hash. */
export function noticeOf(statement: CompiledStatement): ReceiptNotice {
  const { id, version, effectiveDate } = statement.source;
  return { statementId: id, version, hash: statement.hash, effectiveDate };
}

/** The statement version in force, as a receipt's notice. */
export function noticeInForce(catalog: StatementCatalog): ReceiptNotice {
  return noticeOf(currentStatement(catalog));
}
