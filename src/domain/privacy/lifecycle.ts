import { appendReceipt } from '../receipts/chain';
import type { LifecycleBody, StoredReceipt } from '../receipts/types';
import { eventEnvelope } from './notice';
import type { Installation, PrivacyDeps } from './types';

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
  const outcome = await appendReceipt(
    deps.store,
    { kind: event.kind, appVersion: event.appVersion, ...eventEnvelope(deps, where) },
    null,
    (head) => head.receipt.kind === event.kind && head.receipt.appVersion === event.appVersion,
  );
  return { appended: outcome.appended, stored: outcome.stored };
}
