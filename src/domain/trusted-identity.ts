/**
 * Account IDs and installation contexts, parsed in one place: the resolvers' trusted caller, the
 * triggers' installation and the personal data registry all read them through this module.
 */
import type { Product } from './product';

/** The characters an Atlassian account ID uses, 1 to 128 of them (also what storage keys may hold). */
export const ACCOUNT_ID_SOURCE = '[A-Za-z0-9:._-]{1,128}';
const ACCOUNT_ID = new RegExp(`^${ACCOUNT_ID_SOURCE}$`);
const INSTALL_CONTEXT = /^ari:cloud:(jira|confluence)::site\/[A-Za-z0-9-]+$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

/** The installation an `installContext` names, or undefined when it is not a Jira or Confluence site ARI. */
export function parseInstallContext(value: unknown): { installation: string; product: Product } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTALL_CONTEXT.exec(value);
  return match ? { installation: value, product: match[1] as Product } : undefined;
}

/** A field of an untyped context object. */
export function contextField(context: unknown, name: string): unknown {
  return typeof context === 'object' && context !== null ? (context as Record<string, unknown>)[name] : undefined;
}
