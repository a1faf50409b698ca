/**
 * The data inventory: every storage key family the app writes, declared once. The KVS adapter refuses to
 * write a key that matches no family here, and the build checks the statement's "what we store" facts
 * against `category`, so this file is the one answer to "what does this app store?".
 */

export interface KeyFamily {
  /** Stable name, used in errors and in the evidence shown on the page. */
  readonly name: string;
  /** The key prefix, ending with the separator. Families never share a prefix. */
  readonly prefix: string;
  /** Human-readable pattern, for documentation and the evidence panel. */
  readonly pattern: string;
  /** Matches every key of the family and nothing else. */
  readonly matches: RegExp;
  /** The statement's data category (`dataStored[].id`) this family belongs to. */
  readonly category: string;
  readonly purpose: string;
  readonly personalData: boolean;
  /** How long it is kept, in the statement's words. */
  readonly retention: string;
  /**
   * Whether records are written once and never rewritten. An erasure (src/domain/privacy/erase.ts) is the one
   * exception it allows: it may replace the account ID a write-once record names, never anything else.
   */
  readonly writeOnce: boolean;
}

const ACCOUNT = '[A-Za-z0-9:._-]{1,128}';
const UNTIL_UNINSTALL = 'Until the app is uninstalled, then 28 days';

export const SEQ_DIGITS = 10;
export const VERSION_DIGITS = 6;
const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

export const KEY_FAMILIES = {
  receipt: {
    name: 'receipt',
    prefix: 'rcpt:',
    pattern: 'rcpt:<9999999999 - sequence, 10 digits>',
    matches: /^rcpt:\d{10}$/,
    category: 'acknowledgment-receipts',
    purpose:
      'The hash-chained receipt of each acknowledgment: statement version and hash, time, product, and the acknowledging account. The receipt object is never rewritten; the account ID stored beside it (`accountId`, outside the hashed receipt) is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  acknowledgment: {
    name: 'acknowledgment',
    prefix: 'ack:',
    pattern: 'ack:v<version, 6 digits>:<accountId>',
    matches: new RegExp(`^ack:v\\d{${VERSION_DIGITS}}:${ACCOUNT}$`),
    category: 'acknowledgment-receipts',
    purpose:
      'Marks that an account acknowledged a version, so acknowledging twice records once. When the account is closed, the marker moves to `ack:v<version>:erased-<receipt seq>` with the same value.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  firstAcknowledgment: {
    name: 'first-acknowledgment',
    prefix: 'first:',
    pattern: 'first:v<version, 6 digits>',
    matches: new RegExp(`^first:v\\d{${VERSION_DIGITS}}$`),
    category: 'acknowledgment-receipts',
    purpose:
      'Who acknowledged a version first, and when: the site status at a single read. Its accountId is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  salt: {
    name: 'installation-salt',
    prefix: 'salt:',
    pattern: 'salt:installation',
    matches: /^salt:installation$/,
    category: 'acknowledgment-receipts',
    purpose:
      'A random per-installation salt for the account commitments in receipts. Exported only to administrators, inside their receipt export, so an auditor can check each commitment.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  accountRegistry: {
    name: 'account-registry',
    prefix: 'acct:',
    pattern: 'acct:<9999999999 - sequence, 10 digits>',
    matches: /^acct:\d{10}$/,
    category: 'acknowledgment-receipts',
    purpose:
      'Each account the app stores, once, with when it was first stored: what the weekly personal data report sends to Atlassian. Read by sequence number, so a report resumes without a storage cursor. Its accountId is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  accountIndex: {
    name: 'account-index',
    prefix: 'acctid:',
    pattern: 'acctid:<accountId>',
    matches: new RegExp(`^acctid:${ACCOUNT}$`),
    category: 'acknowledgment-receipts',
    purpose: 'Which registry entry holds an account, so it is registered once. Deleted when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
    writeOnce: true,
  },
  privacyReport: {
    name: 'privacy-report-progress',
    prefix: 'privacy:',
    pattern: 'privacy:report',
    matches: /^privacy:report$/,
    category: 'acknowledgment-receipts',
    purpose:
      'Progress of the personal data report: when the cycle began, the next registry number, counts. No account IDs.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
    writeOnce: false,
  },
} as const satisfies Record<string, KeyFamily>;

export type KeyFamilyName = keyof typeof KEY_FAMILIES;

export function familyOf(key: string): KeyFamily | undefined {
  return Object.values(KEY_FAMILIES).find((family) => family.matches.test(key));
}

export class UndeclaredKeyError extends Error {
  constructor(readonly key: string) {
    super(`refusing to write storage key '${key}': it belongs to no key family in src/domain/inventory.ts`);
    this.name = 'UndeclaredKeyError';
  }
}

/** For the storage adapter: the key's family, or a throw when this inventory does not declare it. */
export function assertDeclaredKey(key: string): KeyFamily {
  const family = familyOf(key);
  if (!family) throw new UndeclaredKeyError(key);
  return family;
}

/** Receipt keys count down, so that an ascending KVS query returns the newest receipt first. */
export function receiptKey(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new RangeError(`receipt sequence out of range: ${seq}`);
  return `${KEY_FAMILIES.receipt.prefix}${String(MAX_SEQ - seq).padStart(SEQ_DIGITS, '0')}`;
}

export function seqOfReceiptKey(key: string): number {
  return MAX_SEQ - Number(key.slice(KEY_FAMILIES.receipt.prefix.length));
}

function versionPart(version: number): string {
  if (!Number.isSafeInteger(version) || version < 1 || version >= 10 ** VERSION_DIGITS) {
    throw new RangeError(`statement version out of range: ${version}`);
  }
  return `v${String(version).padStart(VERSION_DIGITS, '0')}`;
}

export function acknowledgmentKey(version: number, accountId: string): string {
  return `${KEY_FAMILIES.acknowledgment.prefix}${versionPart(version)}:${accountId}`;
}

export function firstAcknowledgmentKey(version: number): string {
  return `${KEY_FAMILIES.firstAcknowledgment.prefix}${versionPart(version)}`;
}

export const SALT_KEY = 'salt:installation';

/** Registry keys count down like receipt keys, so the newest entry is the first a query returns. */
export function registryKey(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new RangeError(`registry sequence out of range: ${seq}`);
  return `${KEY_FAMILIES.accountRegistry.prefix}${String(MAX_SEQ - seq).padStart(SEQ_DIGITS, '0')}`;
}

export function seqOfRegistryKey(key: string): number {
  return MAX_SEQ - Number(key.slice(KEY_FAMILIES.accountRegistry.prefix.length));
}

export function accountIndexKey(accountId: string): string {
  return `${KEY_FAMILIES.accountIndex.prefix}${accountId}`;
}

export const PRIVACY_REPORT_KEY = 'privacy:report';
