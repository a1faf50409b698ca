import { KEY_NAMESPACE } from './inventory';
import type { Evidence } from '../evidence/types';

/**
 * The physical prefix of the panel's keys. The domain writes logical keys under `pp:` (KEY_NAMESPACE, the one
 * source of truth in inventory.ts); the storage adapter stores them under the installation's chosen prefix,
 * so a host app whose own keys begin with `pp:` can give the panel another one. Pure: no Forge import.
 */

export const DEFAULT_KEY_PREFIX = KEY_NAMESPACE;

/** Forge KVS key characters (`[a-zA-Z0-9:._\s-#]`), less whitespace; 2..32 characters, ending with `:`. */
const PREFIX_SHAPE = /^[A-Za-z0-9:._#-]{1,31}:$/;

/** The rule, in words, for errors and docs. */
export const KEY_PREFIX_RULE = "2 to 32 characters from A-Z a-z 0-9 : . _ - #, ending with ':'";

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

/** The prefix, checked once; `undefined` gives the default. Throws KeyPrefixError naming the rule it breaks. */
export function validateKeyPrefix(value: unknown): string {
  if (value === undefined) return DEFAULT_KEY_PREFIX;
  if (typeof value !== 'string') throw new KeyPrefixError(value, 'expected a string');
  if (!PREFIX_SHAPE.test(value)) throw new KeyPrefixError(value, KEY_PREFIX_RULE);
  return value;
}

/** The panel touches only its own keys: a logical key outside the `pp:` namespace is a bug, never a pass-through. */
export class ForeignKeyError extends RangeError {
  constructor(readonly key: string) {
    super(
      `'${key}' is not one of the panel's keys: every key the panel reads or writes starts with '${KEY_NAMESPACE}'`,
    );
    this.name = 'ForeignKeyError';
  }
}

/** The physical key of a logical `pp:` key (or key prefix). */
export function toPhysicalKey(key: string, prefix: string): string {
  if (!key.startsWith(KEY_NAMESPACE)) throw new ForeignKeyError(key);
  return `${prefix}${key.slice(KEY_NAMESPACE.length)}`;
}

/** The logical key of a physical key under `prefix` (a query under the prefix answers only such keys). */
export function toLogicalKey(key: string, prefix: string): string {
  if (!key.startsWith(prefix)) throw new ForeignKeyError(key);
  return `${KEY_NAMESPACE}${key.slice(prefix.length)}`;
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
        .map((part) => (part.startsWith(KEY_NAMESPACE) ? toPhysicalKey(part, prefix) : part))
        .join(', '),
    })),
  };
}
