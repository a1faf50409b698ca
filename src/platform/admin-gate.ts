import api, { route } from '@forge/api';
import { isConfluenceAdministrator, isJiraAdministrator, type ProductAnswer } from '../domain/site-admin';
import type { Product } from '../domain/product';

async function answerOf(response: { status: number; json(): Promise<unknown> }): Promise<ProductAnswer> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/**
 * Forge's request for the user's consent (`NEEDS_AUTHENTICATION_ERR`, thrown by `asUser()` calls until the
 * user allows the app to act for them). It must leave the function unchanged: the platform turns it into
 * the "Allow access" prompt. Swallowing it would show an administrator the page as a non-admin, forever.
 */
export function isConsentRequest(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

/** How long the product may take to say whether the caller is an administrator. */
export const ADMIN_CHECK_TIMEOUT_MS = 5_000;

/**
 * The product did not answer the administrator check in time (or the request timed out): the caller is
 * not treated as an administrator, and may retry. Nothing is returned or written meanwhile.
 */
export class AdminCheckUnavailableError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the administrator check did not answer within ${timeoutMs} ms`);
    this.name = 'AdminCheckUnavailableError';
  }
}

/** `work`, or an AdminCheckUnavailableError after `timeoutMs`; the timer never outlives the race. */
async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AdminCheckUnavailableError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the product, as the calling user, whether they are an administrator. Checked on every call that
 * writes or returns personal data; never cached. Fails closed: an answer that does not come within
 * `timeoutMs` (or a request that times out) throws AdminCheckUnavailableError, which the caller can retry;
 * any other error is a "no". Forge's consent request is passed on so the user can be asked.
 */
export async function callerIsAdministrator(
  product: Product,
  accountId: string,
  timeoutMs: number = ADMIN_CHECK_TIMEOUT_MS,
): Promise<boolean> {
  try {
    return await withinTimeout(askProduct(product, accountId), timeoutMs);
  } catch (error) {
    if (isConsentRequest(error) || error instanceof AdminCheckUnavailableError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw new AdminCheckUnavailableError(timeoutMs);
    return false;
  }
}

async function askProduct(product: Product, accountId: string): Promise<boolean> {
  if (product === 'jira') {
    const response = await api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, {
      headers: { Accept: 'application/json' },
    });
    return isJiraAdministrator(await answerOf(response));
  }
  const response = await api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, {
    headers: { Accept: 'application/json' },
  });
  return isConfluenceAdministrator(await answerOf(response), accountId);
}
