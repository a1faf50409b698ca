import type { Result } from '../contract';
import { isConsentRequest } from '../platform/admin-gate';
import { toApiError } from './errors';

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
