import { IN_FORCE_MAX, type InForce } from '../contract';
import { acknowledgmentsOf } from '../domain/acknowledgments/byVersion';
import { changesSince, inForceOn as versionInForceOn, summaryOf } from '../domain/statement/catalog';
import type { ResolverDeps } from './deps';
import { requireAdministrator } from './guard';
import { parseInForce } from './payloads';

/** "Which statement was in force on DATE, and who had acknowledged it by then?" */
export async function inForceOn(deps: ResolverDeps, payload: unknown, context: unknown): Promise<InForce> {
  const { date } = parseInForce(payload);
  await requireAdministrator(deps, context);
  const statement = versionInForceOn(deps.catalog, date);
  if (!statement) return { date, inForce: null, standing: [], acknowledged: [], truncated: false };
  const version = statement.source.version;
  // An acknowledgment stands for this version when every change between them was editorial.
  const standing = deps.catalog.versions
    .map((v) => v.source.version)
    .filter(
      (v) =>
        v <= version &&
        changesSince(deps.catalog, v)
          .filter((c) => c.version <= version)
          .every((c) => c.change?.materiality === 'editorial'),
    );
  const endOfDay = `${date}T23:59:59.999Z`;
  const found = await acknowledgmentsOf(deps.store, standing, { atOrBefore: endOfDay, max: IN_FORCE_MAX + 1 });
  return {
    date,
    inForce: summaryOf(statement),
    standing,
    acknowledged: found.slice(0, IN_FORCE_MAX),
    truncated: found.length > IN_FORCE_MAX,
  };
}
