/**
 * Privacy Panel inside a host Forge app: the package's Forge runtime (`privacy-panel/forge`). Everything
 * here runs in the host's function; nothing build-time (statement compiler, evidence engine, YAML, Markdown)
 * is imported. The host passes the catalog and evidence that `privacy-panel build` wrote beside its handler file.
 */
import Resolver from '@forge/resolver';
import type { Evidence } from '../domain/evidence/types';
import { validateKeyPrefix } from '../domain/storage/key-prefix';
import type { StatementCatalog } from '../domain/statement/types';
import { resolverFunctions, type HandlerOptions } from '../resolvers';
import { createLifecycleTrigger } from '../triggers/lifecycle';
import { createPersonalDataTrigger } from '../triggers/report-personal-data';
import { isRecord } from '../domain/is-record';

export type { Defs, Disclosure, Result } from '../contract';
export type { Evidence, StatementCatalog };
export { KeyPrefixError } from '../domain/storage/key-prefix';

/** What `privacy-panel build` wrote (statements.json, evidence.json), as imported by the host's handler file. */
export interface PrivacyPanelData {
  catalog: unknown;
  evidence: unknown;
  /**
   * Where the panel's keys live in the app's KVS; default `pp:`. `privacy-panel add` writes one only when the
   * host's own keys begin with `pp:`. A bad one throws KeyPrefixError (field `keyPrefix`) when the file loads.
   */
  keyPrefix?: string;
}

export class PrivacyPanelDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrivacyPanelDataError';
  }
}

/** A cheap shape check at load time: the files are ours, written by the build, but may be missing or stale. */
function options(data: PrivacyPanelData): HandlerOptions {
  const { catalog, evidence, keyPrefix } = data;
  if (!isRecord(catalog) || !Array.isArray(catalog['versions']) || catalog['versions'].length === 0) {
    throw new PrivacyPanelDataError('catalog: expected the statements.json that `privacy-panel build` writes');
  }
  if (!isRecord(evidence) || evidence['schemaVersion'] !== 1) {
    throw new PrivacyPanelDataError('evidence: expected the evidence.json that `privacy-panel build` writes');
  }
  return {
    catalog: catalog as unknown as StatementCatalog,
    evidence: evidence as unknown as Evidence,
    keyPrefix: validateKeyPrefix(keyPrefix),
  };
}

/**
 * What the panel needs of a host's `Resolver`: its `define`. Written here rather than taken from
 * `@forge/resolver`, so a host on either major (1.x, 2.x: their `define` signatures differ) passes its own.
 */
export interface ResolverLike {
  define(functionKey: string, resolver: (request: ResolverRequest) => unknown): unknown;
}

/** What Forge passes the resolver function of the panel's own page. */
export interface ResolverInvocation {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: Record<string, unknown>;
}

/** The request a resolver function receives, as both majors of `@forge/resolver` pass it. */
export interface ResolverRequest {
  payload: unknown;
  context: Record<string, unknown>;
}

function defineAll(resolver: ResolverLike, resolved: HandlerOptions): void {
  const functions = resolverFunctions(resolved) as unknown as Record<string, (request: ResolverRequest) => unknown>;
  for (const [name, fn] of Object.entries(functions)) resolver.define(name, fn);
}

/**
 * The panel's functions, typed here so the declarations a host compiles against name no `@forge/*` type
 * (a host's tsconfig may resolve neither their `exports` nor their subpaths).
 */
export interface PrivacyPanelFunctions {
  handler: (invocation: ResolverInvocation, backendRuntimePayload?: Record<string, unknown>) => Promise<unknown>;
  reportPersonalData: (event: unknown, context: unknown) => Promise<void>;
  onAppInstalled: (event: unknown, context: unknown) => Promise<void>;
  onAppUpgraded: (event: unknown, context: unknown) => Promise<void>;
  register: <R extends ResolverLike>(resolver: R) => R;
}

/**
 * The panel's Forge functions; the host's handler file exports each under the name its manifest gives.
 * The resolver is built on the host's own `Resolver` class (both majors have `define`/`getDefinitions`).
 */
export function createPrivacyPanel(data: PrivacyPanelData): PrivacyPanelFunctions {
  const resolved = options(data);
  const resolver = new Resolver();
  defineAll(resolver, resolved);
  return {
    /** The resolver of the panel's own admin page modules. */
    handler: resolver.getDefinitions(),
    /** The scheduled personal data report. */
    reportPersonalData: createPersonalDataTrigger(resolved),
    /** Lifecycle receipts. */
    onAppInstalled: createLifecycleTrigger('app-installed', resolved),
    onAppUpgraded: createLifecycleTrigger('app-upgraded', resolved),
    /** Adds the panel's resolver functions to the host's own resolver (the sub-page placement). */
    register: <R extends ResolverLike>(host: R): R => {
      defineAll(host, resolved);
      return host;
    },
  };
}

/**
 * Adds the panel's resolver functions to a host's own `Resolver`, for a host whose Custom UI page shows the
 * panel on one of its routes (mountPrivacyPanel): the page's `invoke` calls reach the host's resolver.
 * Throws, naming the function, when the host already defines one of the same name.
 */
export function registerPrivacyPanel<R extends ResolverLike>(resolver: R, data: PrivacyPanelData): R {
  defineAll(resolver, options(data));
  return resolver;
}
