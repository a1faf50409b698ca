import type { Installation } from '../domain/privacy/types';
import type { Product } from '../domain/product';

const INSTALL_CONTEXT = /^ari:cloud:(jira|confluence)::site\/[A-Za-z0-9-]+$/;

/** The installation a trigger runs for, from the platform's `context.installContext`; triggers have no user. */
export function installationOf(context: unknown): Installation | undefined {
  const installContext =
    typeof context === 'object' && context !== null
      ? (context as Record<string, unknown>)['installContext']
      : undefined;
  if (typeof installContext !== 'string') return undefined;
  const match = INSTALL_CONTEXT.exec(installContext);
  return match ? { installation: installContext, product: match[1] as Product } : undefined;
}
