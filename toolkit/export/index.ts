/**
 * The export bundle as a library. This entry point pulls in node:crypto and node:fs (through the verifier);
 * the browser imports ./bundle, ./csv, ./format and ./kept-receipt directly.
 */
export { EMPTY_CHAIN_HEAD, EXPORT_FORMAT } from './format';
export type { BundleChain, BundleStatement, ExportBundle, UnsealedBundle } from './format';
export { assembleBundle, checksumInput, missingVersions, sealBundle, serializeBundle } from './bundle';
export type { BundleInput, Sha256Hex } from './bundle';
export { CSV_COLUMNS, csvCell, csvRow, neutraliseFormula, receiptCsvRow, receiptsCsv } from './csv';
export { verifyExport } from './verify';
export type { VerifyOptions, VerifyProblem, VerifyReport } from './verify';
export type { AnchorInput, AnchorInputs, AnchorOutcome } from './anchors';
export { PROBLEM_CODES, type ProblemCode } from './codes';
export { RECEIPT_FILE_FORMAT, keptReceipt, serializeKeptReceipt, type KeptReceipt } from './kept-receipt';
export { formatReport, formatUnreadable, reportLines } from './report';
export { verifyExportFile, type VerifyFileInput, type VerifyFileResult } from './verify-file';
export { MAX_EXPORT_CHARS } from './limits';
