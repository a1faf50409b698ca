import type { Clock, IdSource, Store } from '../domain/platform-ports';
import type { PrivacyDeps } from '../domain/personal-data/types';
import type { StatementCatalog } from '../domain/statement/types';
import { createKvsStore } from '../platform/kvs-store';
import { systemClock, systemIds } from '../platform/system';

export interface TriggerOptions {
  catalog: StatementCatalog;
  store?: Store;
  /** Where the panel's keys live in KVS (default `pp:`); see HandlerOptions.keyPrefix. */
  keyPrefix?: string;
  clock?: Clock;
  ids?: IdSource;
  /** Where the one log line per run goes; never given an account ID. Default: console. */
  log?: (line: string) => void;
}

export function privacyDeps(options: TriggerOptions): PrivacyDeps {
  return {
    catalog: options.catalog,
    store: options.store ?? createKvsStore({ keyPrefix: options.keyPrefix }),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? systemIds,
  };
}

export const defaultLog = (line: string): void => console.log(line);

/** An error's class name only: messages can carry data, names cannot. */
export const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
