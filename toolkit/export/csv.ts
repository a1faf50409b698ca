/**
 * The spreadsheet view of an export: one row per receipt, RFC 4180 (CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled). Cells a spreadsheet would run as a formula get a
 * leading apostrophe. Browser-safe. The JSON bundle stays the evidence; the CSV is for reading.
 */
import type { StoredReceipt } from '../../src/domain/receipts/types';

export const CSV_COLUMNS = [
  'seq',
  'kind',
  'receipt id',
  'time',
  'statement version',
  'statement hash',
  'effective date',
  'account id',
  'product',
  'commitment',
  'prevHash',
  'hash',
  'detail',
] as const;

/** Characters that make a spreadsheet treat a cell as a formula (tab and CR too, as OWASP advises). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Defuses formula injection: a cell starting with = + - @ (or tab, CR) is prefixed with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell, neutralised and quoted as RFC 4180 requires. */
export function csvCell(value: string | number | null | undefined): string {
  const text = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** The account column: the ID, "erased" for an acknowledgment whose ID was erased, empty for events. */
function accountCell(stored: StoredReceipt): string {
  if (stored.receipt.kind !== 'acknowledgment') return stored.accountId ?? '';
  return stored.accountId ?? 'erased';
}

function detailCell(stored: StoredReceipt): string {
  const { receipt } = stored;
  switch (receipt.kind) {
    case 'acknowledgment':
      return receipt.method;
    case 'app-installed':
    case 'app-upgraded':
      return `app version ${receipt.appVersion}`;
    case 'account-erased':
      return `${receipt.reason}; erased seqs ${receipt.erasedSeqs.join(' ')}`;
  }
}

export function receiptCsvRow(stored: StoredReceipt): string {
  const { receipt } = stored;
  return csvRow([
    receipt.seq,
    receipt.kind,
    receipt.receiptId,
    receipt.at,
    receipt.notice.version,
    receipt.notice.hash,
    receipt.notice.effectiveDate,
    accountCell(stored),
    receipt.product,
    receipt.kind === 'acknowledgment' ? receipt.subject.commitment : '',
    receipt.prevHash,
    receipt.hash,
    detailCell(stored),
  ]);
}

/** Header plus one row per receipt, in the order given (the bundle's: oldest first), CRLF-terminated. */
export function receiptsCsv(receipts: readonly StoredReceipt[]): string {
  return [csvRow(CSV_COLUMNS), ...receipts.map(receiptCsvRow)].map((line) => `${line}\r\n`).join('');
}
