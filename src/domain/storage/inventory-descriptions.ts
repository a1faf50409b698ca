/**
 * What the statement and the evidence say of each key family of the data inventory (src/domain/storage/inventory.ts
 * holds the keys): pattern, data category, purpose, whether it holds personal data, retention. Read by the
 * build (the statement check, the page's evidence), never by the function, so these words stay out of its
 * bundle; `satisfies` keeps the two files naming the same families.
 */
import { KEY_FAMILIES, type FamilyDescription, type FamilyName, type KeyFamily } from './inventory';

const UNTIL_UNINSTALL = 'Until the app is uninstalled, then 28 days';

export const FAMILY_DESCRIPTIONS = {
  receipt: {
    pattern: 'pp:rcpt:<9999999999 - sequence, 10 digits>',
    category: 'acknowledgment-receipts',
    purpose:
      'The hash-chained receipt of each acknowledgment: statement version and hash, time, product, and the acknowledging account. The receipt object is never rewritten; the account ID stored beside it (`accountId`, outside the hashed receipt) is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
  },
  acknowledgment: {
    pattern: 'pp:ack:v<version, 6 digits>:<accountId>',
    category: 'acknowledgment-receipts',
    purpose:
      'Claimed first (a pending claim whose id becomes the receipt id; a second attempt marks it contested), then completed with the receipt it points at: acknowledging twice records once, and a retry finishes what a failed attempt began. When the account is closed, the marker moves to `pp:ack:v<version>:erased-<receipt seq>` with the same value.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
  },
  firstAcknowledgment: {
    pattern: 'pp:first:v<version, 6 digits>',
    category: 'acknowledgment-receipts',
    purpose:
      'Who acknowledged a version first, and when: the site status at a single read. Its accountId is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
  },
  salt: {
    pattern: 'pp:salt:installation',
    category: 'acknowledgment-receipts',
    purpose:
      'A random per-installation salt for the account commitments in receipts. Exported only to administrators, inside their receipt export, so an auditor can check each commitment.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
  },
  accountRegistry: {
    pattern: 'pp:acct:<9999999999 - sequence, 10 digits>',
    category: 'acknowledgment-receipts',
    purpose:
      'Each account the app stores, once, with when it was first stored: what the weekly personal data report sends to Atlassian. Read by sequence number, so a report resumes without a storage cursor. Its accountId is set to null when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
  },
  accountIndex: {
    pattern: 'pp:acctid:<accountId>',
    category: 'acknowledgment-receipts',
    purpose: 'Which registry entry holds an account, so it is registered once. Deleted when the account is closed.',
    personalData: true,
    retention: UNTIL_UNINSTALL,
  },
  privacyReport: {
    pattern: 'pp:privacy:report',
    category: 'acknowledgment-receipts',
    purpose:
      'Progress of the personal data report: when the cycle began, the next registry number, counts. No account IDs.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
  },
  privacyCycle: {
    pattern: 'pp:privacy:cycle:<cycle number>',
    category: 'acknowledgment-receipts',
    purpose: 'When report cycle N began, claimed once, so two overlapping runs share one cycle. No account IDs.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
  },
  claimStep: {
    pattern: 'pp:step:<claim id>:<last receipt number of the segment>',
    category: 'acknowledgment-receipts',
    purpose:
      'Where an acknowledgment went on after every receipt number of a segment of its path was taken by another receipt, so a retry finds its receipt in a few reads. Claim ids and receipt numbers only.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
  },
  privacyBatch: {
    pattern: 'pp:privacy:batch:<cycle number>:<first registry number>:<attempt>',
    category: 'acknowledgment-receipts',
    purpose:
      'One attempt at one report batch of a cycle, claimed by one run before it is sent and marked sent (with the registry numbers reported closed) when Atlassian answers: overlapping runs never send one batch at once, and a lost save never sends it again. Registry numbers only.',
    personalData: false,
    retention: UNTIL_UNINSTALL,
  },
} as const satisfies Record<FamilyName, FamilyDescription>;

/** Every key family with its description: the inventory the build checks the statement against. */
export const DESCRIBED_FAMILIES: readonly KeyFamily[] = (Object.keys(KEY_FAMILIES) as FamilyName[]).map((name) => ({
  ...KEY_FAMILIES[name],
  ...FAMILY_DESCRIPTIONS[name],
}));
