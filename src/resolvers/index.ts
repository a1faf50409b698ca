import { makeResolver } from '@forge/resolver';
import type { Defs } from '../contract';
import type { Clock, IdSource, Store } from '../domain/ports';
import type { StatementCatalog } from '../domain/statement/types';
import { callerIsAdministrator } from '../platform/adminGate';
import { createKvsStore } from '../platform/kvsStore';
import { systemClock, systemIds } from '../platform/system';
import { acknowledge } from './acknowledge';
import type { ResolverDeps } from './deps';
import { getDisclosure } from './getDisclosure';
import { respond } from './guard';
import { listAcknowledgments } from './listAcknowledgments';

export interface HandlerOptions {
  catalog: StatementCatalog;
  clock?: Clock;
  ids?: IdSource;
  store?: Store;
}

/** The Forge resolver handler: one typed entry per contract name, each thin. */
export function createResolverHandler(options: HandlerOptions) {
  const deps: ResolverDeps = {
    catalog: options.catalog,
    store: options.store ?? createKvsStore(),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? systemIds,
    isAdministrator: callerIsAdministrator,
  };
  return makeResolver<Defs>({
    getDisclosure: ({ payload, context }) => respond(() => getDisclosure(deps, payload, context)),
    acknowledge: ({ payload, context }) => respond(() => acknowledge(deps, payload, context)),
    listAcknowledgments: ({ payload, context }) => respond(() => listAcknowledgments(deps, payload, context)),
  });
}

export type ForgeResolverHandler = ReturnType<typeof createResolverHandler>;
