import { ACCOUNT_ID_SOURCE as ACCOUNT } from '../trusted-identity';

/**
 * The data inventory: every storage key family the app writes, declared once. The KVS adapter refuses to
 * write a key that matches no family here, and the build checks the statement's "what we store" facts
 * against `category`, so this file is the one answer to "what does this app store?".
 */

/** What the function needs of a key family: its keys, and how they are written. */
export interface StorageFamily {
  /** Stable name, used in errors and in the evidence shown on the page. */
  readonly name: string;
  /** The key prefix, ending with the separator. Families never share a prefix. */
  readonly prefix: string;
  /** Matches every key of the family and nothing else. */
  readonly matches: RegExp;
  /**
   * Whether records are written once and never rewritten. Two exceptions: an erasure (src/domain/personal-data/erase.ts)
   * may replace the account ID a write-once record names, and an `ack:` claim is completed once with the
   * receipt it points at (src/domain/acknowledgments/acknowledge.ts).
   */
  readonly writeOnce: boolean;
}

/**
 * What the statement and the evidence say of a key family (src/domain/storage/inventory-descriptions.ts): build-time
 * words, kept out of the function's bundle.
 */
export interface FamilyDescription {
  /** Human-readable pattern, for documentation and the evidence panel. */
  readonly pattern: string;
  /** The statement's data category (`dataStored[].id`) this family belongs to. */
  readonly category: string;
  readonly purpose: string;
  readonly personalData: boolean;
  /** How long it is kept, in the statement's words. */
  readonly retention: string;
}

export type KeyFamily = StorageFamily & FamilyDescription;

/**
 * Every key the panel writes starts with this namespace: the logical form the domain and this inventory use.
 * The storage adapter stores it under the installation's key prefix (default the same `pp:`; see
 * key-prefix.ts), so a host whose own keys begin with `pp:` can keep the two apart. The panel reads and
 * writes only these families and never touches any other key.
 */
export const KEY_NAMESPACE = 'pp:';

/** Forge KVS limits the app designs for (the strictest published reading of each; docs/receipts.md). */
export const STORAGE_LIMITS = {
  /** Keys in one batch read or write. */
  batch: 25,
  /** Operations in one transaction. */
  transaction: 25,
  /**
   * Keys one query asks for. The reference says 20 in its sample, 100 in its prose and "below 100" in its
   * error table: asking for at most 20 is right under every reading. Logical pages are built from these.
   */
  queryPage: 20,
} as const;

/** Key formats: sequence numbers count down in 10 digits; versions take 6; an erased account's marker. */
export const SEQ_DIGITS = 10;
export const VERSION_DIGITS = 6;
export const MAX_SEQ = 10 ** SEQ_DIGITS - 1;
/** Erasure replaces `ack:v…:<accountId>` with `ack:v…:erased-<seq>`, so the fact survives without the ID. */
export const ERASED_PREFIX = 'erased-';

/** A claim id as `IdSource.uuid()` makes it (the receipt id of an acknowledgment). */
const CLAIM_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const ns = (prefix: string) => `${KEY_NAMESPACE}${prefix}`;
const NS = KEY_NAMESPACE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const KEY_FAMILIES = {
  receipt: {
    name: 'receipt',
    prefix: ns('rcpt:'),
    matches: new RegExp(`^${NS}rcpt:\\d{${SEQ_DIGITS}}$`),
    writeOnce: true,
  },
  acknowledgment: {
    name: 'acknowledgment',
    prefix: ns('ack:'),
    matches: new RegExp(`^${NS}ack:v\\d{${VERSION_DIGITS}}:${ACCOUNT}$`),
    writeOnce: true,
  },
  firstAcknowledgment: {
    name: 'first-acknowledgment',
    prefix: ns('first:'),
    matches: new RegExp(`^${NS}first:v\\d{${VERSION_DIGITS}}$`),
    writeOnce: true,
  },
  claimStep: {
    name: 'claim-step',
    prefix: ns('step:'),
    matches: new RegExp(`^${NS}step:${CLAIM_ID}:\\d{${SEQ_DIGITS}}$`),
    writeOnce: true,
  },
  salt: {
    name: 'installation-salt',
    prefix: ns('salt:'),
    matches: new RegExp(`^${NS}salt:installation$`),
    writeOnce: true,
  },
  accountRegistry: {
    name: 'account-registry',
    prefix: ns('acct:'),
    matches: new RegExp(`^${NS}acct:\\d{${SEQ_DIGITS}}$`),
    writeOnce: true,
  },
  accountIndex: {
    name: 'account-index',
    prefix: ns('acctid:'),
    matches: new RegExp(`^${NS}acctid:${ACCOUNT}$`),
    writeOnce: true,
  },
  privacyReport: {
    name: 'privacy-report-progress',
    prefix: ns('privacy:report'),
    matches: new RegExp(`^${NS}privacy:report$`),
    writeOnce: false,
  },
  privacyCycle: {
    name: 'privacy-report-cycle',
    prefix: ns('privacy:cycle:'),
    matches: new RegExp(`^${NS}privacy:cycle:\\d{${SEQ_DIGITS}}$`),
    writeOnce: true,
  },
  privacyBatch: {
    name: 'privacy-report-batch',
    prefix: ns('privacy:batch:'),
    matches: new RegExp(`^${NS}privacy:batch:\\d{${SEQ_DIGITS}}:\\d{${SEQ_DIGITS}}:\\d{2}$`),
    writeOnce: false,
  },
} as const satisfies Record<string, StorageFamily>;

