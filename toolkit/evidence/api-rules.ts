/**
 * The one table of "this API needs that from the manifest". Adding a Forge API the code may use (or a
 * REST path it may call) is one row here; the scanner and the scope check read nothing else.
 */
import type { Product } from '../../src/domain/product';
import type { CodeSide, ManifestFacts } from '../../src/domain/evidence/types';

export const SCANNED_PACKAGES = ['@forge/api', '@forge/bridge', '@forge/kvs', '@forge/sql', '@forge/events'] as const;
export type ScannedPackage = (typeof SCANNED_PACKAGES)[number];

export type Need =
  | { kind: 'scope'; scope: string }
  /** The scope depends on the REST path: see `PRODUCT_PATH_RULES`. */
  | { kind: 'product-request'; product: Product }
  | { kind: 'egress'; external: 'fetch.backend' | 'fetch.client' }
  /** A module type that must exist under `modules`. */
  | { kind: 'module'; module: string }
  | { kind: 'removed'; why: string };

export interface ApiRule {
  id: string;
  /** `(global)` for a runtime global (not imported, not declared in the file). */
  package: ScannedPackage | '(global)';
  /** A named import or a member in a call chain rooted at the package's import; `*` = any value import. */
  member: string;
  sides: readonly CodeSide[];
  needs: Need;
}

export const API_RULES: readonly ApiRule[] = [
  { id: 'kvs', package: '@forge/kvs', member: '*', sides: ['backend'], needs: { kind: 'scope', scope: 'storage:app' } },
  {
    id: 'legacy-storage',
    package: '@forge/api',
    member: 'storage',
    sides: ['backend'],
    needs: {
      kind: 'removed',
      why: 'legacy storage from @forge/api was removed on 2026-06-22 (CHANGE-3252); use @forge/kvs',
    },
  },
  {
    id: 'personal-data-reporting',
    package: '@forge/api',
    member: 'privacy',
    sides: ['backend'],
    needs: { kind: 'scope', scope: 'report:personal-data' },
  },
  {
    id: 'jira-request',
    package: '@forge/api',
    member: 'requestJira',
    sides: ['backend'],
    needs: { kind: 'product-request', product: 'jira' },
  },
  {
    id: 'confluence-request',
    package: '@forge/api',
    member: 'requestConfluence',
    sides: ['backend'],
    needs: { kind: 'product-request', product: 'confluence' },
  },
  {
    id: 'bridge-jira-request',
    package: '@forge/bridge',
    member: 'requestJira',
    sides: ['browser'],
    needs: { kind: 'product-request', product: 'jira' },
  },
  {
    id: 'bridge-confluence-request',
    package: '@forge/bridge',
    member: 'requestConfluence',
    sides: ['browser'],
    needs: { kind: 'product-request', product: 'confluence' },
  },
  {
    id: 'api-fetch',
    package: '@forge/api',
    member: 'fetch',
    sides: ['backend'],
    needs: { kind: 'egress', external: 'fetch.backend' },
  },
  {
    id: 'global-fetch',
    package: '(global)',
    member: 'fetch',
    sides: ['backend'],
    needs: { kind: 'egress', external: 'fetch.backend' },
  },
  {
    id: 'browser-fetch',
    package: '(global)',
    member: 'fetch',
    sides: ['browser'],
    needs: { kind: 'egress', external: 'fetch.client' },
  },
  { id: 'sql', package: '@forge/sql', member: '*', sides: ['backend'], needs: { kind: 'module', module: 'sql' } },
  {
    id: 'events-queue',
    package: '@forge/events',
    member: 'Queue',
    sides: ['backend'],
    needs: { kind: 'module', module: 'consumer' },
  },
];

export interface PathRule {
  product: Product;
  /** Matched against the request path as written (placeholders read `${…}`). */
  pattern: RegExp;
  /** Any one of these scopes is enough (classic first, then granular). */
  anyOf: readonly string[];
  what: string;
}

export const PRODUCT_PATH_RULES: readonly PathRule[] = [
  {
    product: 'jira',
    pattern: /^\/rest\/api\/(2|3|latest)\/mypermissions\b/,
    anyOf: ['read:jira-work', 'read:permission:jira'],
    what: "the caller's Jira permissions",
  },
  {
    product: 'jira',
    pattern: /^\/rest\/api\/(2|3|latest)\/permissions\/check\b/,
    anyOf: ['read:jira-work', 'read:permission:jira'],
    what: 'a Jira permission check',
  },
  {
    product: 'jira',
    pattern: /^\/rest\/api\/(2|3|latest)\/(user|myself)(\/bulk)?([?#]|$)/,
    anyOf: ['read:jira-user', 'read:user:jira'],
    what: 'Jira user details',
  },
  {
    product: 'jira',
    pattern: /^\/rest\/api\/(2|3|latest)\/mypreferences\/locale\b/,
    anyOf: ['read:jira-user'],
    what: "the caller's Jira locale",
  },
  {
    product: 'confluence',
    pattern: /^\/wiki\/rest\/api\/user(\/current|\/bulk)?([?#]|$)/,
    anyOf: ['read:confluence-user'],
    what: 'Confluence user details',
  },
];

export function pathRuleFor(product: Product, path: string): PathRule | undefined {
  return PRODUCT_PATH_RULES.find((rule) => rule.product === product && rule.pattern.test(path));
}

/** Scopes the manifest itself can justify, without any code using them. */
export const MANIFEST_SCOPE_RULES: readonly { scope: string; justifiedBy: (m: ManifestFacts) => string | null }[] = [
  {
    scope: 'storage:app',
    justifiedBy: (m) => m.storage.find((s) => s.kind === 'custom-entities')?.declaredBy ?? null,
  },
];

/** Whether a scope string belongs to a product (`read:jira-user`, `read:user:jira`, `read:confluence-user`). */
export function scopeMentions(scope: string, product: Product): boolean {
  return scope.split(/[:-]/).includes(product);
}
