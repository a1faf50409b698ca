import { runPersonalDataReport } from '../domain/personal-data/report';
import type { PersonalDataReporter } from '../domain/personal-data/types';
import { forgePersonalDataReporter } from '../platform/personal-data';
import { installationOf } from './installation';
import { defaultLog, errorName, privacyDeps, type TriggerOptions } from './options';

export interface ReportTriggerOptions extends TriggerOptions {
  reporter?: PersonalDataReporter;
  sleep?: (ms: number) => Promise<void>;
  /** Default 240 s, inside the function's `timeoutSeconds: 300` (manifest.yml). */
  budgetMs?: number;
}

export const REPORT_BUDGET_MS = 240_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The scheduled trigger (manifest.yml `scheduledTrigger` → `index.reportPersonalData`). It has no user
 * context; the installation comes from `context.installContext`. Scheduled runs are not retried, so it
 * never throws: it logs one line without personal data, and the next run resumes from saved progress.
 */
export function createPersonalDataTrigger(options: ReportTriggerOptions) {
  const log = options.log ?? defaultLog;
  return async (_event: unknown, context: unknown): Promise<void> => {
    const where = installationOf(context);
    if (!where) {
      log('privacy-panel: personal data report skipped: no installation context');
      return;
    }
    try {
      const deps = {
        ...privacyDeps(options),
        reporter: options.reporter ?? forgePersonalDataReporter,
        sleep: options.sleep ?? realSleep,
        budgetMs: options.budgetMs ?? REPORT_BUDGET_MS,
      };
      const run = await runPersonalDataReport(deps, where);
      log(
        `privacy-panel: personal data report ${run.outcome}: reported ${run.reported}, closed ${run.closed}, updated ${run.updated}, erased ${run.erased}`,
      );
    } catch (error) {
      log(`privacy-panel: personal data report stopped (${errorName(error)}); the next run resumes`);
    }
  };
}
