import type { ReceiptNotice } from '../receipts/types';
import { currentStatement } from '../statement/catalog';
import type { StatementCatalog } from '../statement/types';

/** The statement version in force, as a receipt's notice. */
export function noticeInForce(catalog: StatementCatalog): ReceiptNotice {
  const statement = currentStatement(catalog);
  const { id, version, effectiveDate } = statement.source;
  return { statementId: id, version, hash: statement.hash, effectiveDate };
}
