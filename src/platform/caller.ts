import type { Product } from '../domain/product';

/** Who is calling, from the parts of the invocation context Forge guarantees; the payload is never consulted. */
export interface TrustedCaller {
  accountId: string;
  /** The installation's ARI. */
  installation: string;
  product: Product;
}

const INSTALL_CONTEXT = /^ari:cloud:(jira|confluence)::site\/[A-Za-z0-9-]+$/;
const ACCOUNT_ID = /^[A-Za-z0-9:._-]{1,128}$/;

function field(context: unknown, name: string): unknown {
  return typeof context === 'object' && context !== null ? (context as Record<string, unknown>)[name] : undefined;
}

/** undefined when the context does not identify a signed-in user of a Jira or Confluence site. */
export function trustedCaller(context: unknown): TrustedCaller | undefined {
  const accountId = field(context, 'accountId');
  const installContext = field(context, 'installContext');
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId) || accountId === 'unidentified') return undefined;
  if (typeof installContext !== 'string') return undefined;
  const match = INSTALL_CONTEXT.exec(installContext);
  if (!match) return undefined;
  return { accountId, installation: installContext, product: match[1] as Product };
}
