/**
 * The receipt an acknowledging admin keeps (`privacy-panel.receipt/1`): their own sealed receipt and the
 * chain head the page saw when they kept it. Held apart from the exporter, it anchors an export: the
 * export must hold this receipt at its seq and this head at the head's seq. Browser-safe; pure.
 */
import * as v from 'valibot';
import { receiptSchema, type AcknowledgmentReceipt, type StoredReceipt } from '../../src/domain/receipts/types';
import { hex64 } from '../statement/lock-schema';

export const RECEIPT_FILE_FORMAT = 'privacy-panel.receipt/1';

export const chainHeadSchema = v.strictObject({
  /** The newest receipt's seq: how many receipts the chain held. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  hash: hex64,
});

/**
 * The file as the verifier reads it (strict). Its product is any text and its receipt any kind, so that the
 * verifier names a foreign site or a receipt not in the export itself (PPV-WITNESS-SITE, -MISSING).
 */
export const keptReceiptSchema = v.strictObject({
  format: v.literal(RECEIPT_FILE_FORMAT),
  /** When the page wrote the file, ISO 8601 UTC. */
  keptAt: v.string(),
  installation: v.pipe(v.string(), v.minLength(1)),
  product: v.string(),
  /** The acknowledgment as sealed in the chain (its subject is a commitment: no account ID). */
  receipt: receiptSchema,
  /** The chain head when the file was kept: the receipt itself right after acknowledging, or a newer one. */
  head: chainHeadSchema,
});

export type ChainHead = v.InferOutput<typeof chainHeadSchema>;
export type KeptReceipt = v.InferOutput<typeof keptReceiptSchema>;

/** The newest acknowledgment of `accountId` among `newestFirst`, or undefined. */
export function ownNewestAcknowledgment(
  newestFirst: readonly StoredReceipt[],
  accountId: string,
): AcknowledgmentReceipt | undefined {
  for (const { receipt, accountId: owner } of newestFirst)
    if (receipt.kind === 'acknowledgment' && owner === accountId) return receipt;
  return undefined;
}

export function keptReceipt(input: Omit<KeptReceipt, 'format'>): KeptReceipt {
  return {
    format: RECEIPT_FILE_FORMAT,
    keptAt: input.keptAt,
    installation: input.installation,
    product: input.product,
    receipt: input.receipt,
    head: { seq: input.head.seq, hash: input.head.hash },
  };
}

export function serializeKeptReceipt(kept: KeptReceipt): string {
  return `${JSON.stringify(kept, null, 2)}\n`;
}

/** `privacy-panel-receipt-jira-seq-12.json`. */
export function keptReceiptFileName(kept: KeptReceipt): string {
  return `privacy-panel-receipt-${kept.product}-seq-${kept.receipt.seq}.json`;
}
