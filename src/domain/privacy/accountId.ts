/** Account IDs Forge uses for "nobody in particular"; never stored as a person, never reported. */
const PLACEHOLDER_ACCOUNTS = new Set(['unknown', 'unidentified']);
const ACCOUNT_ID = /^[A-Za-z0-9:._-]{1,128}$/;

/** A real Atlassian account ID we may store and must report. */
export function isReportableAccountId(accountId: string | null | undefined): accountId is string {
  return (
    typeof accountId === 'string' && ACCOUNT_ID.test(accountId) && !PLACEHOLDER_ACCOUNTS.has(accountId.toLowerCase())
  );
}
