/**
 * The KVS service's HTTP surface as @forge/kvs 1.6.5 calls it: POST `/api/v1/<operation>` with a JSON body.
 * Success and error bodies follow out/storage-api.js and out/utils/error-handling.js of that client.
 */
import { emptyResponse, errorResponse, isRecord, jsonResponse, parseJsonBody } from './http';
import {
  BATCH_MAX_ITEMS,
  QUERY_DEFAULT_LIMIT,
  QUERY_MAX_LIMIT,
  TRANSACTION_MAX_OPERATIONS,
  badRequest,
  checkKey,
  checkValue,
  fail,
  type KvsFailure,
} from './kvs-limits';
import type { KvsStore, Namespace, StoredRecord } from './kvs-store';

/**
 * The answer to a FAIL_IF_EXISTS write on an existing key. Atlassian documents none (no code in the KVS
 * error tables, no test in @forge/kvs 1.6.5; see docs/receipts.md). The only form seen in public code is
 * 409 `KEY_CONFLICT`, so that is the default; `ForgeEmulatorOptions.kvs.conflict` sets any other shape, and
 * the app must treat every shape the same way (src/platform/kvs-store.ts re-reads the key).
 */
export const KEY_EXISTS_STATUS = 409;
export const KEY_EXISTS_CODE = 'KEY_CONFLICT';

/** What a FAIL_IF_EXISTS write on an existing key answers: a status and, unless `body` is a raw text, `{code, message}`. */
export interface ConflictAnswer {
  status: number;
  code: string;
  message: string;
  /** Answer this text instead of a JSON error body (a shape @forge/kvs reports as UNKNOWN_ERROR). */
  rawText?: string;
}

export const DEFAULT_CONFLICT_ANSWER: ConflictAnswer = {
  status: KEY_EXISTS_STATUS,
  code: KEY_EXISTS_CODE,
  message: 'The key already exists and keyPolicy is FAIL_IF_EXISTS',
};

/**
 * The largest query `limit` accepted. Atlassian's reference says both "up to a maximum of 20" (its code
 * sample) and "a maximum of 100" (its prose), and its error table "Limit for list query should be below
 * 100": 20, 99 and 100 are the three readings.
 */
export type QueryLimitReading = 20 | 99 | 100;

export interface KvsRequestContext {
  store: KvsStore;
  installContext: string;
  nowMs: number;
  queryLimitMax?: QueryLimitReading;
  conflict?: ConflictAnswer;
}

export interface KvsOutcome {
  response: Response;
  /** True when stored state changed (the caller then persists). */
  mutated: boolean;
}

/** The counter name of a KVS path: '/api/v1/batch/set' → 'kvs.batchSet', '/api/v1/secret/get' → 'kvs.secret.get'. */
export function kvsCounterName(path: string): string {
  const op = path.replace(/^\/api\/v1\//, '').split('?')[0] ?? '';
  const named: Record<string, string> = {
    get: 'kvs.get',
    set: 'kvs.set',
    delete: 'kvs.delete',
    query: 'kvs.query',
    'batch/set': 'kvs.batchSet',
    'batch/get': 'kvs.batchGet',
    'batch/delete': 'kvs.batchDelete',
    transaction: 'kvs.transaction',
    'secret/get': 'kvs.secret.get',
    'secret/set': 'kvs.secret.set',
    'secret/delete': 'kvs.secret.delete',
  };
  return named[op] ?? (op.startsWith('entity/') ? `kvs.entity.${op.slice('entity/'.length)}` : 'kvs.unknown');
}

const failure = (f: KvsFailure): KvsOutcome => ({
  response: errorResponse(f.status, f.code, f.message),
  mutated: false,
});
const ok = (response: Response, mutated = false): KvsOutcome => ({ response, mutated });

const TTL_UNIT_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 };
const TTL_MAX_SECONDS = 365 * 86400;
const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
type MetadataField = (typeof METADATA_FIELDS)[number];

