/**
 * The page's one typed client for the app's resolvers, plus the few other bridge calls it makes.
 * A thrown bridge error becomes a retryable `Result` failure, so every caller handles one shape. Every
 * call but the export's is retried with backoff and jitter when it fails transiently (retry.ts); the
 * export waits out a busy storage itself, with progress (export/collect.ts).
 */
import { makeInvoke, requestConfluence, requestJira, view } from '@forge/bridge';
import type {
  AcknowledgePayload,
  AcknowledgeResult,
  Defs,
  DiffVersionsPayload,
  Disclosure,
  DisclosurePayload,
  ExportPage,
  ExportReceiptsPayload,
  HistoryPage,
  InForce,
  InForceOnPayload,
  ListAcknowledgmentsPayload,
  Product,
  Result,
  StatementVersions,
  VersionDiff,
} from '../../../src/contract';
import type { Locality } from './i18n/translator';
import { type RetryHooks, type Tried, withRetries } from './retry';

const invoke = makeInvoke<Defs>();

const UNREACHABLE: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app could not be reached. Check your connection and try again.',
    retryable: true,
  },
};

async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    // What the bridge hands back is whatever the function returned: check its shape before trusting the type.
    const result: unknown = await call();
    if (result && typeof result === 'object' && 'ok' in result && typeof result.ok === 'boolean')
      return result as Result<T>;
    return UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}

/** `call`, asked again while it fails transiently. */
const retried = <T>(call: () => Promise<Result<T>>, hooks?: RetryHooks): Promise<Tried<T>> =>
  withRetries(
    () => settle(call),
    (error) => error === UNREACHABLE.error,
    hooks,
  );

export const api = {
  getDisclosure: (payload: DisclosurePayload): Promise<Tried<Disclosure>> =>
    retried(() => invoke('getDisclosure', payload)),
  /** Safe to repeat: the app records one acknowledgment per admin and version, however often it is asked. */
  acknowledge: (payload: AcknowledgePayload, hooks?: RetryHooks): Promise<Tried<AcknowledgeResult>> =>
    retried(() => invoke('acknowledge', payload), hooks),
  listAcknowledgments: (payload: ListAcknowledgmentsPayload): Promise<Tried<HistoryPage>> =>
    retried(() => invoke('listAcknowledgments', payload)),
  diffVersions: (payload: DiffVersionsPayload): Promise<Tried<VersionDiff>> =>
    retried(() => invoke('diffVersions', payload)),
  inForceOn: (payload: InForceOnPayload): Promise<Tried<InForce>> => retried(() => invoke('inForceOn', payload)),
  getStatementVersions: (): Promise<Tried<StatementVersions>> => retried(() => invoke('getStatementVersions')),
  /** Not retried here: the export waits out a busy storage itself and shows how long (export/collect.ts). */
  exportReceipts: (payload: ExportReceiptsPayload): Promise<Result<ExportPage>> =>
    settle(() => invoke('exportReceipts', payload)),
  /** One slice of the chain, retried like the page's reads: for "Keep your receipt" (a few slices at most). */
  exportReceiptsRetried: (payload: ExportReceiptsPayload): Promise<Tried<ExportPage>> =>
    retried(() => invoke('exportReceipts', payload)),
};

export type Api = typeof api;

export async function loadLocality(): Promise<Locality> {
  // The browser's own answers only when the product gives none: the first Intl.DateTimeFormat costs
  // tens of milliseconds, and the context request should leave at once.
  const fallback = (): Locality => ({
    locale: navigator.language || 'en-US',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  try {
    const context: { locale?: unknown; timezone?: unknown } = await view.getContext();
    const locale = typeof context.locale === 'string' && context.locale ? context.locale.replace('_', '-') : undefined;
    const timeZone = typeof context.timezone === 'string' && context.timezone ? context.timezone : undefined;
    return locale && timeZone
      ? { locale, timeZone }
      : { ...fallback(), ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
  } catch {
    return fallback();
  }
}

/**
 * The viewer's account ID as the product reports it (view.getContext): display only, such as which history
 * rows are the viewer's own. Never an authority: the app decides who the caller is on its side.
 */
export async function viewerAccountId(): Promise<string | undefined> {
  try {
    const context: { accountId?: unknown } = await view.getContext();
    return typeof context.accountId === 'string' && context.accountId ? context.accountId : undefined;
  } catch {
    return undefined;
  }
}

export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // The light fallbacks in styles.css still apply.
  }
}

/**
 * What the product says about one account, asked as the current user: its display name; `closed` when the
 * product answers that no such account exists (404: Jira "the user is not found", Confluence "does not
 * exist"), which is how a closed account looks before the weekly personal data report erases its ID; and
 * `unknown` when it does not say (no permission, an error, no answer).
 */
export type AccountLookup = { kind: 'name'; name: string } | { kind: 'closed' } | { kind: 'unknown' };

export async function fetchDisplayName(product: Product, accountId: string): Promise<AccountLookup> {
  const query = `accountId=${encodeURIComponent(accountId)}`;
  try {
    const response =
      product === 'jira'
        ? await requestJira(`/rest/api/3/user?${query}`, { headers: { Accept: 'application/json' } })
        : await requestConfluence(`/wiki/rest/api/user?${query}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return { kind: 'closed' };
    if (!response.ok) return { kind: 'unknown' };
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'displayName' in body) {
      const name = body.displayName;
      if (typeof name === 'string' && name.trim()) return { kind: 'name', name };
    }
    return { kind: 'unknown' };
  } catch {
    return { kind: 'unknown' };
  }
}
