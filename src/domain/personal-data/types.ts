import type { Clock, IdSource, Store } from '../platform-ports';
import type { Product } from '../product';
import type { StatementCatalog } from '../statement/types';

/** `acct:` value and `acctid:` value: storage/stored-shapes.ts holds them beside their decoders. */
export type {
  RegistryRecord as RegistryEntry,
  AccountIndexRecord as AccountIndexEntry,
} from '../storage/stored-shapes';

/** One account as the personal data reporting API takes it. */
export interface ReportedAccount {
  accountId: string;
  /** RFC 3339: when we stored the data. */
  updatedAt: string;
}

export interface AccountUpdate {
  accountId: string;
  status: 'closed' | 'updated';
}

export interface ReportAnswer {
  updates: AccountUpdate[];
  /** The `Cycle-Period` the API answered with, in seconds, when the client exposes it. */
  cyclePeriodSeconds?: number;
}

/** The API refused a batch: nothing in it counts as reported. */
export class ReportRefusedError extends Error {
  constructor(
    readonly reason: 'rate-limited' | 'server-error' | 'rejected' | 'unreachable',
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(`personal data report refused: ${reason}${status === undefined ? '' : ` (${status})`}`);
    this.name = 'ReportRefusedError';
  }
}

/** Atlassian's personal data reporting API. Takes at most `REPORT_BATCH_MAX` accounts per call. */
export interface PersonalDataReporter {
  report(accounts: readonly ReportedAccount[]): Promise<ReportAnswer>;
}

export interface PrivacyDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  catalog: StatementCatalog;
}

/** Where the app runs; from the trusted invocation context. */
export interface Installation {
  installation: string;
  product: Product;
}
