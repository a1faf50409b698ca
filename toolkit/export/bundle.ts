/**
 * Builds an export bundle from what the resolvers return. Browser-safe: no node imports. The checksum's
 * digest is supplied by the caller (Web Crypto in the page, node:crypto in the verifier), over the text
 * `checksumInput` gives.
 */
import { canonicalize } from 'json-canonicalize';
import type { Product } from '../../src/domain/product';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import {
  EMPTY_CHAIN_HEAD,
  EXPORT_FORMAT,
  type BundleStatement,
  type BundleTranslation,
  type ExportBundle,
  type UnsealedBundle,
} from './format';

export interface BundleInput {
  exportedAt: string;
  installation: string;
  product: Product;
  salt: string | null;
  /** Every published version (as `getStatementVersions` returns them); only the referenced ones are kept. */
  versions: readonly BundleStatement[];
  /** Every published translation; only those a receipt records as shown are kept. */
  translations?: readonly BundleTranslation[];
  /** The chain in any order; the bundle holds it oldest first. */
  receipts: readonly StoredReceipt[];
}

/** SHA-256 of UTF-8 text as lowercase hex. */
export type Sha256Hex = (text: string) => Promise<string> | string;

/** Versions the receipts reference that `versions` lacks; a bundle built anyway reports them on verification. */
export function missingVersions(input: Pick<BundleInput, 'versions' | 'receipts'>): number[] {
  const known = new Set(input.versions.map((v) => v.source.version));
  const missing = new Set<number>();
  for (const { receipt } of input.receipts) if (!known.has(receipt.notice.version)) missing.add(receipt.notice.version);
  return [...missing].sort((a, b) => a - b);
}

/** The bundle without its checksum: receipts oldest first, referenced statements oldest first, the chain head. */
export function assembleBundle(input: BundleInput): UnsealedBundle {
  const receipts = [...input.receipts].sort((a, b) => a.receipt.seq - b.receipt.seq);
  const shown = new Set(
    receipts.flatMap(({ receipt }) => (receipt.kind === 'acknowledgment' && receipt.shown ? [receipt.shown.hash] : [])),
  );
  const translations = (input.translations ?? [])
    .filter((t) => shown.has(t.hash))
    .map(({ source, hash }) => ({ source, hash }))
    .sort((a, b) => a.source.translates.version - b.source.translates.version || a.hash.localeCompare(b.hash));
  const referenced = new Set([
    ...receipts.map((stored) => stored.receipt.notice.version),
    ...translations.map((t) => t.source.translates.version),
  ]);
  const statements = input.versions
    .filter((v) => referenced.has(v.source.version))
    .map(({ source, hash }) => ({ source, hash }))
    .sort((a, b) => a.source.version - b.source.version);
  const head = receipts[receipts.length - 1];
  return {
    format: EXPORT_FORMAT,
    exportedAt: input.exportedAt,
    installation: input.installation,
    product: input.product,
    salt: input.salt,
    statements,
    ...(translations.length > 0 ? { translations } : {}),
    receipts,
    chain: { length: receipts.length, headHash: head ? head.receipt.hash : EMPTY_CHAIN_HEAD },
  };
}

/** The exact text the checksum is taken over: RFC 8785 canonical JSON of the bundle without `checksum`. */
export function checksumInput(bundle: UnsealedBundle | ExportBundle): string {
  const { checksum: _checksum, ...rest } = bundle as ExportBundle;
  return canonicalize(rest);
}

export async function sealBundle(bundle: UnsealedBundle, sha256: Sha256Hex): Promise<ExportBundle> {
  const checksum = await sha256(checksumInput(bundle));
  return { ...bundle, checksum };
}

/**
 * The file's text: ordinary JSON, laid out with one statement and one receipt per line so that it stays
 * readable and diffs line by line. Any JSON parser reads it; the layout carries no meaning.
 */
export function serializeBundle(bundle: ExportBundle): string {
  const field = (name: string, value: unknown) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  const list = (name: string, items: readonly unknown[]) =>
    items.length === 0
      ? `  ${JSON.stringify(name)}: []`
      : `  ${JSON.stringify(name)}: [\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  const fields = [
    field('format', bundle.format),
    field('exportedAt', bundle.exportedAt),
    field('installation', bundle.installation),
    field('product', bundle.product),
    field('salt', bundle.salt),
    list('statements', bundle.statements),
    ...(bundle.statementsForHistory ? [field('statementsForHistory', bundle.statementsForHistory)] : []),
    ...(bundle.translations ? [list('translations', bundle.translations)] : []),
    list('receipts', bundle.receipts),
    field('chain', bundle.chain),
    field('checksum', bundle.checksum),
  ];
  return `{\n${fields.join(',\n')}\n}\n`;
}