export type FamilyName = keyof typeof KEY_FAMILIES;

export function familyOf(key: string): StorageFamily | undefined {
  return Object.values(KEY_FAMILIES).find((family) => family.matches.test(key));
}

export class UndeclaredKeyError extends Error {
  constructor(readonly key: string) {
    super(`refusing to write storage key '${key}': it belongs to no key family in src/domain/storage/inventory.ts`);
    this.name = 'UndeclaredKeyError';
  }
}

/** For the storage adapter: the key's family, or a throw when this inventory does not declare it. */
export function assertDeclaredKey(key: string): StorageFamily {
  const family = familyOf(key);
  if (!family) throw new UndeclaredKeyError(key);
  return family;
}

function countdown(seq: number, what: string): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`${what} out of range: ${seq}`);
  return String(MAX_SEQ - seq).padStart(SEQ_DIGITS, '0');
}

const countUp = (n: number): string => String(n).padStart(SEQ_DIGITS, '0');

/** Receipt keys count down, so that an ascending KVS query returns the newest receipt first. */
export function receiptKey(seq: number): string {
  return `${KEY_FAMILIES.receipt.prefix}${countdown(seq, 'receipt sequence')}`;
}

function versionPart(version: number): string {
  if (!Number.isSafeInteger(version) || version < 1 || version >= 10 ** VERSION_DIGITS) {
    throw new RangeError(`statement version out of range: ${version}`);
  }
  return `v${String(version).padStart(VERSION_DIGITS, '0')}`;
}

export function acknowledgmentKey(version: number, accountId: string): string {
  return `${acknowledgmentPrefix(version)}${accountId}`;
}

/** Every `ack:` key of one version starts with this. */
export function acknowledgmentPrefix(version: number): string {
  return `${KEY_FAMILIES.acknowledgment.prefix}${versionPart(version)}:`;
}

/** The account an `ack:` key names, or null for the placeholder an erasure leaves (`erased-<seq>`). */
export function accountOfAcknowledgmentKey(key: string): string | null {
  const account = key.slice(acknowledgmentPrefix(1).length);
  return account.startsWith(ERASED_PREFIX) ? null : account;
}

export function firstAcknowledgmentKey(version: number): string {
  return `${KEY_FAMILIES.firstAcknowledgment.prefix}${versionPart(version)}`;
}

/**
 * Where claim `claimId` went after receipt number `seq` was taken by another receipt: written once, so
 * every attempt of one claim follows one path along the chain and its receipt lands at most once.
 */
export function claimStepKey(claimId: string, seq: number): string {
  return `${KEY_FAMILIES.claimStep.prefix}${claimId}:${countUp(seq)}`;
}

export const SALT_KEY = `${KEY_FAMILIES.salt.prefix}installation`;

/** Registry keys count down like receipt keys, so the newest entry is the first a query returns. */
export function registryKey(seq: number): string {
  return `${KEY_FAMILIES.accountRegistry.prefix}${countdown(seq, 'registry sequence')}`;
}

export function seqOfRegistryKey(key: string): number {
  return MAX_SEQ - Number(key.slice(KEY_FAMILIES.accountRegistry.prefix.length));
}

export function accountIndexKey(accountId: string): string {
  return `${KEY_FAMILIES.accountIndex.prefix}${accountId}`;
}

export const PRIVACY_REPORT_KEY = KEY_FAMILIES.privacyReport.prefix;

export function privacyCycleKey(cycle: number): string {
  return `${KEY_FAMILIES.privacyCycle.prefix}${countUp(cycle)}`;
}

/** How many times one batch of one cycle may be claimed (a claim per send after a lost or refused answer). */
export const MAX_BATCH_ATTEMPTS = STORAGE_LIMITS.batch;

export function privacyBatchKey(cycle: number, fromSeq: number, attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > MAX_BATCH_ATTEMPTS)
    throw new RangeError(`batch attempt out of range: ${attempt}`);
  return `${KEY_FAMILIES.privacyBatch.prefix}${countUp(cycle)}:${countUp(fromSeq)}:${String(attempt).padStart(2, '0')}`;
}
