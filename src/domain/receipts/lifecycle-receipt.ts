import { appendReceipt, chainHead, deterministicReceiptId } from './chain';
import type { LifecycleBody, StoredReceipt } from './types';
import { eventEnvelope } from './event-envelope';
import type { Installation, PrivacyDeps } from '../personal-data/types';

/**
 * The app's own lifecycle on the receipt chain: Forge reported it installed, or upgraded to a new major
 * version. No personal data (the installer's account ID is not kept). Events can arrive twice, so the
 * same kind and app version at the head of the chain is not recorded again.
 */

export interface LifecycleEvent {
  kind: LifecycleBody['kind'];
  appVersion: string;
}

export async function recordLifecycleEvent(
  deps: PrivacyDeps,
  where: Installation,
  event: LifecycleEvent,
): Promise<{ appended: boolean; stored: StoredReceipt }> {
  const head = await chainHead(deps.store);
  const top = head.value;
  if (top && top.receipt.kind === event.kind && top.receipt.appVersion === event.appVersion)
    return { appended: false, stored: top };
  // One id per event and app version: a delivery repeated while another is being recorded lands once.
  const receiptId = deterministicReceiptId(event.kind, where.installation, event.appVersion, String(head.seq));
  const outcome = await appendReceipt(
    deps.store,
    { kind: event.kind, appVersion: event.appVersion, ...eventEnvelope(deps, where), receiptId },
    null,
    { from: head, fresh: false },
  );
  return { appended: outcome.appended, stored: outcome.stored };
}
