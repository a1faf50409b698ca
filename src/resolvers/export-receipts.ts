import { EXPORT_PAGE_MAX, type ExportPage } from '../contract';
import { exportSlice } from '../domain/acknowledgments/export-slice';
import type { ResolverDeps } from './deps';
import { requireAdministrator } from './guard';
import { parseExport } from './payloads';

/** Stop gathering early so one call stays far inside Forge's 25 s, even on a slow day. */
const TIME_BUDGET_MS = 10_000;

/**
 * One slice of the receipt chain for the admin's own export, newest first. The browser calls this until
 * the cursor runs out and assembles the file itself: nothing leaves Atlassian except to the admin.
 */
export async function exportReceipts(deps: ResolverDeps, payload: unknown, context: unknown): Promise<ExportPage> {
  const { cursor } = parseExport(payload);
  const caller = await requireAdministrator(deps, context);
  const slice = await exportSlice(deps.store, deps.clock, {
    ...(cursor ? { cursor } : {}),
    max: EXPORT_PAGE_MAX,
    budgetMs: TIME_BUDGET_MS,
  });
  return { installation: caller.installation, product: caller.product, ...slice };
}
