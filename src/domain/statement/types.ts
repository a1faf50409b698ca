/**
 * The statement model: what a vendor writes in policy/, what the build compiles it to, and what the page
 * renders. Pure types, shared by the compiler, the resolvers, the UI and the offline verifier.
 */

export type Materiality = 'material' | 'editorial';

/**
 * The answer when the vendor's statement says nothing about a fact. A first-class value: the page shows it
 * as "Not stated", never as a guess.
 */
export const NOT_STATED = 'not-stated';
export type NotStated = typeof NOT_STATED;

/** A yes/no fact the statement may leave unanswered. */
export type YesNo = boolean | NotStated;

/** A text the statement may leave unanswered. */
export type Stated<T> = T | NotStated;

export function isStated<T>(value: Stated<T>): value is T {
  return value !== NOT_STATED;
}

export type HostingModel = 'forge' | 'connect' | 'data-center' | 'server';

/** Where a category of data lives. */
export type StorageLocation =
  | 'forge-hosted-storage'
  | 'atlassian-product' // e.g. entity or content properties inside Jira/Confluence
  | 'vendor-infrastructure'
  | 'customer-infrastructure'
  | 'browser';

/** How long something is kept: not stated, until the app is uninstalled, a number of days, or the vendor's words. */
export type Retention = NotStated | 'until-uninstall' | { days: number } | { text: string };

export interface DataCategory {
  /** Stable id, matched against the code's data inventory (src/domain/storage/inventory.ts). */
  id: string;
  name: string;
  description: string;
  /** What it is used for (no final full stop: the page adds its own punctuation), or not-stated. */
  purpose: Stated<string>;
  location: Stated<StorageLocation>;
  retention: Retention;
  personalData: YesNo;
}

export interface DataAccess {
  /** What the app reads from the product without storing it, e.g. "Jira global permissions of the caller". */
  name: string;
  purpose: string;
}

export interface EgressDestination {
  name: string;
  /** The host the data goes to; `not-stated` when the statement names none. */
  domain: Stated<string>;
  purpose: string;
  endUserData: YesNo;
}

export interface SubProcessor {
  name: string;
  purpose: string;
  country: Stated<string>;
  url?: string;
}

/** An email address, a web page, or both (a rule requires one); `not-stated` when the statement gives no way to reach the vendor. */
export type Contact = NotStated | { email?: string; url?: string };

/** One app (or family of apps) the statement covers. */
export interface ScopeApp {
  name: string;
  hosting: HostingModel;
}

export interface Scope {
  apps: ScopeApp[];
  /** Apps or services the statement says it does not cover. */
  excludes: string[];
}

/** Who at the vendor can reach the data the app stores. `vendorStaff: false` means no one: only the app's code. */
export interface Access {
  vendorStaff: YesNo;
  description?: string;
}

/** Where the app's logs go. */
export type LogLocation = 'atlassian-forge-logs' | 'customer-servers' | 'vendor' | 'none';

export interface Logs {
  location: Stated<LogLocation>;
  endUserData: YesNo;
  description?: string;
}

export interface Commitments {
  /** The vendor does not sell data. */
  noSale: YesNo;
  /** The vendor does not share data with third parties for their marketing. */
  noMarketingSharing: YesNo;
}

/** How a change to the statement is announced. */
export type ChangeChannel = 'policy-page' | 'marketplace-listing' | 'email' | 'in-app';

export interface ChangeNotice {
  channels: Stated<ChangeChannel[]>;
  description?: string;
}

/** Where the vendor gets a record that does not come through the app. */
export type VendorRecordSource =
  'marketplace' | 'reseller' | 'issue-tracker' | 'support-desk' | 'email' | 'chat' | 'website';

/** Data the vendor holds about the customer that does not come through the app ("what the vendor holds about you"). */
export interface VendorRecord {
  /** Stable id, unique within the statement. */
  id: string;
  name: string;
  description: string;
  sources: Stated<VendorRecordSource[]>;
  purpose: Stated<string>;
  /** Whether the vendor copies it to its own systems (false: it only reads it where it is, e.g. in the Marketplace). */
  vendorKeepsCopy: YesNo;
  /** Who can see it, e.g. "The vendor's support staff; names are public in the issue tracker". */
  visibleTo: Stated<string>;
  /** Third parties it is shared with; empty: with no one. */
  sharedWith: Stated<string[]>;
  retention: Retention;
  personalData: YesNo;
}

