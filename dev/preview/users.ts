/** The preview's sample people: two site admins and one user who administers nothing. */
import type { SampleUser } from '../emulator';

export const PREVIEW_ACCOUNTS = {
  ada: '712020:0a7e1d2c-0000-4000-8000-00000000a0a1',
  grace: '712020:0a7e1d2c-0000-4000-8000-00000000a0a2',
  nora: '712020:0a7e1d2c-0000-4000-8000-00000000a0a3',
} as const;

export const PREVIEW_USERS: SampleUser[] = [
  { accountId: PREVIEW_ACCOUNTS.ada, displayName: 'Ada Admin', admin: { jira: true, confluence: true } },
  { accountId: PREVIEW_ACCOUNTS.grace, displayName: 'Grace Admin', admin: { jira: true, confluence: true } },
  { accountId: PREVIEW_ACCOUNTS.nora, displayName: 'Nora Viewer', admin: { jira: false, confluence: false } },
];