/** Reads `options.ttl`; returns the expiry time (ISO) or a failure. */
function readTtl(options: Record<string, unknown>, nowMs: number): { expireTime?: string } | KvsFailure {
  const ttl = options['ttl'];
  if (ttl === undefined) return {};
  if (!isRecord(ttl)) return badRequest('ttl must be an object { value, unit }');
  const unitSeconds = typeof ttl['unit'] === 'string' ? TTL_UNIT_SECONDS[ttl['unit']] : undefined;
  const value = ttl['value'];
  if (unitSeconds === undefined || typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return badRequest('ttl needs a positive integer value and a unit of SECONDS, MINUTES, HOURS or DAYS');
  }
  if (value * unitSeconds > TTL_MAX_SECONDS) return badRequest('ttl may not exceed one year');
  return { expireTime: new Date(nowMs + value * unitSeconds * 1000).toISOString() };
}

function isFailure(x: unknown): x is KvsFailure {
  return isRecord(x) && typeof x['code'] === 'string' && typeof x['status'] === 'number';
}

function readMetadataFields(options: unknown): MetadataField[] | KvsFailure {
  if (!isRecord(options) || options['metadataFields'] === undefined) return [];
  const fields = options['metadataFields'];
  if (
    !Array.isArray(fields) ||
    !fields.every((f): f is MetadataField => (METADATA_FIELDS as readonly unknown[]).includes(f))
  ) {
    return badRequest('metadataFields may only contain CREATED_AT, UPDATED_AT and EXPIRE_TIME');
  }
  return fields;
}

/** A stored record as the service returns it; metadata only where asked for (`undefined` = all). */
function present(key: string, record: StoredRecord, fields?: MetadataField[]): Record<string, unknown> {
  const out: Record<string, unknown> = { key, value: JSON.parse(record.json) as unknown };
  const want = (f: MetadataField): boolean => fields === undefined || fields.includes(f);
  if (want('CREATED_AT')) out['createdAt'] = record.createdAt;
  if (want('UPDATED_AT')) out['updatedAt'] = record.updatedAt;
  if (want('EXPIRE_TIME') && record.expireTime !== undefined) out['expireTime'] = record.expireTime;
  return out;
}

function handleGet(c: KvsRequestContext, ns: Namespace, body: unknown): KvsOutcome {
  if (!isRecord(body)) return failure(badRequest('The body must be an object'));
  const keyError = checkKey(body['key']);
  if (keyError) return failure(keyError);
  const fields = readMetadataFields(body['options']);
  if (isFailure(fields)) return failure(fields);
  const record = c.store.read(c.installContext, ns, body['key'] as string);
  if (!record) return failure(fail(404, 'KEY_NOT_FOUND', 'Provided key does not exist'));
  return ok(jsonResponse(200, present(body['key'] as string, record)));
}

function handleSet(c: KvsRequestContext, ns: Namespace, body: unknown): KvsOutcome {
  if (!isRecord(body)) return failure(badRequest('The body must be an object'));
  const keyError = checkKey(body['key']) ?? checkValue(body['value']);
  if (keyError) return failure(keyError);
  const key = body['key'] as string;
  const options = body['options'] ?? {};
  if (!isRecord(options)) return failure(badRequest('options must be an object'));
  const keyPolicy = options['keyPolicy'] ?? 'OVERRIDE';
  if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS')
    return failure(badRequest('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS'));
  const returnValue = options['returnValue'];
  if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') {
    return failure(badRequest('returnValue must be PREVIOUS or LATEST'));
  }
  if (returnValue !== undefined && keyPolicy !== 'OVERRIDE')
    return failure(badRequest('returnValue requires keyPolicy OVERRIDE'));
  const returnFields = readMetadataFields({ metadataFields: options['returnMetadataFields'] });
  if (isFailure(returnFields)) return failure(returnFields);
  const ttl = readTtl(options, c.nowMs);
  if (isFailure(ttl)) return failure(ttl);

  if (keyPolicy === 'FAIL_IF_EXISTS' && c.store.has(c.installContext, ns, key)) {
    const answer = c.conflict ?? DEFAULT_CONFLICT_ANSWER;
    if (answer.rawText !== undefined)
      return { response: new Response(answer.rawText, { status: answer.status }), mutated: false };
    return failure(fail(answer.status, answer.code, answer.message));
  }
  const { previous, current } = c.store.write(
    c.installContext,
    ns,
    key,
    JSON.stringify(body['value']),
    c.nowMs,
    ttl.expireTime,
  );
  if (returnValue === 'LATEST') return ok(jsonResponse(200, present(key, current)), true);
  if (returnValue === 'PREVIOUS' && previous) return ok(jsonResponse(200, present(key, previous)), true);
  return ok(emptyResponse(204), true);
}

