import { noticeInForce } from './notice';
import type { Installation, PrivacyDeps } from '../personal-data/types';

/** What every event receipt of the app's own (lifecycle, erasure) shares: a new id, the notice in force, where, when. */
export function eventEnvelope(deps: Pick<PrivacyDeps, 'catalog' | 'clock' | 'ids'>, where: Installation) {
  return {
    receiptId: deps.ids.uuid(),
    notice: noticeInForce(deps.catalog),
    product: where.product,
    installation: where.installation,
    at: deps.clock.now().toISOString(),
  };
}
