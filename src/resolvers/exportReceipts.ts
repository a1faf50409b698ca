import { EXPORT_PAGE_MAX, type ExportPage } from '../contract';
import { receiptPage } from '../domain/acknowledgments/history';
import { SALT_KEY } from '../domain/inventory';
import type { StoredReceipt } from '../domain/receipts/types';
import type { ResolverDeps } from './deps';
import { requireAdministrator } from './guard';
import { parseExport } from './payloads';

/** Stop gathering early so one call stays far inside Forge's 25 s, even on a slow day. */
const TIME_BUDGET_MS = 10_000;
const QUERY_PAGE = 100;

/**
 * One slice of the receipt chain for the admin's own export, newest first. The browser calls this until
 * the cursor runs out and assembles the file itself: nothing leaves Atlassian except to the admin.
 */
export async function exportReceipts(deps: ResolverDeps, payload: unknown, context: unknown): Promise<ExportPage> {
  const { cursor: start } = parseExport(payload);
  const caller = await requireAdministrator(deps, context);
  const began = deps.clock.now().getTime();
  const receipts: StoredReceipt[] = [];
  let cursor = start;
  do {
    const page = await receiptPage(deps.store, QUERY_PAGE, cursor);
    receipts.push(...page.receipts);
    cursor = page.cursor;
  } while (
    cursor &&
    receipts.length + QUERY_PAGE <= EXPORT_PAGE_MAX &&
    deps.clock.now().getTime() - began < TIME_BUDGET_MS
  );
  const salt = start ? undefined : await deps.store.get<string>(SALT_KEY);
  return {
    installation: caller.installation,
    product: caller.product,
    ...(salt ? { salt } : {}),
    receipts,
    ...(cursor ? { cursor } : {}),
  };
}
