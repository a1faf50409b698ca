/**
 * The evidence model: what the build can prove about the app from its own manifest, code and data
 * inventory, set next to what the vendor's statement claims. Pure types; the page renders `Evidence`
 * (generated into src/generated/evidence.json by scripts/check.ts).
 */

import type { HostingModel } from '../statement/types';

/** What a fact's value is, in the statement (the truth table, statement/truth-table.ts, reads it). */
export const VALUE_STATES = ['yes', 'no', 'not-stated', 'empty', 'listed', 'partly-stated'] as const;
export type ValueState = (typeof VALUE_STATES)[number];

/**
 * What the build knows about the fact. `proven`: this app's manifest, code or a documented Forge rule
 * proves the sentence. `contradicted`: they disagree with it. `not-checkable`: nothing the build reads can
 * prove or disprove it. `vendor-word`: it could be checked, but the evidence does not settle it.
 */
export const EVIDENCE_STATES = ['proven', 'contradicted', 'not-checkable', 'vendor-word'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/**
 * The badge of a claim, from the truth table (statement/truth-table.ts). `verified`: the manifest/code/
 * inventory prove exactly its sentence. `vendor-statement`: only the vendor's word. `contradicted`: the
 * evidence disagrees. `not-stated`: the statement does not say.
 */
export type Verdict = 'verified' | 'vendor-statement' | 'contradicted' | 'not-stated';

export const CLAIM_IDS = [
  'egress',
  'analytics',
  'storage',
  'inventory',
  'personal-data',
  'data-residency',
  'runs-on-atlassian',
  'scopes',
  'hosting',
  'uninstall',
  'logs',
  'sub-processors',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

/** What a verified claim was proved from: the manifest, the app's code and data inventory, or a documented Forge rule. */
export type EvidenceBasis = 'manifest' | 'code' | 'platform';

export interface Claim {
  id: ClaimId;
  /** The sentence in English (claim-text.ts), for the CLI; the page words the claim from `says` and its parts. */
  label: string;
  /** What the claim says: the truth table's state of the fact; the catalogs' key is `claim.<id>.<says>`. */
  says: ValueState;
  /** The stated parts the sentence names (statement content; for `storage`, location ids). */
  names: string[];
  /** The parts the statement leaves unstated, by name. */
  unstated: string[];
  count?: number;
  model?: HostingModel;
  /** What the build knows about it; with the hosting model, the truth table turns it into `verdict`. */
  evidenceState: EvidenceState;
  verdict: Verdict;
  /** What the build proved it from (meaningful when `verdict` is 'verified'). */
  basis: EvidenceBasis[];
  /** Plain sentences naming the file and field each fact comes from. */
  evidence: string[];
}

/** The `permissions.external` keys, as dotted paths. */
export const EXTERNAL_KINDS = [
  'fetch.backend',
  'fetch.client',
  'fonts',
  'frames',
  'images',
  'media',
  'navigation',
  'scripts',
  'styles',
] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];

/** One `permissions.external.<kind>` entry, normalised. */
export interface EgressEntry {
  kind: ExternalKind;
  /** The address as declared (domain, URL or wildcard); for `{ remote }` entries, `remote:<key>`. */
  address: string;
  /** Lowercase host without scheme, port or path (`*.example.com`, `*`); null for remote references. */
  host: string | null;
  remote: string | null;
  category: 'analytics' | null;
  /** Defaults to true, as on the platform. */
  inScopeEUD: boolean;
}

export interface RemoteEntry {
  key: string;
  baseUrls: string[];
  hosts: string[];
  /** True when the remote declares `storage.inScopeEUD: true` or a `storage` operation. */
  storesData: boolean;
  inScopeEUD: boolean;
}

export type StorageKind = 'kvs' | 'custom-entities' | 'sql';

export interface StorageUse {
  kind: StorageKind;
  /** Where the manifest shows it: `permissions.scopes: storage:app`, `app.storage.entities: a, b`, `modules.sql: main`. */
  declaredBy: string;
}

/** Everything egress- and storage-relevant the manifest declares. */
export interface ManifestFacts {
  appId: string | null;
  scopes: string[];
  egress: EgressEntry[];
  remotes: RemoteEntry[];
  providers: string[];
  connectModules: string[];
  /** Web triggers whose `response.type` is not `static` (dynamic is the platform default). */
  dynamicWebTriggers: string[];
  endpoints: { key: string; remote: string | null; service: string | null }[];
  storage: StorageUse[];
  /** SQL modules that explicitly set `dareCompliant: false`. */
  sqlWithoutResidency: string[];
  configurableEgress: boolean;
  /** Every module type under `modules`, for the scope rules that a module justifies. */
  moduleTypes: string[];
}

export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

/** Where a scanned source file runs. */
export type CodeSide = 'backend' | 'browser';

export interface SourceFile {
  /** Repo-relative, forward slashes. */
  path: string;
  text: string;
  side: CodeSide;
}

export interface ScopeUse {
  scope: string;
  usedBy: string[];
}

export interface KeyFamilyEvidence {
  name: string;
  pattern: string;
  category: string;
  personalData: boolean;
  retention: string;
}

export interface Evidence {
  schemaVersion: 1;
  manifest: {
    scopes: string[];
    egress: EgressEntry[];
    remotes: string[];
    providers: string[];
    connectModules: string[];
    dynamicWebTriggers: string[];
    storage: StorageUse[];
  };
  runsOnAtlassian: Eligibility;
  dataResidency: Eligibility;
  scopeUse: ScopeUse[];
  keyFamilies: KeyFamilyEvidence[];
  claims: Claim[];
}

export type ProblemKind =
  | 'undeclared-egress'
  | 'egress-eud-mismatch'
  | 'analytics-undisclosed'
  | 'residency-claim'
  | 'storage-claim'
  | 'missing-scope'
  | 'unused-scope'
  | 'code-egress-undeclared'
  | 'missing-module'
  | 'removed-api'
  | 'inventory-category-missing'
  | 'statement-category-unstored'
  | 'inventory-location-mismatch'
  | 'personal-data-mismatch'
  | 'uninstall-claim'
  | 'invalid-manifest';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

export interface CheckReport {
  ok: boolean;
  /** Contradictions: any one fails `npm run evidence:check`. */
  problems: Problem[];
  /** Worth a look, never fatal (over-disclosure, unreadable request paths, missing personal-data reporting). */
  warnings: string[];
  evidence: Evidence;
}

/** Every kind of storage the evidence engine recognises in an app's code or manifest. */
export type StorageEvidenceKind = StorageKind | 'legacy-storage' | 'object-store' | 'product-properties' | 'secrets';

/** A host the code contacts, and whether the manifest lets it. */
export interface CodeEgress {
  kind: ExternalKind | 'remote';
  /** Lowercase host; null when the address is built at run time. */
  address: string | null;
  /** Whether a `permissions.external` entry of that kind (or a remote) covers it. */
  declared: boolean;
  /** `file:line`. */
  at: string;
  /** What makes the call: `fetch`, `@forge/api fetch`, `analytics SDK posthog-js`, `<img src>`… */
  via: string;
}

/** What `privacy-panel evidence --json` prints for one app: facts read from any Forge app's manifest and code. */
export interface AppEvidence {
  /** The manifest, relative to the folder given. */
  manifest: string;
  egress: { kind: ExternalKind; address: string }[];
  egressInCode: CodeEgress[];
  remotes: string[];
  providers: string[];
  connectModules: string[];
  dynamicWebTriggers: string[];
  scopes: {
    declared: string[];
    /** Needed by a call whose route (or API) is known and whose scopes the manifest holds. */
    used: string[];
    /** Declared, and every call of that product was resolved, yet nothing needs it. */
    unused: string[];
    /** Needed by a call, none of whose accepted alternatives the manifest holds. */
    missing: string[];
    /** Declared, not proved used, and some call of that product could not be resolved. */
    unverified: string[];
  };
  storage: StorageEvidenceKind[];
  /** Literal and template-literal prefixes of the keys (and entity names) the code writes. */
  keyFamilies: { kind: StorageEvidenceKind; family: string; at: string }[];
  runsOnAtlassian: { eligible: boolean; reasons: string[] };
  /** Which files were read, and as what. */
  code: { backend: number; browser: number; lines: number; files: { path: string; side: CodeSide }[] };
  problems: { file: string; line: number; rule: string; message: string; severity: 'error' | 'warning' }[];
}
