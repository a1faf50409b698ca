import { makeResolver, type Handlers } from '@forge/resolver';
import type { Defs } from '../contract';
import { evidenceUnderPrefix, validateKeyPrefix } from '../domain/storage/key-prefix';
import type { Clock, IdSource, Store } from '../domain/platform-ports';
import type { Evidence } from '../domain/evidence/types';
import type { StatementCatalog } from '../domain/statement/types';
import { ADMIN_CHECK_TIMEOUT_MS, callerIsAdministrator } from '../platform/admin-gate';
import { createKvsStore } from '../platform/kvs-store';
import { systemBackoff, systemClock, systemIds } from '../platform/system';
import type { Backoff } from '../domain/storage/gapless-sequence';
import { acknowledge } from './acknowledge';
import type { ResolverDeps } from './deps';
import { getDisclosure } from './get-disclosure';
import { respond } from './respond';
import { exportReceipts } from './export-receipts';
import { inForceOn } from './in-force-on';
import { listAcknowledgments } from './list-acknowledgments';
import { diffVersions, getStatementVersions } from './versions';

export interface HandlerOptions {
  catalog: StatementCatalog;
  /** What the build proved about the app (its manifest, code and data inventory). */
  evidence: Evidence;
  clock?: Clock;
  ids?: IdSource;
  store?: Store;
  /**
   * Where the panel's keys live in KVS (default `pp:`), for a host whose own keys begin with `pp:`. Checked
   * once, here (KeyPrefixError); used by the default store (a given `store` keeps its own keys).
   */
  keyPrefix?: string;
  /** How long the administrator check may take (default ADMIN_CHECK_TIMEOUT_MS); shorter in tests. */
  adminCheckTimeoutMs?: number;
  backoff?: Backoff;
}

/** One typed resolver per contract name, each thin: what `makeResolver` or a host's own `Resolver` takes. */
export function resolverFunctions(options: HandlerOptions): Handlers<Defs> {
  const keyPrefix = validateKeyPrefix(options.keyPrefix);
  const deps: ResolverDeps = {
    catalog: options.catalog,
    evidence: evidenceUnderPrefix(options.evidence, keyPrefix),
    store: options.store ?? createKvsStore({ keyPrefix }),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? systemIds,
    isAdministrator: (product, accountId) =>
      callerIsAdministrator(product, accountId, options.adminCheckTimeoutMs ?? ADMIN_CHECK_TIMEOUT_MS),
    backoff: options.backoff ?? systemBackoff,
  };
  return {
    getDisclosure: ({ payload, context }) => respond(() => getDisclosure(deps, payload, context)),
    acknowledge: ({ payload, context }) => respond(() => acknowledge(deps, payload, context)),
    listAcknowledgments: ({ payload, context }) => respond(() => listAcknowledgments(deps, payload, context)),
    getStatementVersions: ({ payload, context }) => respond(() => getStatementVersions(deps, payload, context)),
    diffVersions: ({ payload, context }) => respond(() => diffVersions(deps, payload, context)),
    exportReceipts: ({ payload, context }) => respond(() => exportReceipts(deps, payload, context)),
    inForceOn: ({ payload, context }) => respond(() => inForceOn(deps, payload, context)),
  };
}

/** The Forge resolver handler of the panel's own function. */
export function createResolverHandler(options: HandlerOptions) {
  return makeResolver<Defs>(resolverFunctions(options));
}

export type ForgeResolverHandler = ReturnType<typeof createResolverHandler>;