export type RightKind = 'opt-out' | 'access' | 'erasure' | 'correction' | 'private-request' | 'objection';

/** A request the customer can make, how, and how fast the vendor answers. */
export interface Right {
  kind: RightKind;
  /** The id of the vendor record (`vendorRecords[].id`) or data category (`dataStored[].id`) it applies to. */
  appliesTo: string;
  how: Stated<string>;
  responseTime: Stated<string>;
}

/**
 * The machine-readable facts of the current statement model (format 3). A list is `not-stated` when the
 * statement does not say; an empty list is the statement saying "none".
 */
export interface StatementFacts {
  app: { name: string; summary: string };
  vendor: { name: string; website?: string; address?: string; country?: string };
  contact: Contact;
  hosting: { model: Stated<HostingModel>; description?: string };
  scope: Scope;
  dataStored: Stated<DataCategory[]>;
  dataAccessed: DataAccess[];
  /** Empty means the app sends nothing anywhere outside Atlassian (or the customer's servers). */
  egress: Stated<EgressDestination[]>;
  analytics: { collected: YesNo; description?: string };
  subProcessors: Stated<SubProcessor[]>;
  access: Access;
  logs: Logs;
  dataResidency: { supported: YesNo; description?: string };
  uninstall: { deletedAfterDays: Stated<number>; description?: string };
  commitments: Commitments;
  security: { measures: Stated<string[]>; description?: string };
  changes: ChangeNotice;
  vendorRecords: Stated<VendorRecord[]>;
  rights: Right[];
}

/** A prose section as the vendor wrote it (Markdown, normalised: LF line ends, no trailing spaces). */
export interface SourceSection {
  id: string;
  title: string;
  markdown: string;
}

export interface StatementChange {
  summary: string;
  materiality: Materiality;
}

/** The current source format. Sources without `format` are version 1 of the model (types-v1.ts); `format: 2` is types-v2.ts. */
export const SOURCE_FORMAT = 3;

/**
 * The canonical, hashed form of one statement version in the current model: exactly what a receipt's hash
 * commits to and what an export carries verbatim. The hash is SHA-256 over its RFC 8785 canonical JSON.
 */
export interface CurrentStatementSource {
  format: typeof SOURCE_FORMAT;
  id: string;
  version: number;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** What changed since the previous version; `null` for the first. */
  change: StatementChange | null;
  facts: StatementFacts;
  sections: SourceSection[];
}

/**
 * Any published source, verbatim: the current format, or one published before it (never rewritten, so its
 * hash stays valid). Read its facts through `factsOf` (facts.ts), which brings old ones to the current model.
 */
export type StatementSource = CurrentStatementSource | StatementSourceV2 | LegacyStatementSource;

// ---- The safe block tree (raw HTML never survives compilation) ----

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

export type TableAlign = 'left' | 'center' | 'right' | null;

