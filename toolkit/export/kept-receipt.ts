/**
 * The receipt an acknowledging admin keeps (`privacy-panel.receipt/1`): their own sealed receipt and the
 * chain head the page saw when they kept it. Held apart from the exporter, it anchors an export: the
 * export must hold this receipt at its seq and this head at the head's seq. Browser-safe; pure.
 */
import type * as v from 'valibot';
import type { AcknowledgmentReceipt, StoredReceipt } from '../../src/domain/receipts/types';
import { RECEIPT_FILE_FORMAT } from './format';
import type { chainHeadSchema, keptReceiptSchema } from './kept-receipt-schema';

export { RECEIPT_FILE_FORMAT };

/** Inferred from their schemas (kept-receipt-schema.ts). */
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
