import type { HistoryPage } from '../contract';
import { historyPage } from '../domain/acknowledgments/history';
import type { ResolverDeps } from './deps';
import { requireAdministrator } from './guard';
import { parseList } from './payloads';

export async function listAcknowledgments(
  deps: ResolverDeps,
  payload: unknown,
  context: unknown,
): Promise<HistoryPage> {
  const { limit, cursor } = parseList(payload);
  await requireAdministrator(deps, context);
  const page = await historyPage(deps.store, limit, cursor);
  return { rows: page.entries, ...(page.cursor ? { cursor: page.cursor } : {}) };
}
