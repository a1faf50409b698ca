/**
 * The resolver contract: names, payloads, results and error codes, shared by the backend
 * (`makeResolver<Defs>`) and the Custom UI (`makeInvoke<Defs>()`). Types only: the payloads are still
 * validated at run time (src/resolvers/payloads.ts), since any user who can load the page can invoke.
 */
import type { HistoryEntry } from './domain/acknowledgments/history';
import type { AcknowledgmentView, SiteStatus, VersionSummary } from './domain/acknowledgments/types';
import type { Block, Materiality, StatementChange, StatementFacts } from './domain/statement/types';

import type { Product } from './domain/product';
export type { Product };

export const ERROR_CODES = [
  'INVALID_INPUT', // the payload broke a rule; `field` names the field
  'FORBIDDEN', // the caller is not an administrator of this site (or that could not be confirmed)
  'STALE_STATEMENT', // the version or hash acknowledged is not the one in force
  'STORAGE_UNAVAILABLE', // Forge storage was rate limited, timed out or failed: retry
  'INTERNAL', // anything else; details stay in the function's logs
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The payload field at fault, as a dotted path (`version`, `cursor`). */
  field?: string;
  retryable: boolean;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

// ---- getDisclosure ----

export interface StatementView {
  id: string;
  version: number;
  effectiveDate: string;
  hash: string;
  change: StatementChange | null;
  facts: StatementFacts;
  sections: { id: string; title: string; blocks: Block[] }[];
}

export interface Viewer {
  isAdmin: boolean;
  canAcknowledge: boolean;
  /** The caller's own acknowledgment of the version in force, if any. */
  acknowledgedCurrent: AcknowledgmentView | null;
}

export interface Disclosure {
  product: Product;
  statement: StatementView;
  versions: VersionSummary[];
  status: SiteStatus;
  viewer: Viewer;
}

// ---- acknowledge ----

export interface AcknowledgePayload {
  version: number;
  hash: string;
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

export type Defs = {
  getDisclosure: () => Promise<Result<Disclosure>>;
  acknowledge: (payload: AcknowledgePayload) => Promise<Result<AcknowledgeResult>>;
  listAcknowledgments: (payload: ListAcknowledgmentsPayload) => Promise<Result<HistoryPage>>;
};

export type ResolverName = keyof Defs & string;
export const RESOLVER_NAMES = ['getDisclosure', 'acknowledge', 'listAcknowledgments'] as const satisfies readonly ResolverName[];

export type { AcknowledgmentView, Materiality, SiteStatus, VersionSummary };