export type Block =
  | { t: 'heading'; level: 2 | 3 | 4; id: string; c: Inline[] }
  | { t: 'paragraph'; c: Inline[] }
  /** `start` is present only for an ordered list that does not start at 1. */
  | { t: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | { t: 'table'; align: TableAlign[]; head: Inline[][]; rows: Inline[][][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'code'; v: string };

export interface RenderedSection {
  id: string;
  title: string;
  blocks: Block[];
}

/** One published version, compiled: its source, its hash, and its sections as safe blocks. */
export interface CompiledStatement {
  source: StatementSource;
  /** Lowercase hex SHA-256 over the canonical JSON of `source`. */
  hash: string;
  sections: RenderedSection[];
}

/** One version as a list shows it (the same shape as the contract's `VersionSummary`). */
export interface StatementVersionSummary {
  version: number;
  effectiveDate: string;
  hash: string;
  change: StatementChange | null;
}

/** Every published version, oldest first; the last is the one in force. */
export interface StatementCatalog {
  versions: CompiledStatement[];
  /** The last version is not published yet (`privacy-panel build --draft`, the preview): shown, never acknowledged. */
  draft?: true;
  /** Every published translation (./translation.ts); absent when the vendor ships none. */
  translations?: CompiledTranslation[];
}

/**
 * The entries a list states: none when the list is not stated. For checks that look only at what the
 * statement names (a contradiction needs a claim); never for what the page or a claim says.
 */
export function statedEntries<T>(value: Stated<readonly T[]>): readonly T[] {
  return isStated(value) ? value : [];
}

// ---- Translations (./translation.ts compiles and reads them) ----

/** The canonical, hashed form of one translation: what a receipt's `shown.hash` commits to. */
export interface TranslationSource {
  /** BCP 47, as Forge names locales (`de-DE`). */
  locale: string;
  statementId: string;
  /** The published version this translates, by number and source hash. */
  translates: { version: number; hash: string };
  /** The language the source is written in (BCP 47): the authoritative text's. */
  sourceLocale: string;
  /** The human-readable fact texts by path (see `factTexts`), and `change.summary` when the version has one. */
  texts: Record<string, string>;
  /** The same sections as the source, in the same order, translated. */
  sections: SourceSection[];
}

export interface CompiledTranslation {
  source: TranslationSource;
  /** SHA-256 over the canonical JSON of `source`. */
  hash: string;
  sections: RenderedSection[];
}

// ---- Formats published before the current one, kept verbatim and read forward by factsOf (facts.ts) ----

/**
 * Version 2 of the statement model, as statements were published before format 3. Never written again,
 * only read: `factsOf` (facts.ts) brings these facts forward at read time. Format 3 only widened it (lists,
 * the hosting model, locations, record sources and a category's purpose may be `not-stated`), so a version 2
 * fact is a format 3 fact with those fields always stated.
 */

export interface DataCategoryV2 extends Omit<DataCategory, 'purpose' | 'location'> {
  purpose: string;
  location: StorageLocation;
}

export interface VendorRecordV2 extends Omit<VendorRecord, 'sources'> {
  sources: VendorRecordSource[];
}

export interface StatementFactsV2 extends Omit<
  StatementFacts,
  'hosting' | 'dataStored' | 'egress' | 'subProcessors' | 'vendorRecords'
> {
  hosting: { model: HostingModel; description?: string };
  dataStored: DataCategoryV2[];
  egress: EgressDestination[];
  subProcessors: SubProcessor[];
  vendorRecords: VendorRecordV2[];
}

export interface StatementSourceV2 {
  format: 2;
  id: string;
  version: number;
  effectiveDate: string;
  change: StatementChange | null;
  facts: StatementFactsV2;
  sections: SourceSection[];
}

/**
 * Version 1 of the statement model, as the first published statements were written. Never written again,
 * only read: a published source is immutable (its hash commits to these exact fields). `factsOf` (facts.ts)
 * brings these facts to the current model for the page, the diff and the evidence.
 */

export interface DataCategoryV1 {
  id: string;
  name: string;
  description: string;
  purpose: string;
  location: StorageLocation;
  retention: string;
  personalData: boolean;
}

export interface VendorRecordV1 {
  id: string;
  name: string;
  source: 'atlassian-marketplace' | 'support' | 'website' | 'newsletter' | 'other';
  description: string;
  purpose: string;
  retention: string;
  personalData: boolean;
}

export interface StatementFactsV1 {
  app: { name: string; summary: string };
  vendor: { name: string; website?: string; address?: string; country?: string };
  contact: { email: string; url?: string };
  hosting: { model: 'forge' | 'connect' | 'data-center' | 'server'; description: string };
  dataStored: DataCategoryV1[];
  dataAccessed: { name: string; purpose: string }[];
  egress: { name: string; domain: string; purpose: string; endUserData: boolean }[];
  analytics: { collected: boolean; description: string };
  subProcessors: { name: string; purpose: string; country: string; url?: string }[];
  logs: { endUserData: boolean; storedOutsideAtlassian: boolean; description: string };
  dataResidency: { supported: boolean; description: string };
  uninstall: { description: string; deletedAfterDays?: number };
  vendorRecords?: VendorRecordV1[];
}

/** A version 1 source: no `format` field. */
export interface LegacyStatementSource {
  format?: never;
  id: string;
  version: number;
  effectiveDate: string;
  change: StatementChange | null;
  facts: StatementFactsV1;
  sections: SourceSection[];
}
