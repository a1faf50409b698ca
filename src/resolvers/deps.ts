import type { Evidence } from '../domain/evidence/types';
import type { Clock, IdSource, Store } from '../domain/platform-ports';
import type { Backoff } from '../domain/storage/gapless-sequence';
import type { Product } from '../domain/product';
import type { StatementCatalog } from '../domain/statement/types';

/** What the resolvers need. Built once per handler; holds no tenant data. */
export interface ResolverDeps {
  catalog: StatementCatalog;
  evidence: Evidence;
  store: Store;
  clock: Clock;
  ids: IdSource;
  backoff: Backoff;
  isAdministrator: (product: Product, accountId: string) => Promise<boolean>;
}