function handleDelete(c: KvsRequestContext, ns: Namespace, body: unknown): KvsOutcome {
  if (!isRecord(body)) return failure(badRequest('The body must be an object'));
  const keyError = checkKey(body['key']);
  if (keyError) return failure(keyError);
  // Deleting a missing key succeeds, as documented.
  const existed = c.store.remove(c.installContext, ns, body['key'] as string);
  return ok(emptyResponse(204), existed);
}

const CURSOR_PREFIX = 'emu1:';
const encodeCursor = (lastKey: string): string => Buffer.from(CURSOR_PREFIX + lastKey, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : undefined;
}

function handleQuery(c: KvsRequestContext, body: unknown): KvsOutcome {
  if (!isRecord(body)) return failure(badRequest('The body must be an object'));
  let prefix = '';
  const where = body['where'];
  if (where !== undefined) {
    if (!Array.isArray(where) || where.length !== 1)
      return failure(fail(400, 'QUERY_WHERE_INVALID', 'KVS queries take exactly one where clause'));
    const clause: unknown = where[0];
    if (!isRecord(clause) || clause['property'] !== 'key')
      return failure(fail(400, 'QUERY_WHERE_FIELD_INVALID', 'Only the key can be filtered'));
    if (clause['condition'] !== 'BEGINS_WITH')
      return failure(fail(400, 'INVALID_FILTER_CONDITION', 'KVS queries support only BEGINS_WITH'));
    const values = clause['values'];
    if (
      !Array.isArray(values) ||
      values.length !== 1 ||
      (typeof values[0] !== 'string' && typeof values[0] !== 'number')
    ) {
      return failure(fail(400, 'INVALID_FILTER_VALUES', 'BEGINS_WITH takes exactly one string value'));
    }
    prefix = String(values[0]);
  }
  const limit = body['limit'] ?? QUERY_DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    return failure(badRequest('limit must be a positive integer'));
  const max = c.queryLimitMax ?? QUERY_MAX_LIMIT;
  if (limit > max) {
    const rule = max === 99 ? 'below 100' : `at most ${max}`;
    return failure(fail(400, 'LIST_QUERY_LIMIT_EXCEEDED', `Limit for list query should be ${rule}.`));
  }
  let after: string | undefined;
  if (body['after'] !== undefined) {
    after = typeof body['after'] === 'string' ? decodeCursor(body['after']) : undefined;
    if (after === undefined) return failure(badRequest('The cursor is not valid'));
  }
  const fields = readMetadataFields(body['options']);
  if (isFailure(fields)) return failure(fields);

  const matching = c.store.keysFrom(c.installContext, 'data', prefix, after, limit + 1);
  const page = matching.slice(0, limit);
  const data = page.map((k) => present(k, c.store.read(c.installContext, 'data', k) as StoredRecord, fields));
  const last = page[page.length - 1];
  const response: Record<string, unknown> = { data };
  if (matching.length > limit && last !== undefined) response['cursor'] = encodeCursor(last);
  return ok(jsonResponse(200, response));
}

interface BatchItem {
  key: string;
  entityName?: string;
  value?: unknown;
  options?: unknown;
}

