/**
 * The export bundle: one self-contained JSON file holding an installation's whole receipt chain, every
 * statement version the receipts point at (verbatim), the commitment salt, and a checksum over all of it.
 * Pure types and constants; safe to import in the browser.
 */
import type { Product } from '../../src/domain/product';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import type { StatementSource } from '../../src/domain/statement/types';
import type { TranslationSource } from '../../src/domain/statement/translation';

export const EXPORT_FORMAT = 'privacy-panel.export/1';
/** The format of the receipt an admin keeps (kept-receipt.ts). */
export const RECEIPT_FILE_FORMAT = 'privacy-panel.receipt/1';

/** `chain.headHash` of an empty chain: the `prevHash` receipt 1 carries (the same as GENESIS_HASH). */
export const EMPTY_CHAIN_HEAD = '0'.repeat(64);

export interface BundleStatement {
  source: StatementSource;
  /** SHA-256 over the RFC 8785 canonical JSON of `source`. */
  hash: string;
}

export interface BundleTranslation {
  source: TranslationSource;
  /** SHA-256 over the RFC 8785 canonical JSON of `source`: what a receipt's `shown.hash` names. */
  hash: string;
}

export interface BundleChain {
  /** How many receipts the chain holds: the seq of the newest. */
  length: number;
  /** The newest receipt's hash; EMPTY_CHAIN_HEAD when there are none. */
  headHash: string;
}

/** Everything in the file except the checksum: exactly what the checksum is computed over. */
export interface UnsealedBundle {
  format: typeof EXPORT_FORMAT;
  /** When the browser assembled the file, ISO 8601 UTC. */
  exportedAt: string;
  /** The installation's ARI. */
  installation: string;
  product: Product;
  /** The installation's commitment salt; null when the server sent none (no acknowledgment yet). */
  salt: string | null;
  /** Every statement version any receipt (or translation here) references, oldest first (and those in `statementsForHistory`). */
  statements: BundleStatement[];
  /**
   * Versions in `statements` that no receipt references, kept on purpose (e.g. a vendor's full published
   * history). The verifier rejects an unreferenced version not listed here. The page never writes it.
   */
  statementsForHistory?: number[];
  /** Every translation a receipt records as shown, by version; absent when no receipt records one. */
  translations?: BundleTranslation[];
  /** Oldest first: seq 1..N. */
  receipts: StoredReceipt[];
  chain: BundleChain;
}

export interface ExportBundle extends UnsealedBundle {
  /** Lowercase hex SHA-256 over the RFC 8785 canonical JSON of the bundle without this field. */
  checksum: string;
}
