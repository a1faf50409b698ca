import { KEY_FAMILIES, KEY_NAMESPACE } from './inventory';
import type { Evidence } from './evidence/types';

/**
 * The physical prefix of the panel's keys. The domain writes logical keys under `pp:` (KEY_NAMESPACE, the one
 * source of truth in inventory.ts); the storage adapter stores them under the installation's chosen prefix,
 * so a host app whose own keys begin with `pp:` can give the panel another one. Pure: no Forge import.
 */

export const DEFAULT_KEY_PREFIX = KEY_NAMESPACE;

/** Forge KVS key characters (`[a-zA-Z0-9:._\s-#]`), less whitespace; 2..32 characters, ending with `:`. */
const PREFIX_SHAPE = /^[A-Za-z0-9:._#-]{1,31}:$/;

/** The rule, in words, for errors and docs. */
export const KEY_PREFIX_RULE =
  "2 to 32 characters from A-Z a-z 0-9 : . _ - #, ending with ':', and neither the start of nor started by a 0.1.x key family (rcpt:, ack:, first:, salt:, acct:, acctid:, privacy:report)";

export class KeyPrefixError extends Error {
  readonly field = 'keyPrefix';
  constructor(
    readonly value: unknown,
    readonly rule: string,
  ) {
    super(`keyPrefix ${JSON.stringify(value)} is not allowed: ${rule}`);
    this.name = 'KeyPrefixError';
  }
}

/** True when one of the two is the start of the other: a query for either could then list keys of both. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

const LEGACY_PREFIXES: readonly string[] = Object.values(KEY_FAMILIES).flatMap((family) =>
  'legacyPrefix' in family ? [family.legacyPrefix] : [],
);

/** The prefix, checked once; `undefined` gives the default. Throws KeyPrefixError naming the rule it breaks. */
export function validateKeyPrefix(value: unknown): string {
  if (value === undefined) return DEFAULT_KEY_PREFIX;
  if (typeof value !== 'string') throw new KeyPrefixError(value, 'expected a string');
  if (!PREFIX_SHAPE.test(value)) throw new KeyPrefixError(value, KEY_PREFIX_RULE);
  const legacy = LEGACY_PREFIXES.find((old) => prefixesOverlap(old, value));
  if (legacy !== undefined) {
    throw new KeyPrefixError(
      value,
      `it overlaps the 0.1.x key family '${legacy}', whose one-time migration would then read the panel's own keys`,
    );
  }
  return value;
}

/** The physical key of a logical `pp:` key; any other key (a 0.1.x key) passes through. */
export function toPhysicalKey(key: string, prefix: string): string {
  return key.startsWith(KEY_NAMESPACE) ? `${prefix}${key.slice(KEY_NAMESPACE.length)}` : key;
}

/** The logical key of a physical key under `prefix`; any other key passes through. */
export function toLogicalKey(key: string, prefix: string): string {
  return key.startsWith(prefix) ? `${KEY_NAMESPACE}${key.slice(prefix.length)}` : key;
}

/** The evidence as stored under `prefix`: the key patterns the page shows name the physical keys. */
export function evidenceUnderPrefix(evidence: Evidence, prefix: string): Evidence {
  if (prefix === DEFAULT_KEY_PREFIX) return evidence;
  return {
    ...evidence,
    keyFamilies: evidence.keyFamilies.map((family) => ({
      ...family,
      pattern: family.pattern
        .split(', ')
        .map((part) => toPhysicalKey(part, prefix))
        .join(', '),
    })),
  };
}
