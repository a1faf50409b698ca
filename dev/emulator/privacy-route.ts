/**
 * Atlassian's personal data reporting endpoint (`POST /app/report-accounts/`), as
 * `privacy.reportPersonalData` in @forge/api 8.3.0 reaches it: target `{type:'fpp', provider:'app',
 * remote:'stargate'}`, path '/app/report-accounts'.
 */
import { emptyResponse, isRecord, jsonResponse, parseJsonBody } from './http';
import type { PrivacyReportCall } from './types';
import type { UserDirectory } from './users';

export const PRIVACY_REPORT_PATH = '/app/report-accounts';
export const PRIVACY_REPORT_MAX_ACCOUNTS = 90;
export const DEFAULT_CYCLE_PERIOD_SECONDS = 604800;

export function isPrivacyReportPath(path: string): boolean {
  const pathname = path.split('?')[0] ?? '';
  return pathname === PRIVACY_REPORT_PATH || pathname === `${PRIVACY_REPORT_PATH}/`;
}

/** The reporting endpoint's state, exposed as `ForgeEmulator#privacyReporting`. */
export class PrivacyReporting {
  /** Sent as the `Cycle-Period` header (seconds). */
  cyclePeriodSeconds = DEFAULT_CYCLE_PERIOD_SECONDS;
  /** Every call received, in order. */
  readonly calls: PrivacyReportCall[] = [];
  private limited: { times: number; retryAfterSeconds: number } = { times: 0, retryAfterSeconds: 0 };

  /** The next `times` calls answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(times: number, retryAfterSeconds: number): void {
    this.limited = { times, retryAfterSeconds };
  }

  /** The last call took effect, but its answer never reached the caller (a 'lost-response' fault). */
  loseLastAnswer(): void {
    const last = this.calls[this.calls.length - 1];
    if (last) last.answerLost = true;
  }

  /**
   * Accepted calls (200 or 204) naming each account, from call `from` on: the count the personal data
   * job's exactly-once invariant speaks of. `lost` counts those whose answer never reached the caller.
   */
  acceptedPerAccount(from = 0): Map<string, { accepted: number; lost: number }> {
    const out = new Map<string, { accepted: number; lost: number }>();
    for (const call of this.calls.slice(from)) {
      if (call.status !== 200 && call.status !== 204) continue;
      for (const { accountId } of call.accounts) {
        const seen = out.get(accountId) ?? { accepted: 0, lost: 0 };
        seen.accepted += 1;
        if (call.answerLost) seen.lost += 1;
        out.set(accountId, seen);
      }
    }
    return out;
  }

  handle(method: string, rawBody: unknown, users: UserDirectory): Response {
    const parsed = parseJsonBody(rawBody);
    const body = parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
    const accounts = readAccounts(body?.['accounts']);
    const record = (status: number): void => {
      this.calls.push({ accounts: accounts ?? [], status });
    };
    if (method !== 'POST') {
      record(405);
      return jsonResponse(405, { message: 'Use POST' });
    }
    if (this.limited.times > 0) {
      this.limited.times -= 1;
      record(429);
      return jsonResponse(
        429,
        { message: 'Too many requests' },
        { 'Retry-After': String(this.limited.retryAfterSeconds) },
      );
    }
    if (!accounts || accounts.length === 0 || accounts.length > PRIVACY_REPORT_MAX_ACCOUNTS) {
      record(400);
      return jsonResponse(400, {
        message: `accounts must be a list of 1 to ${PRIVACY_REPORT_MAX_ACCOUNTS} { accountId, updatedAt }`,
      });
    }
    const cycle = { 'Cycle-Period': String(this.cyclePeriodSeconds) };
    const answers: Array<{ accountId: string; status: 'closed' | 'updated' }> = [];
    for (const { accountId, updatedAt } of accounts) {
      const u = users.get(accountId);
      if (u?.accountStatus === 'closed') answers.push({ accountId, status: 'closed' });
      else if (
        u?.accountStatus === 'updated' &&
        (u.profileUpdatedAt === undefined || Date.parse(updatedAt) < Date.parse(u.profileUpdatedAt))
      ) {
        answers.push({ accountId, status: 'updated' });
      }
    }
    if (answers.length === 0) {
      record(204);
      return emptyResponse(204, cycle);
    }
    record(200);
    return jsonResponse(200, { accounts: answers }, cycle);
  }
}

function readAccounts(value: unknown): Array<{ accountId: string; updatedAt: string }> | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Array<{ accountId: string; updatedAt: string }> = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item['accountId'] !== 'string' || typeof item['updatedAt'] !== 'string')
      return undefined;
    if (Number.isNaN(Date.parse(item['updatedAt']))) return undefined;
    out.push({ accountId: item['accountId'], updatedAt: item['updatedAt'] });
  }
  return out;
}
