import { IN_FORCE_MAX, type InForce } from '../contract';
import { inForceAnswer } from '../domain/acknowledgments/in-force';
import type { ResolverDeps } from './deps';
import { requireAdministrator } from './guard';
import { parseInForce } from './payloads';

/** "Which statement was in force on DATE, and who had acknowledged it by then?" */
export async function inForceOn(deps: ResolverDeps, payload: unknown, context: unknown): Promise<InForce> {
  const { date } = parseInForce(payload);
  await requireAdministrator(deps, context);
  return inForceAnswer(deps.store, deps.catalog, date, IN_FORCE_MAX);
}
