/**
 * The documented KVS limits and their error codes
 * (developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs and limits-kvs-ce).
 */

export const KEY_MAX_LENGTH = 500;
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
/** 240 KiB, measured on the UTF-8 bytes of the value's JSON. */
export const VALUE_MAX_BYTES = 240 * 1024;
/** Deepest allowed nesting of objects and arrays (a scalar has depth 0, `{}` depth 1). */
export const VALUE_MAX_DEPTH = 31;
export const QUERY_DEFAULT_LIMIT = 10;
export const QUERY_MAX_LIMIT = 100;
export const BATCH_MAX_ITEMS = 25;
export const TRANSACTION_MAX_OPERATIONS = 25;

/** An error the storage service answers with, before it is turned into a response. */
export interface KvsFailure {
  status: number;
  code: string;
  message: string;
}

export const fail = (status: number, code: string, message: string): KvsFailure => ({ status, code, message });

export const badRequest = (message: string): KvsFailure => fail(400, 'BAD_REQUEST', message);

export function checkKey(key: unknown): KvsFailure | undefined {
  if (typeof key !== 'string') return badRequest('The key must be a string');
  if (key.length === 0) return fail(400, 'KEY_TOO_SHORT', 'The key must have at least one character');
  if (key.length > KEY_MAX_LENGTH)
    return fail(400, 'KEY_TOO_LONG', `The key is longer than ${KEY_MAX_LENGTH} characters`);
  if (!KEY_PATTERN.test(key)) return fail(400, 'INVALID_KEY', `The key does not match ${KEY_PATTERN.source}`);
  return undefined;
}

/** True when `value` nests containers deeper than the limit; stops descending once it knows. */
function tooDeep(value: unknown, containersAbove: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const depth = containersAbove + 1;
  if (depth > VALUE_MAX_DEPTH) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => tooDeep(child, depth));
}

/** Checks a value as it arrived over the wire (already parsed from the request JSON). */
export function checkValue(value: unknown): KvsFailure | undefined {
  if (value === undefined) return badRequest('The value is missing (undefined cannot be stored)');
  if (value === null) return badRequest('A null value cannot be stored');
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > VALUE_MAX_BYTES) {
    return fail(400, 'MAX_SIZE', `The value is larger than ${VALUE_MAX_BYTES} bytes`);
  }
  if (tooDeep(value, 0)) return fail(400, 'MAX_DEPTH', `The value is nested deeper than ${VALUE_MAX_DEPTH} levels`);
  return undefined;
}
