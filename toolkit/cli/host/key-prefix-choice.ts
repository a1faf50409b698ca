/**
 * Which prefix the panel's keys take in a host's KVS. The default `pp:` unless the host's own code writes
 * keys that overlap it; then the first fallback that overlaps none, said in the plan. A prefix the vendor
 * asks for (`--key-prefix`) is checked against the same rule and the host's keys, never silently changed.
 */
import {
  DEFAULT_KEY_PREFIX,
  KeyPrefixError,
  prefixesOverlap,
  validateKeyPrefix,
} from '../../../src/domain/storage/key-prefix';
import { HostAppError } from './host-app';
import { PANEL } from './panel-names';

/** A key family the host's own code writes: the static start of its keys (`pp:cache:` for `pp:cache:${id}`), and where. */
export interface HostKeyFamily {
  family: string;
  /** Where the code writes it (file:line). */
  at: string;
}

/** Tried in order when the host's keys overlap `pp:`. */
export const FALLBACK_KEY_PREFIXES = ['privacy-panel:', 'privacy-panel-data:'] as const;

export interface KeyPrefixChoice {
  prefix: string;
  /** Why it is not the default, for the plan; null when it is. */
  note: string | null;
}

const clash = (prefix: string, host: readonly HostKeyFamily[]): HostKeyFamily | undefined =>
  host.find((f) => prefixesOverlap(f.family, prefix));

const shown = (f: HostKeyFamily): string => `'${f.family}' (${f.at})`;

export function chooseKeyPrefix(host: readonly HostKeyFamily[], requested?: string): KeyPrefixChoice {
  if (requested !== undefined) {
    let prefix: string;
    try {
      prefix = validateKeyPrefix(requested);
    } catch (error) {
      if (error instanceof KeyPrefixError) throw new HostAppError('--key-prefix', error.message);
      throw error;
    }
    const taken = clash(prefix, host);
    if (taken) {
      throw new HostAppError(
        '--key-prefix',
        `'${prefix}' overlaps your app's own key family ${shown(taken)}; choose a prefix none of your keys starts with.`,
      );
    }
    return {
      prefix,
      note:
        prefix === DEFAULT_KEY_PREFIX
          ? null
          : `Storage: the panel keeps its keys under '${prefix}' (--key-prefix), written into ${PANEL.handlerDir}/.`,
    };
  }
  const taken = clash(DEFAULT_KEY_PREFIX, host);
  if (!taken) return { prefix: DEFAULT_KEY_PREFIX, note: null };
  const free = FALLBACK_KEY_PREFIXES.find((candidate) => !clash(candidate, host));
  if (free === undefined) {
    throw new HostAppError(
      '--key-prefix',
      `your app's keys overlap '${DEFAULT_KEY_PREFIX}' (${shown(taken)}) and every fallback (${FALLBACK_KEY_PREFIXES.join(', ')}); pass --key-prefix with a prefix none of your keys starts with.`,
    );
  }
  return {
    prefix: free,
    note: `Storage: your app writes keys overlapping the panel's default prefix '${DEFAULT_KEY_PREFIX}' (${shown(taken)}), so the panel keeps its keys under '${free}' (written into ${PANEL.handlerDir}/; --key-prefix chooses another). Keep this prefix once deployed: keys already written stay under it.`,
  };
}
