import { errorResponse } from './http';

/**
 * Per-installation KVS quotas as Atlassian published them (limits-kvs-ce, until early 2026): 4,000 read
 * and 4,000 write units a minute, one unit per request per started 10 KB (a 65 KB request is 7 units; a
 * batch counts its total size once; a transaction is one write). Past a quota the service answers
 * `429 RATE_LIMIT_EXCEEDED` and does nothing. Windows are whole minutes of the emulator's clock.
 */

export interface QuotaLimits {
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
}

export const PUBLISHED_QUOTAS: QuotaLimits = { readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 };
export const UNIT_BYTES = 10 * 1024;
const WINDOW_MS = 60_000;

export type UnitKind = 'read' | 'write';

/** Units one request of `bytes` costs: one per started 10 KB, at least one. */
export const unitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / UNIT_BYTES));

const READ_PATHS = new Set(['/api/v1/get', '/api/v1/query', '/api/v1/batch/get', '/api/v1/secret/get']);

export function unitKindOf(path: string): UnitKind {
  return READ_PATHS.has(path) || path === '/api/v1/entity/get' || path === '/api/v1/entity/query' ? 'read' : 'write';
}

interface Window {
  start: number;
  read: number;
  write: number;
}

export class QuotaMeter {
  private readonly windows = new Map<string, Window>();
  /** Units spent since construction (or `resetTotals`), whether or not quotas are enforced. */
  readonly totals = { read: 0, write: 0, rejected: 0 };

  constructor(private readonly limits: QuotaLimits | undefined) {}

  private window(installation: string, nowMs: number): Window {
    const start = nowMs - (nowMs % WINDOW_MS);
    let current = this.windows.get(installation);
    if (!current || current.start !== start) {
      current = { start, read: 0, write: 0 };
      this.windows.set(installation, current);
    }
    return current;
  }

  /** Seconds until the window that refused a request ends, or undefined when `units` still fit. */
  refuse(installation: string, kind: UnitKind, units: number, nowMs: number): number | undefined {
    if (!this.limits) return undefined;
    const window = this.window(installation, nowMs);
    const limit = kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
    if (window[kind] + units <= limit) return undefined;
    this.totals.rejected += 1;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - nowMs) / 1000));
  }

  spend(installation: string, kind: UnitKind, units: number, nowMs: number): void {
    this.window(installation, nowMs)[kind] += units;
    this.totals[kind] += units;
  }

  resetTotals(): void {
    this.totals.read = 0;
    this.totals.write = 0;
    this.totals.rejected = 0;
  }
}

/**
 * One KVS call under the quota: a write is refused before it runs (nothing written), a read once the size
 * of its answer is known. Refusals are `429 RATE_LIMIT_EXCEEDED` with `Retry-After` (the window's end).
 */
export async function metered(
  call: { quota: QuotaMeter; installContext: string; nowMs: number; path: string; requestBytes: number },
  run: () => { response: Response; mutated: boolean },
): Promise<{ response: Response; mutated: boolean }> {
  const { quota, installContext, nowMs } = call;
  const kind = unitKindOf(call.path);
  const charge = (units: number): number | undefined => {
    const wait = quota.refuse(installContext, kind, units, nowMs);
    if (wait === undefined) quota.spend(installContext, kind, units, nowMs);
    return wait;
  };
  const tooMany = (retryAfter: number) => ({
    response: errorResponse(429, 'RATE_LIMIT_EXCEEDED', `The ${kind} quota of this installation is spent`, {
      'Retry-After': String(retryAfter),
    }),
    mutated: false,
  });
  if (kind === 'write') {
    const wait = charge(unitsOf(call.requestBytes));
    return wait === undefined ? run() : tooMany(wait);
  }
  const outcome = run();
  const text = await outcome.response.clone().text();
  const wait = charge(unitsOf(Buffer.byteLength(text, 'utf8')));
  return wait === undefined ? outcome : tooMany(wait);
}
