import type { Disclosure } from '../contract';
import { readAcknowledgments } from '../domain/acknowledgments/read-model';
import { siteStatus, withoutAccounts } from '../domain/acknowledgments/status';
import type { ResolverDeps } from './deps';
import { callerOf } from './guard';
import { parseDisclosure } from './payloads';
import { currentStatement, versionSummaries } from '../domain/statement/catalog';
import { statementView, translationView } from './statement-view';

/**
 * Everything the page needs for its first paint, in one call and one storage read. Anyone who can load
 * the page may read the statement and the site's status; account IDs only reach administrators.
 */
export async function getDisclosure(deps: ResolverDeps, payload: unknown, context: unknown): Promise<Disclosure> {
  const { locale } = parseDisclosure(payload);
  const caller = callerOf(context);
  const [isAdmin, snapshot] = await Promise.all([
    deps.isAdministrator(caller.product, caller.accountId),
    readAcknowledgments(deps.store, deps.catalog, caller.accountId),
  ]);
  const current = currentStatement(deps.catalog);
  const status = siteStatus(deps.catalog, snapshot.firsts);
  const own =
    isAdmin && snapshot.own
      ? { version: current.source.version, accountId: caller.accountId, at: snapshot.own.at }
      : null;
  const disclosure: Disclosure = {
    product: caller.product,
    statement: deps.catalog.draft ? { ...statementView(current), draft: true } : statementView(current),
    evidence: deps.evidence,
    versions: versionSummaries(deps.catalog),
    status: isAdmin ? status : withoutAccounts(status),
    viewer: { isAdmin, canAcknowledge: isAdmin && !own && deps.catalog.draft !== true, acknowledgedCurrent: own },
  };
  const translation = translationView(deps.catalog, locale);
  return translation ? { ...disclosure, translation } : disclosure;
}
