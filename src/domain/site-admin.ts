/**
 * Whether the caller administers the site, decided from the product's answer alone. Pure and fail-closed:
 * anything but a clear, well-formed "yes" is "no".
 */
import { isRecord } from './is-record';

export interface ProductAnswer {
  status: number;
  body: unknown;
}

/** Jira: `GET /rest/api/3/mypermissions?permissions=ADMINISTER` as the user. */
export function isJiraAdministrator(answer: ProductAnswer): boolean {
  if (answer.status !== 200 || !isRecord(answer.body)) return false;
  const permissions = answer.body['permissions'];
  if (!isRecord(permissions)) return false;
  const administer = permissions['ADMINISTER'];
  return isRecord(administer) && administer['havePermission'] === true;
}

/** Confluence: `GET /wiki/rest/api/user/current?expand=operations` as the user. */
export function isConfluenceAdministrator(answer: ProductAnswer, accountId: string): boolean {
  if (answer.status !== 200 || !isRecord(answer.body)) return false;
  const { body } = answer;
  if (body['accountId'] !== accountId) return false; // the product must be answering for the caller
  const operations = body['operations'];
  if (!Array.isArray(operations)) return false;
  return operations.some(
    (entry) => isRecord(entry) && entry['operation'] === 'administer' && entry['targetType'] === 'application',
  );
}
