import { contextField, isAccountId, parseInstallContext } from '../domain/trusted-identity';
import type { Product } from '../domain/product';

/** Who is calling, from the parts of the invocation context Forge guarantees; the payload is never consulted. */
export interface TrustedCaller {
  accountId: string;
  /** The installation's ARI. */
  installation: string;
  product: Product;
}

/** undefined when the context does not identify a signed-in user of a Jira or Confluence site. */
export function trustedCaller(context: unknown): TrustedCaller | undefined {
  const accountId = contextField(context, 'accountId');
  if (!isAccountId(accountId) || accountId === 'unidentified') return undefined;
  const where = parseInstallContext(contextField(context, 'installContext'));
  return where ? { accountId, ...where } : undefined;
}
