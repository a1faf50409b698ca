/** Who is calling, from Forge's trusted context only, and the admin gate. */
import { trustedCaller, type TrustedCaller } from '../platform/caller';
import type { ResolverDeps } from './deps';
import { ResolverError, forbidden } from './errors';

export function callerOf(context: unknown): TrustedCaller {
  const caller = trustedCaller(context);
  if (!caller) throw new ResolverError('FORBIDDEN', 'This page needs a signed-in user of a Jira or Confluence site.');
  return caller;
}

/** The admin gate: every call that writes or returns personal data passes here first. Fails closed. */
export async function requireAdministrator(deps: ResolverDeps, context: unknown): Promise<TrustedCaller> {
  const caller = callerOf(context);
  if (!(await deps.isAdministrator(caller.product, caller.accountId))) throw forbidden();
  return caller;
}
