/**
 * The export bundle as a library. This entry point pulls in node:crypto (through the verifier); the
 * browser imports ./bundle, ./csv and ./format directly.
 */
export { EMPTY_CHAIN_HEAD, EXPORT_FORMAT } from './format';
export type { BundleChain, BundleStatement, ExportBundle, UnsealedBundle } from './format';
export { assembleBundle, checksumInput, missingVersions, sealBundle, serializeBundle } from './bundle';
export type { BundleInput, Sha256Hex } from './bundle';
export { CSV_COLUMNS, csvCell, csvRow, neutraliseFormula, receiptCsvRow, receiptsCsv } from './csv';
export { verifyExport } from './verify';
export type { VerifyOptions, VerifyProblem, VerifyReport } from './verify';
export { formatReport, formatUnreadable } from './report';
export { MAX_EXPORT_CHARS } from './limits';
