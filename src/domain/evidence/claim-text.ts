/**
 * The build's claims in English, by id: `claim.<fact>.<state>` (see statement/truth-table.ts). A claim
 * carries its id, state and parts, never its sentence; the page words it from its catalogs (the English
 * one spreads these), the CLI and `evidence.json`'s `label` from here. `{list}` is the stated parts,
 * `{unstated}` the unstated ones, `{count}` a number of days, `{model}` a hosting model.
 */
import type { HostingModel, StorageLocation } from '../statement/types';
import { FACT_STATES, type TruthFact, type ValueState } from '../statement/truth-table';

export const CLAIM_TEXT_EN = {
  'claim.egress.not-stated': 'Does not say what data leaves',
  'claim.egress.empty': 'Sends no data to any outside destination',
  'claim.egress.listed': 'Sends data only to {list}',
  'claim.egress.partly-stated': 'Sends data to {list}; host not stated for {unstated}',
  'claim.analytics.yes': 'Collects analytics',
  'claim.analytics.no': 'Collects no analytics',
  'claim.analytics.not-stated': 'Does not say whether it collects analytics',
  'claim.storage.not-stated': 'Does not say where data is stored',
  'claim.storage.empty': 'Stores no data',
  'claim.storage.listed': 'Stores data only in: {list}',
  'claim.storage.partly-stated': 'Stores data in: {list}; location not stated for {unstated}',
  'claim.inventory.yes': 'Every stored key belongs to a declared data category',
  'claim.personal-data.no': 'Stores no personal data',
  'claim.personal-data.not-stated': 'Does not say whether it stores personal data',
  'claim.personal-data.empty': 'Stores no data, so no personal data',
  'claim.personal-data.listed': 'Stores personal data in: {list}',
  'claim.personal-data.partly-stated': 'Personal data in: {list}; not stated for {unstated}',
  'claim.data-residency.yes': 'Supports data residency',
  'claim.data-residency.no': 'Does not support data residency',
  'claim.data-residency.not-stated': 'Does not say whether it supports data residency',
  'claim.runs-on-atlassian.yes': 'Eligible for Runs on Atlassian',
  'claim.runs-on-atlassian.no': 'Not eligible for Runs on Atlassian',
  'claim.runs-on-atlassian.not-stated': 'Does not say how it is hosted, so eligibility is unknown',
  'claim.runs-on-atlassian.listed': 'Not a Forge app ({model}): Runs on Atlassian does not apply',
  'claim.scopes.yes': 'Requests only the permissions its code uses',
  'claim.hosting.yes': 'Runs on Atlassian Forge',
  'claim.hosting.not-stated': 'Does not say how it is hosted',
  'claim.hosting.listed': 'Hosted as a {model} app',
  'claim.uninstall.not-stated': 'Does not say when data is deleted after uninstall',
  'claim.uninstall.listed': 'Data is deleted {count} days after uninstall',
  'claim.logs.yes': 'Logs may contain end-user data',
  'claim.logs.no': 'Logs contain no end-user data',
  'claim.logs.not-stated': 'Does not say whether logs contain end-user data',
  'claim.sub-processors.not-stated': 'Does not say whether it uses sub-processors',
  'claim.sub-processors.empty': 'Uses no sub-processors',
  'claim.sub-processors.listed': 'Sub-processors: {list}',
  'claim.staff.yes': 'Vendor staff can reach the stored data',
  'claim.staff.no': "No one at the vendor can reach the stored data: only the app's code",
  'claim.staff.not-stated': 'Does not say whether vendor staff can reach the stored data',
  'claim.vendor-records.not-stated': 'Does not say what the vendor holds about you',
  'claim.vendor-records.empty': 'The vendor holds nothing about you outside the app',
  'claim.vendor-records.listed': 'The vendor holds: {list}',
  'claim.retention.not-stated': 'Does not say how long data is kept',
  'claim.retention.empty': 'Stores no data to keep',
  'claim.retention.listed': 'Says how long each kind of data is kept',
  'claim.retention.partly-stated': 'How long data is kept: not stated for {unstated}',
  'claim.security.not-stated': 'Does not name its security measures',
  'claim.security.listed': 'Names its security measures: {list}',
} as const;

export type ClaimTextKey = keyof typeof CLAIM_TEXT_EN;

/** The catalog key of a fact in a state. */
export function claimTextKey(fact: TruthFact, says: ValueState): ClaimTextKey {
  const key = `claim.${fact}.${says}`;
  if (!(key in CLAIM_TEXT_EN)) throw new Error(`no wording for ${fact} in state ${says}`);
  return key as ClaimTextKey;
}

/** Every key the truth table needs, so a test can hold the catalogs to exactly these. */
export function claimTextKeys(): string[] {
  return Object.entries(FACT_STATES).flatMap(([fact, states]) => states.map((s) => `claim.${fact}.${s}`));
}

const HOSTING_EN: Record<HostingModel, string> = {
  forge: 'Forge',
  connect: 'Connect',
  'data-center': 'Data Center',
  server: 'Server',
};

const LOCATION_EN: Record<StorageLocation, string> = {
  'forge-hosted-storage': 'Forge hosted storage',
  'atlassian-product': 'the Atlassian product',
  'vendor-infrastructure': "the vendor's systems",
  'customer-infrastructure': "the customer's servers",
  browser: 'the browser',
};

/** A claim in English, for the CLI and the `label` in evidence.json. */
export function claimSentence(text: {
  fact: TruthFact;
  says: ValueState;
  names: readonly string[];
  unstated: readonly string[];
  count?: number;
  model?: HostingModel;
}): string {
  const values: Record<string, string> = {
    list: (text.fact === 'storage' ? text.names.map((n) => LOCATION_EN[n as StorageLocation]) : text.names).join(', '),
    unstated: text.unstated.join(', '),
    count: String(text.count ?? ''),
    model: text.model ? HOSTING_EN[text.model] : '',
  };
  return CLAIM_TEXT_EN[claimTextKey(text.fact, text.says)].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
