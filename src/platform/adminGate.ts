import api, { route } from '@forge/api';
import { isConfluenceAdministrator, isJiraAdministrator, type ProductAnswer } from '../domain/access';
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

/**
 * Asks the product, as the calling user, whether they are an administrator. Checked on every call that
 * writes or returns personal data; never cached. Any error is a "no", except Forge's consent request,
 * which is passed on so the user can be asked (nothing is returned or written meanwhile).
 */
export async function callerIsAdministrator(product: Product, accountId: string): Promise<boolean> {
  try {
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
  } catch (error) {
    if (isConsentRequest(error)) throw error;
    return false;
  }
}