/** Whole-batch checks: an array of 1..25 objects, no key repeated. */
function readBatch(body: unknown): BatchItem[] | KvsFailure {
  if (!Array.isArray(body)) return badRequest('The body must be an array of items');
  if (body.length === 0) return badRequest('A batch needs at least one item');
  if (body.length > BATCH_MAX_ITEMS) return badRequest(`A batch takes at most ${BATCH_MAX_ITEMS} items`);
  const seen = new Set<string>();
  for (const item of body) {
    if (!isRecord(item) || typeof item['key'] !== 'string') return badRequest('Each batch item needs a string key');
    const id = `${typeof item['entityName'] === 'string' ? item['entityName'] : ''}\u0000${item['key']}`;
    if (seen.has(id)) return badRequest(`The key "${item['key']}" appears more than once in the batch`);
    seen.add(id);
  }
  return body as BatchItem[];
}

type ItemError = { key: string; entityName?: string; error: { code: string; message: string } };
const itemError = (item: BatchItem, f: KvsFailure): ItemError => ({
  key: item.key,
  ...(item.entityName !== undefined ? { entityName: item.entityName } : {}),
  error: { code: f.code, message: f.message },
});
const ENTITIES_UNSUPPORTED = badRequest('Custom entities are not emulated');

/** Per-item checks of a batch write; returns the expiry time or the item's failure. */
function prepareBatchWrite(item: BatchItem, nowMs: number): { expireTime?: string } | KvsFailure {
  if (item.entityName !== undefined) return ENTITIES_UNSUPPORTED;
  const problem = checkKey(item.key) ?? checkValue(item.value);
  if (problem) return problem;
  const options = item.options ?? {};
  if (!isRecord(options)) return badRequest('options must be an object');
  return readTtl(options, nowMs);
}

function handleBatchSet(c: KvsRequestContext, body: unknown): KvsOutcome {
  const items = readBatch(body);
  if (isFailure(items)) return failure(items);
  const successfulKeys: Array<{ key: string }> = [];
  const failedKeys: ItemError[] = [];
  for (const item of items) {
    const prepared = prepareBatchWrite(item, c.nowMs);
    if (isFailure(prepared)) {
      failedKeys.push(itemError(item, prepared));
      continue;
    }
    c.store.write(c.installContext, 'data', item.key, JSON.stringify(item.value), c.nowMs, prepared.expireTime);
    successfulKeys.push({ key: item.key });
  }
  return ok(jsonResponse(200, { successfulKeys, failedKeys }), successfulKeys.length > 0);
}

function handleBatchGet(c: KvsRequestContext, body: unknown): KvsOutcome {
  const items = readBatch(body);
  if (isFailure(items)) return failure(items);
  const successfulKeys: Array<Record<string, unknown>> = [];
  const failedKeys: ItemError[] = [];
  for (const item of items) {
    const fields = readMetadataFields(item.options);
    const problem =
      (item.entityName !== undefined ? ENTITIES_UNSUPPORTED : undefined) ??
      checkKey(item.key) ??
      (isFailure(fields) ? fields : undefined);
    if (problem) {
      failedKeys.push(itemError(item, problem));
      continue;
    }
    const record = c.store.read(c.installContext, 'data', item.key);
    if (!record) failedKeys.push(itemError(item, fail(404, 'KEY_NOT_FOUND', 'Key does not exist')));
    else successfulKeys.push(present(item.key, record, fields as MetadataField[]));
  }
  return ok(jsonResponse(200, { successfulKeys, failedKeys }));
}

function handleBatchDelete(c: KvsRequestContext, body: unknown): KvsOutcome {
  const items = readBatch(body);
  if (isFailure(items)) return failure(items);
  const successfulKeys: Array<{ key: string }> = [];
  const failedKeys: ItemError[] = [];
  for (const item of items) {
    const problem = (item.entityName !== undefined ? ENTITIES_UNSUPPORTED : undefined) ?? checkKey(item.key);
    if (problem) failedKeys.push(itemError(item, problem));
    else if (c.store.remove(c.installContext, 'data', item.key)) successfulKeys.push({ key: item.key });
    else failedKeys.push(itemError(item, fail(404, 'KEY_NOT_FOUND', 'Key does not exist')));
  }
  return ok(jsonResponse(200, { successfulKeys, failedKeys }), successfulKeys.length > 0);
}

