/**
 * The statement model: what a vendor writes in policy/, what the build compiles it to, and what the page
 * renders. Pure types, shared by the compiler, the resolvers, the UI and the offline verifier.
 */
import type { CompiledTranslation } from './translation';

export type Materiality = 'material' | 'editorial';

/** Where a category of data lives. */
export type StorageLocation =
  | 'forge-hosted-storage'
  | 'atlassian-product' // e.g. entity or content properties inside Jira/Confluence
  | 'vendor-infrastructure'
  | 'customer-infrastructure'
  | 'browser';

export interface DataCategory {
  /** Stable id, matched against the code's data inventory (src/domain/inventory.ts). */
  id: string;
  name: string;
  description: string;
  purpose: string;
  location: StorageLocation;
  retention: string;
  personalData: boolean;
}

export interface DataAccess {
  /** What the app reads from the product without storing it, e.g. "Jira global permissions of the caller". */
  name: string;
  purpose: string;
}

export interface EgressDestination {
  name: string;
  domain: string;
  purpose: string;
  endUserData: boolean;
}

export interface SubProcessor {
  name: string;
  purpose: string;
  country: string;
  url?: string;
}

export interface StatementFacts {
  app: { name: string; summary: string };
  vendor: { name: string; website?: string; address?: string; country?: string };
  contact: { email: string; url?: string };
  hosting: { model: 'forge' | 'connect' | 'data-center' | 'server'; description: string };
  dataStored: DataCategory[];
  dataAccessed: DataAccess[];
  /** Empty means the app sends nothing anywhere outside Atlassian. */
  egress: EgressDestination[];
  analytics: { collected: boolean; description: string };
  subProcessors: SubProcessor[];
  logs: { endUserData: boolean; storedOutsideAtlassian: boolean; description: string };
  dataResidency: { supported: boolean; description: string };
  uninstall: { description: string; deletedAfterDays?: number };
  /**
   * Data the vendor holds about the customer that does not come through the app: Marketplace licensing
   * contacts and billing, support requests, newsletter subscriptions, website cookies. Optional; absent
   * (not empty) when a statement does not use it, so earlier hashes stay unchanged.
   */
  vendorRecords?: VendorRecord[];
}

/** Where the vendor gets a record that does not come through the app. */
export type VendorRecordSource = 'atlassian-marketplace' | 'support' | 'website' | 'newsletter' | 'other';

export interface VendorRecord {
  /** Stable id, unique within the statement. */
  id: string;
  name: string;
  source: VendorRecordSource;
  description: string;
  purpose: string;
  retention: string;
  personalData: boolean;
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

/**
 * The canonical, hashed form of one statement version: exactly what a receipt's hash commits to and what
 * an export carries verbatim. The hash is SHA-256 over its RFC 8785 canonical JSON.
 */
export interface StatementSource {
  id: string;
  version: number;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** What changed since the previous version; `null` for the first. */
  change: StatementChange | null;
  facts: StatementFacts;
  sections: SourceSection[];
}

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
  /** Every published translation (./translation.ts); absent when the vendor ships none. */
  translations?: CompiledTranslation[];
}
