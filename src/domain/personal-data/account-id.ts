import { isAccountId } from '../trusted-identity';

/** Account IDs Forge uses for "nobody in particular"; never stored as a person, never reported. */
const PLACEHOLDER_ACCOUNTS = new Set(['unknown', 'unidentified']);

/** A real Atlassian account ID we may store and must report. */
export function isReportableAccountId(accountId: string | null | undefined): accountId is string {
  return isAccountId(accountId) && !PLACEHOLDER_ACCOUNTS.has(accountId.toLowerCase());
}
