import type { Disclosure, StatusUnavailable } from '../contract';
import { StorageUnavailableError } from '../domain/platform-ports';
import { readAcknowledgments, type AcknowledgmentSnapshot } from '../domain/acknowledgments/read-model';
import { siteStatus, withoutAccounts } from '../domain/acknowledgments/status';
import type { ResolverDeps } from './deps';
import { callerOf } from './guard';
import { formatSeedFor } from './first-screen-formats';
import { parseDisclosure } from './payloads';
import { currentStatement, versionSummaries } from '../domain/statement/catalog';
import { statementView, translationView } from './statement-view';

/** Seconds a page waits before reading a status storage did not give (a quota window is a minute). */
const STATUS_RETRY_SECONDS = 5;

/** The snapshot, or why storage did not give it: the statement is bundled, so the page answers either way. */
async function snapshotOrUnavailable(
  deps: ResolverDeps,
  accountId: string,
): Promise<AcknowledgmentSnapshot | StatusUnavailable> {
  try {
    return await readAcknowledgments(deps.store, deps.catalog, accountId);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    const wait = error.reason === 'rate-limited' ? error.retryAfterSeconds : undefined;
    return { state: 'unavailable', retryAfterSeconds: wait ?? STATUS_RETRY_SECONDS };
  }
}

/**
 * Everything the page needs for its first paint, in one call and one storage read. Anyone who can load
 * the page may read the statement and the site's status; account IDs only reach administrators. While
 * storage refuses that read (a spent quota, a timeout), the page still gets the statement, with the
 * status `unavailable` and no acknowledge button, rather than an error.
 */
export async function getDisclosure(deps: ResolverDeps, payload: unknown, context: unknown): Promise<Disclosure> {
  const { locale, formats } = parseDisclosure(payload);
  const caller = callerOf(context);
  const [isAdmin, snapshot] = await Promise.all([
    deps.isAdministrator(caller.product, caller.accountId),
    snapshotOrUnavailable(deps, caller.accountId),
  ]);
  const current = currentStatement(deps.catalog);
  const known = 'firsts' in snapshot ? snapshot : undefined;
  let status: Disclosure['status'] = 'firsts' in snapshot ? siteStatus(deps.catalog, snapshot.firsts) : snapshot;
  if (!isAdmin && status.state !== 'unavailable') status = withoutAccounts(status);
  const own =
    isAdmin && known?.own ? { version: current.source.version, accountId: caller.accountId, at: known.own.at } : null;
  const disclosure: Disclosure = {
    product: caller.product,
    statement: deps.catalog.draft ? { ...statementView(current), draft: true } : statementView(current),
    evidence: deps.evidence,
    versions: versionSummaries(deps.catalog),
    status,
    viewer: {
      isAdmin,
      canAcknowledge: isAdmin && known !== undefined && !own && deps.catalog.draft !== true,
      acknowledgedCurrent: own,
    },
  };
  const translation = translationView(deps.catalog, locale);
  const shown = translation ? { ...disclosure, translation } : disclosure;
  const seed = formats && formatSeedFor(formats, shown, deps.clock.now());
  return seed ? { ...shown, formats: seed } : shown;
}
