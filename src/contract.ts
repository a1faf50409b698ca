/**
 * The resolver contract: names, payloads, results and error codes, shared by the backend
 * (`makeResolver<Defs>`) and the Custom UI (`makeInvoke<Defs>()`). Types only: the payloads are still
 * validated at run time (src/resolvers/payloads.ts), since any user who can load the page can invoke.
 */
import type { HistoryEntry } from './domain/acknowledgments/history';
import type { AcknowledgmentView, SiteStatus, VersionSummary } from './domain/acknowledgments/types';
import type { Evidence } from './domain/evidence/types';
import type { StoredReceipt } from './domain/receipts/types';
import type { StatementDiff } from './domain/statement/diff';
import type { Block, Materiality, StatementChange, StatementFacts, StatementSource } from './domain/statement/types';
import type { ShownText, TranslationSource } from './domain/statement/translation';
import type { FormatRequest, FormatSeed } from './page-formats';

import type { Product } from './domain/product';
export type { Product };
// The statement and evidence types the page renders (the page imports nothing else from src/).
export type {
  Contact,
  DataCategory,
  HostingModel,
  NotStated,
  Retention,
  Right,
  Stated,
  StatementFacts,
  StorageLocation,
  VendorRecord,
  VendorRecordSource,
  YesNo,
} from './domain/statement/types';
export { isStated, NOT_STATED } from './domain/statement/types';
// The truth table and the claims' catalog keys: the page words and badges every fact from these.
export {
  claimMatches,
  factStates,
  forgeDeletionHolds,
  truthOf,
  type Badge,
  type EvidenceState,
  type FactState,
  type Truth,
  type TruthFact,
  type ValueState,
} from './domain/statement/truth-table';
export { CLAIM_TEXT_EN, claimTextKey, type ClaimTextKey } from './domain/evidence/claim-text';
// The page's Intl formats, shared with getDisclosure's format seed for the first screen.
export * from './page-formats';

export const ERROR_CODES = [
  'INVALID_INPUT', // the payload broke a rule; `field` names the field
  'FORBIDDEN', // the caller is not an administrator of this site (or that could not be confirmed)
  'STALE_STATEMENT', // the version or hash acknowledged is not the one in force
  'DRAFT_STATEMENT', // the statement in force is a draft (not published): it can be read, never acknowledged
  'STORAGE_UNAVAILABLE', // Forge storage was rate limited, timed out or failed: retry
  'ADMIN_CHECK_UNAVAILABLE', // the product did not answer whether the caller is an administrator in time: retry
  'STORED_DATA_INVALID', // a value under the panel's keys is not the panel's (another writer put it there)
  'INTERNAL', // anything else; details stay in the function's logs
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The payload field at fault, as a dotted path (`version`, `cursor`). */
  field?: string;
  retryable: boolean;
  /** Storage refused for a quota (429): the caller should wait about this long before asking again. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

// ---- getDisclosure ----

export interface DisclosurePayload {
  /** The viewer's locale (view.getContext().locale): picks the statement's translation. Display only. */
  locale?: string;
  /**
   * Format the first screen's dates, language names and list pattern in this locale and time zone (the
   * page's format locale and the viewer's zone): the page then paints its first frame without an Intl
   * formatter of its own. Display only.
   */
  formats?: FormatRequest;
}

/** The statement in the viewer's language, beside the authoritative source text. */
export interface TranslationView {
  locale: string;
  /** The translation's hash: what an acknowledgment records as shown. */
  hash: string;
  /** The version and source hash it translates. */
  translates: { version: number; hash: string };
  /** The language of the source text (the authoritative one). */
  sourceLocale: string;
  /** true when it translates an older version than the one in force: the source text is authoritative. */
  stale: boolean;
  /** The translated version as the page renders it (its own version number, translated facts and sections). */
  statement: StatementView;
}

export interface StatementView {
  id: string;
  version: number;
  effectiveDate: string;
  hash: string;
  change: StatementChange | null;
  facts: StatementFacts;
  sections: { id: string; title: string; blocks: Block[] }[];
  /** Not published yet (a draft build or the preview): shown as a draft, and nobody can acknowledge it. */
  draft?: true;
}

export interface Viewer {
  isAdmin: boolean;
  canAcknowledge: boolean;
  /** The caller's own acknowledgment of the version in force, if any. */
  acknowledgedCurrent: AcknowledgmentView | null;
}

/**
 * Storage did not answer the status read (a spent quota, a timeout): the statement and evidence are still
 * the app's own, but nothing is known about acknowledgments. Never shown as any acknowledgment state.
 */
export interface StatusUnavailable {
  state: 'unavailable';
  /** When to read again, in seconds. */
  retryAfterSeconds: number;
}

export interface Disclosure {
  product: Product;
  statement: StatementView;
  /** The vendor's claims beside what the build proved from the manifest, code and inventory. */
  evidence: Evidence;
  versions: VersionSummary[];
  /** The site's status, or `unavailable` while storage does not answer (the viewer then can't acknowledge). */
  status: SiteStatus | StatusUnavailable;
  viewer: Viewer;
  /** Present when the statement has a translation for the viewer's locale. */
  translation?: TranslationView;
  /** The first screen's values formatted as the payload's `formats` asked (absent: not asked, or a zone Intl does not know). */
  formats?: FormatSeed;
}

