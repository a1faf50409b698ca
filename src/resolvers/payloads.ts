/**
 * Run-time checks of every payload: the types in contract.ts promise nothing about what a client sends.
 * Hand-written rather than a schema library, so the function bundle a host gains stays small (issue 12):
 * each check names the first field at fault and the rule it broke, and unknown fields are refused.
 */
import {
  HISTORY_PAGE_DEFAULT,
  HISTORY_PAGE_MAX,
  type AcknowledgePayload,
  type DiffVersionsPayload,
  type ExportReceiptsPayload,
  type InForceOnPayload,
  type ListAcknowledgmentsPayload,
} from '../contract';
import { SHA256_HEX } from '../domain/canonical';
import { ResolverError } from './errors';

/** A field's check: the value, or a message saying which rule it broke. */
type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; message: string };

const pass = <T>(value: T) => ({ ok: true as const, value });
const fail = (message: string) => ({ ok: false as const, message });

const wholeNumber =
  (min: number, max: number): Check<number> =>
  (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a number');
    if (!Number.isInteger(value)) return fail('must be a whole number');
    if (value < min) return fail(`must be at least ${min}`);
    if (value > max) return fail(`must be at most ${max}`);
    return pass(value);
  };

const version = wholeNumber(1, 999_999);

const hash: Check<string> = (value) => {
  if (typeof value !== 'string') return fail('must be a string');
  return SHA256_HEX.test(value) ? pass(value) : fail('must be 64 lowercase hexadecimal characters (a SHA-256)');
};

const cursorText: Check<string> = (value) => {
  if (typeof value !== 'string') return fail('must be a string');
  if (value.length < 1) return fail('must not be empty');
  if (value.length > 1000) return fail('must be at most 1000 characters');
  return pass(value);
};

const isoDay: Check<string> = (value) => {
  if (typeof value !== 'string') return fail('must be a string');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail('must be a date written YYYY-MM-DD');
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
    ? pass(value)
    : fail('must be a real calendar date');
};

const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value) =>
    value === undefined ? pass(undefined) : check(value);

type Shape = Record<string, Check<unknown>>;
type Parsed<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

function invalid(field: string, message: string): ResolverError {
  return new ResolverError('INVALID_INPUT', `${field}: ${message}`, field);
}

/** An object with exactly these fields; throws INVALID_INPUT naming the first field at fault. */
function strictObject<S extends Shape>(shape: S, notObject: string) {
  return (payload: unknown): Parsed<S> => {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalid('payload', notObject);
    const record = payload as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [field, check] of Object.entries(shape)) {
      const result = check(record[field]);
      if (!result.ok) throw invalid(field, result.message);
      if (result.value !== undefined) out[field] = result.value;
    }
    const unknown = Object.keys(record).find((key) => !(key in shape));
    if (unknown !== undefined) {
      throw new ResolverError('INVALID_INPUT', `${unknown}: unknown field; this call accepts no such field`, unknown);
    }
    return out as Parsed<S>;
  };
}

const parseEmptyObject = strictObject({}, 'must be empty');

/** Forge sends `{}` or nothing for a call without arguments. */
export function parseEmpty(payload: unknown): void {
  if (payload === undefined || payload === null) return;
  parseEmptyObject(payload);
}

export const parseAcknowledge: (payload: unknown) => AcknowledgePayload = strictObject(
  { version, hash },
  'must be an object with version and hash',
);

const parseListObject = strictObject(
  { cursor: optional(cursorText), limit: optional(wholeNumber(1, HISTORY_PAGE_MAX)) },
  'must be an object',
);

export function parseList(
  payload: unknown,
): Required<Pick<ListAcknowledgmentsPayload, 'limit'>> & ListAcknowledgmentsPayload {
  const parsed = parseListObject(payload ?? {}) as ListAcknowledgmentsPayload;
  return { ...parsed, limit: parsed.limit ?? HISTORY_PAGE_DEFAULT };
}

export const parseDiff: (payload: unknown) => DiffVersionsPayload = strictObject(
  { from: version, to: version },
  'must be an object with from and to',
);

const parseExportObject = strictObject({ cursor: optional(cursorText) }, 'must be an object');
export const parseExport = (payload: unknown): ExportReceiptsPayload => parseExportObject(payload ?? {});

export const parseInForce: (payload: unknown) => InForceOnPayload = strictObject(
  { date: isoDay },
  'must be an object with a date',
);
