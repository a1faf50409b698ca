import { accountOfAcknowledgmentKey, acknowledgmentPrefix } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { allOf } from '../storage/typed-store';
import { isPending } from '../storage/stored-shapes';
import type { AcknowledgmentView } from './types';

/**
 * Acknowledgments of the given versions from their `ack:` markers, made at or before `atOrBefore`, oldest
 * first, at most `max`. A claim whose receipt is not confirmed yet does not count.
 */
export async function acknowledgmentsOf(
  store: Store,
  versions: readonly number[],
  options: { atOrBefore: string; max: number },
): Promise<AcknowledgmentView[]> {
  const found: AcknowledgmentView[] = [];
  for (const version of versions) {
    for await (const { key, value } of allOf(store, 'acknowledgment', acknowledgmentPrefix(version))) {
      if (!isPending(value) && value.at <= options.atOrBefore)
        found.push({ version, accountId: accountOfAcknowledgmentKey(key), at: value.at });
      if (found.length >= options.max) break;
    }
    if (found.length >= options.max) break;
  }
  return found.sort((a, b) => a.at.localeCompare(b.at)).slice(0, options.max);
}