function handleTransaction(c: KvsRequestContext, body: unknown): KvsOutcome {
  if (!isRecord(body)) return failure(badRequest('The body must be an object'));
  const sets = body['set'] ?? [];
  const deletes = body['delete'] ?? [];
  if (body['check'] !== undefined)
    return failure(badRequest('Transaction checks apply to custom entities, which are not emulated'));
  if (!Array.isArray(sets) || !Array.isArray(deletes)) return failure(badRequest('set and delete must be arrays'));
  const total = sets.length + deletes.length;
  if (total === 0) return failure(badRequest('A transaction needs at least one operation'));
  if (total > TRANSACTION_MAX_OPERATIONS)
    return failure(badRequest(`A transaction takes at most ${TRANSACTION_MAX_OPERATIONS} operations`));

  // Validate everything first: a transaction is all-or-nothing.
  const seen = new Set<string>();
  const writes: Array<{ key: string; json: string; expireTime?: string }> = [];
  for (const op of [...(sets as unknown[]), ...(deletes as unknown[])]) {
    if (!isRecord(op)) return failure(badRequest('Each operation must be an object'));
    if (op['entityName'] !== undefined || op['conditions'] !== undefined) return failure(ENTITIES_UNSUPPORTED);
    const keyError = checkKey(op['key']);
    if (keyError) return failure(keyError);
    const key = op['key'] as string;
    if (seen.has(key)) return failure(badRequest(`The key "${key}" appears more than once in the transaction`));
    seen.add(key);
  }
  for (const op of sets as Array<Record<string, unknown>>) {
    const valueError = checkValue(op['value']);
    if (valueError) return failure(valueError);
    const options = op['options'] ?? {};
    if (!isRecord(options)) return failure(badRequest('options must be an object'));
    if (options['keyPolicy'] !== undefined || options['returnValue'] !== undefined) {
      return failure(badRequest('Transactions take only a ttl option'));
    }
    const ttl = readTtl(options, c.nowMs);
    if (isFailure(ttl)) return failure(ttl);
    writes.push({ key: op['key'] as string, json: JSON.stringify(op['value']), ...ttl });
  }
  for (const w of writes) c.store.write(c.installContext, 'data', w.key, w.json, c.nowMs, w.expireTime);
  for (const op of deletes as Array<Record<string, unknown>>)
    c.store.remove(c.installContext, 'data', op['key'] as string);
  return ok(emptyResponse(204), true);
}

/** Answers one KVS call. Unknown operations get 404 with a `{code, message}` body. */
export function handleKvsRequest(c: KvsRequestContext, path: string, rawBody: unknown): KvsOutcome {
  const parsed = parseJsonBody(rawBody);
  if (!parsed.ok) return failure(badRequest('The request body must be JSON'));
  const body = parsed.value;
  switch (path) {
    case '/api/v1/get':
      return handleGet(c, 'data', body);
    case '/api/v1/set':
      return handleSet(c, 'data', body);
    case '/api/v1/delete':
      return handleDelete(c, 'data', body);
    case '/api/v1/query':
      return handleQuery(c, body);
    case '/api/v1/batch/set':
      return handleBatchSet(c, body);
    case '/api/v1/batch/get':
      return handleBatchGet(c, body);
    case '/api/v1/batch/delete':
      return handleBatchDelete(c, body);
    case '/api/v1/transaction':
      return handleTransaction(c, body);
    case '/api/v1/secret/get':
      return handleGet(c, 'secret', body);
    case '/api/v1/secret/set':
      return handleSet(c, 'secret', body);
    case '/api/v1/secret/delete':
      return handleDelete(c, 'secret', body);
    default:
      if (path.startsWith('/api/v1/entity/')) return failure(ENTITIES_UNSUPPORTED);
      return failure(fail(404, 'NOT_FOUND', `The emulator has no KVS operation at ${path}`));
  }
}
