/** The sample people the emulated Jira and Confluence know about. */
import type { SampleUser } from './types';

/** Account IDs of the default sample users (made up; shaped like Atlassian account IDs). */
export const SAMPLE_ACCOUNTS = {
  /** Administers both Jira and Confluence. */
  siteAdmin: '712020:5a1e0c1d-0000-4000-8000-00000000ad01',
  /** Jira administrator only. */
  jiraAdmin: '712020:5a1e0c1d-0000-4000-8000-00000000ad02',
  /** Confluence administrator only. */
  confluenceAdmin: '712020:5a1e0c1d-0000-4000-8000-00000000ad03',
  /** Administers nothing. */
  member: '712020:5a1e0c1d-0000-4000-8000-00000000ad04',
  /** A Jira and Confluence administrator whose account has been closed. */
  closedAdmin: '712020:5a1e0c1d-0000-4000-8000-00000000ad05',
} as const;

export const DEFAULT_SAMPLE_USERS: readonly SampleUser[] = [
  { accountId: SAMPLE_ACCOUNTS.siteAdmin, displayName: 'Avery Site-Admin', admin: { jira: true, confluence: true } },
  { accountId: SAMPLE_ACCOUNTS.jiraAdmin, displayName: 'Jordan Jira-Admin', admin: { jira: true, confluence: false } },
  {
    accountId: SAMPLE_ACCOUNTS.confluenceAdmin,
    displayName: 'Casey Confluence-Admin',
    admin: { jira: false, confluence: true },
  },
  { accountId: SAMPLE_ACCOUNTS.member, displayName: 'Morgan Member', admin: { jira: false, confluence: false } },
  {
    accountId: SAMPLE_ACCOUNTS.closedAdmin,
    displayName: 'Former user',
    admin: { jira: true, confluence: true },
    accountStatus: 'closed',
  },
];

const copy = (u: SampleUser): SampleUser => ({ ...u, admin: { ...u.admin } });

export class UserDirectory {
  private readonly byId = new Map<string, SampleUser>();

  /** `onChange` runs after every change (the emulator persists then). */
  constructor(
    users: readonly SampleUser[],
    private readonly onChange: () => void = () => undefined,
  ) {
    for (const u of users) this.byId.set(u.accountId, copy(u));
  }

  list(): SampleUser[] {
    return [...this.byId.values()].map(copy);
  }

  get(accountId: string): SampleUser | undefined {
    const u = this.byId.get(accountId);
    return u ? copy(u) : undefined;
  }

  /** Adds or replaces a user. */
  set(user: SampleUser): void {
    this.byId.set(user.accountId, copy(user));
    this.onChange();
  }

  /** The account can no longer act; product lookups answer 404; privacy reports say 'closed'. */
  closeAccount(accountId: string): void {
    this.update(accountId, { accountStatus: 'closed' });
  }

  /** The profile changed at `at` (default now); privacy reports with an older `updatedAt` say 'updated'. */
  markUpdated(accountId: string, at: Date = new Date()): void {
    this.update(accountId, { accountStatus: 'updated', profileUpdatedAt: at.toISOString() });
  }

  /** True when the account exists and is not closed. */
  isActive(accountId: string | undefined): boolean {
    if (accountId === undefined) return false;
    const u = this.byId.get(accountId);
    return u !== undefined && u.accountStatus !== 'closed';
  }

  private update(accountId: string, patch: Partial<SampleUser>): void {
    const u = this.byId.get(accountId);
    if (!u) throw new Error(`No sample user with accountId ${accountId}`);
    this.byId.set(accountId, { ...u, ...patch });
    this.onChange();
  }
}