// ---- acknowledge ----

export interface AcknowledgePayload {
  version: number;
  hash: string;
  /** The translation the admin read, when it was one (absent: the source text). */
  shown?: { locale: string; hash: string };
}

export interface AcknowledgeResult {
  /** false when this account had already acknowledged this version (nothing new was written). */
  created: boolean;
  acknowledgment: AcknowledgmentView;
  receipt: { seq: number; receiptId: string; hash: string };
  status: SiteStatus;
}

// ---- listAcknowledgments ----

export interface ListAcknowledgmentsPayload {
  cursor?: string;
  limit?: number;
}

export type HistoryRow = HistoryEntry;

export interface HistoryPage {
  rows: HistoryRow[];
  /** Present when older rows exist. */
  cursor?: string;
}

export const HISTORY_PAGE_DEFAULT = 25;
export const HISTORY_PAGE_MAX = 100;

// ---- getStatementVersions: every published version, verbatim (no personal data) ----

export interface PublishedVersion {
  source: StatementSource;
  hash: string;
}

export interface PublishedTranslation {
  source: TranslationSource;
  hash: string;
}

export interface StatementVersions {
  versions: PublishedVersion[];
  /** Every published translation (absent when there are none). */
  translations?: PublishedTranslation[];
}

// ---- diffVersions: what changed between two published versions (no personal data) ----

export interface DiffVersionsPayload {
  from: number;
  to: number;
  /** Section titles in this locale when both versions have a translation into it. */
  locale?: string;
}

export type VersionDiff = StatementDiff;

// ---- exportReceipts: the receipt chain, page by page, for the admin's own download ----

export interface ExportReceiptsPayload {
  cursor?: string;
}

export interface ExportPage {
  installation: string;
  product: Product;
  /** The installation's commitment salt, on the first page only, so an auditor can check commitments. */
  salt?: string;
  /** Newest first. */
  receipts: StoredReceipt[];
  /**
   * Values under receipt keys of this slice that are no receipt (written by something else): left out of
   * `receipts`, so the chain shows a break there, and named here.
   */
  unreadable?: UnreadableRecord[];
  cursor?: string;
}

export interface UnreadableRecord {
  key: string;
  /** The rule the value breaks. */
  problem: string;
}

/** Receipts one export call gathers at most: 20 queries of 100, about 1.5 MB, well inside 25 s and 5 MB. */
export const EXPORT_PAGE_MAX = 2000;

// ---- inForceOn: which version was in force on a day, and who had acknowledged it by then ----

export interface InForceOnPayload {
  /** YYYY-MM-DD (UTC). */
  date: string;
}

export interface InForce {
  date: string;
  /** null before the first version took effect. */
  inForce: VersionSummary | null;
  /** Versions whose acknowledgments stand for it: itself and earlier ones followed only by editorial changes. */
  standing: number[];
  /** Acknowledgments of the standing versions made by the end of that day, oldest first. */
  acknowledged: AcknowledgmentView[];
  /** true when more than IN_FORCE_MAX acknowledgments matched; the export has them all. */
  truncated: boolean;
}

export const IN_FORCE_MAX = 500;

export type Defs = {
  getDisclosure: (payload?: DisclosurePayload) => Promise<Result<Disclosure>>;
  acknowledge: (payload: AcknowledgePayload) => Promise<Result<AcknowledgeResult>>;
  listAcknowledgments: (payload: ListAcknowledgmentsPayload) => Promise<Result<HistoryPage>>;
  getStatementVersions: () => Promise<Result<StatementVersions>>;
  diffVersions: (payload: DiffVersionsPayload) => Promise<Result<VersionDiff>>;
  exportReceipts: (payload: ExportReceiptsPayload) => Promise<Result<ExportPage>>;
  inForceOn: (payload: InForceOnPayload) => Promise<Result<InForce>>;
};

export type ResolverName = Extract<keyof Defs, string>;
export const RESOLVER_NAMES = [
  'getDisclosure',
  'acknowledge',
  'listAcknowledgments',
  'getStatementVersions',
  'diffVersions',
  'exportReceipts',
  'inForceOn',
] as const satisfies readonly ResolverName[];

export type { AcknowledgmentView, Evidence, Materiality, SiteStatus, VersionSummary };
export type { ShownText, TranslationSource };

// The types the page renders, re-exported so that it imports only this contract (eslint.config.mjs).
export type { Claim, Eligibility } from './domain/evidence/types';
export type { Block, Inline, TableAlign } from './domain/statement/types';
export type { SectionChange } from './domain/statement/diff';
export type { StoredReceipt } from './domain/receipts/types';

/** The one rule for "an acknowledgment stands across editorial changes", for the page's banner. */
export { standsAcross as acknowledgmentStands } from './domain/statement/catalog';
