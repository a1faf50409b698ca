import { privacy } from '@forge/api';
import { REPORT_BATCH_MAX } from '../domain/personal-data/batch';
import {
  ReportRefusedError,
  type PersonalDataReporter,
  type ReportAnswer,
  type ReportedAccount,
} from '../domain/personal-data/types';

/**
 * Atlassian's personal data reporting API through `privacy.reportPersonalData` (@forge/api 8.3.0, scope
 * `report:personal-data`). That helper returns only the account updates: the `Cycle-Period` header does
 * not reach us, so the domain keeps Atlassian's default of 7 days. On a status other than 200/204 it
 * rejects with the raw Response, whose `Retry-After` we read.
 */

interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
}

function isResponseLike(value: unknown): value is ResponseLike {
  if (typeof value !== 'object' || value === null) return false;
  const { status, headers } = value as { status?: unknown; headers?: { get?: unknown } };
  return typeof status === 'number' && typeof headers?.get === 'function';
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: Date = new Date()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export function toReportRefused(error: unknown): ReportRefusedError {
  if (isResponseLike(error)) {
    if (error.status === 429)
      return new ReportRefusedError('rate-limited', 429, retryAfterSeconds(error.headers.get('Retry-After')));
    if (error.status >= 500) return new ReportRefusedError('server-error', error.status);
    return new ReportRefusedError('rejected', error.status);
  }
  return new ReportRefusedError('unreachable');
}

export const forgePersonalDataReporter: PersonalDataReporter = {
  async report(accounts: readonly ReportedAccount[]): Promise<ReportAnswer> {
    // The helper sends its own 90-account chunks concurrently; we never give it more than one.
    if (accounts.length > REPORT_BATCH_MAX)
      throw new RangeError(`report at most ${REPORT_BATCH_MAX} accounts per call`);
    try {
      const updates = await privacy.reportPersonalData(
        accounts.map(({ accountId, updatedAt }) => ({ accountId, updatedAt })),
      );
      return { updates: updates.map(({ accountId, status }) => ({ accountId, status })) };
    } catch (error) {
      throw toReportRefused(error);
    }
  },
};
