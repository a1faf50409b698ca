import type { Result } from '../contract';
import { isConsentRequest } from '../platform/adminGate';
import { trustedCaller, type TrustedCaller } from '../platform/caller';
import type { ResolverDeps } from './deps';
import { ResolverError, forbidden, toApiError } from './errors';

/**
 * Runs one resolver body and turns whatever it throws into a typed error. The one exception is Forge's
 * consent request, which must reach the platform unchanged so it can ask the user to allow access.
 */
export async function respond<T>(body: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (isConsentRequest(error)) throw error;
    return { ok: false, error: toApiError(error) };
  }
}

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
