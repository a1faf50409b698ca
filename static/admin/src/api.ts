/**
 * The page's one typed client for the app's resolvers, plus the few other bridge calls it makes.
 * A thrown bridge error becomes a retryable `Result` failure, so every caller handles one shape.
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

export const api = {
  getDisclosure: (payload: DisclosurePayload): Promise<Result<Disclosure>> =>
    settle(() => invoke('getDisclosure', payload)),
  acknowledge: (payload: AcknowledgePayload): Promise<Result<AcknowledgeResult>> =>
    settle(() => invoke('acknowledge', payload)),
  listAcknowledgments: (payload: ListAcknowledgmentsPayload): Promise<Result<HistoryPage>> =>
    settle(() => invoke('listAcknowledgments', payload)),
  diffVersions: (payload: DiffVersionsPayload): Promise<Result<VersionDiff>> =>
    settle(() => invoke('diffVersions', payload)),
  inForceOn: (payload: InForceOnPayload): Promise<Result<InForce>> => settle(() => invoke('inForceOn', payload)),
  getStatementVersions: (): Promise<Result<StatementVersions>> => settle(() => invoke('getStatementVersions')),
  exportReceipts: (payload: ExportReceiptsPayload): Promise<Result<ExportPage>> =>
    settle(() => invoke('exportReceipts', payload)),
};

export type Api = typeof api;

export async function loadLocality(): Promise<Locality> {
  const fallback: Locality = {
    locale: navigator.language || 'en-US',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
  try {
    const context: { locale?: unknown; timezone?: unknown } = await view.getContext();
    return {
      locale: typeof context.locale === 'string' && context.locale ? context.locale.replace('_', '-') : fallback.locale,
      timeZone: typeof context.timezone === 'string' && context.timezone ? context.timezone : fallback.timeZone,
    };
  } catch {
    return fallback;
  }
}

export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // The light fallbacks in styles.css still apply.
  }
}

/** Looks up one account's display name through the product, as the current user. null when unknown. */
export async function fetchDisplayName(product: Product, accountId: string): Promise<string | null> {
  const query = `accountId=${encodeURIComponent(accountId)}`;
  try {
    const response =
      product === 'jira'
        ? await requestJira(`/rest/api/3/user?${query}`, { headers: { Accept: 'application/json' } })
        : await requestConfluence(`/wiki/rest/api/user?${query}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'displayName' in body) {
      const name = body.displayName;
      if (typeof name === 'string' && name.trim()) return name;
    }
    return null;
  } catch {
    return null;
  }
}
