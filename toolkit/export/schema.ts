/**
 * Run-time shapes of an export bundle's parts, for the verifier: a file from disk promises nothing. Every
 * object is strict (an unknown field is an error with its path) except a statement's or translation's
 * `source`, which its hash covers whole (and `--lock` pins). A receipt is read with the one receipt schema
 * (src/domain/receipts/types.ts), strict as it is written there.
 */
import * as v from 'valibot';
import { clip } from './clip';
import type { ProblemCode } from './codes';
import { PRODUCTS } from '../../src/domain/product';
import { hex64 } from '../statement/lock-schema';
import { MAX_RECEIPTS, MAX_STATEMENTS } from './limits';
import { jsonPath } from './strict-json';

export { receiptSchema, storedReceiptSchema } from '../../src/domain/receipts/types';

const text = v.string();
const version = v.pipe(v.number(), v.integer(), v.minValue(1));
const translates = v.strictObject({ version, hash: text });

export const bundleStatementSchema = v.strictObject({
  source: v.looseObject({ id: text, version, effectiveDate: text }),
  hash: text,
});

export const bundleTranslationSchema = v.strictObject({
  source: v.looseObject({ locale: text, translates }),
  hash: text,
});

/** The bundle's top level; `statements` and `receipts` are checked element by element. */
export const bundleTopSchema = v.strictObject({
  format: v.string(),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date and time')),
  installation: v.pipe(text, v.minLength(1)),
  product: v.picklist(PRODUCTS),
  salt: v.nullable(v.pipe(v.string(), v.minLength(1))),
  statements: v.pipe(v.array(v.unknown()), v.maxLength(MAX_STATEMENTS)),
  /** Versions kept although no receipt references them (a vendor's full published history). */
  statementsForHistory: v.optional(v.pipe(v.array(version), v.maxLength(MAX_STATEMENTS))),
  translations: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(MAX_STATEMENTS))),
  receipts: v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECEIPTS)),
  chain: v.strictObject({ length: v.pipe(v.number(), v.integer(), v.minValue(0)), headHash: hex64 }),
  checksum: hex64,
});

export interface ShapeIssue {
  /** JSON path, e.g. `receipts[3].receipt.seq`; empty for the value itself. */
  path: string;
  code: Extract<ProblemCode, 'PPV-JSON-UNKNOWN-FIELD' | 'PPV-SHAPE'>;
  message: string;
}

type Issue = v.BaseIssue<unknown>;

/** `prefix` + the issue's path, e.g. `receipts[3]` + `.receipt.seq`. */
function joinPath(prefix: string, issue: Issue): string {
  const parts = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
  const tail = jsonPath(parts);
  if (!prefix) return tail;
  return tail === '' || tail.startsWith('[') ? `${prefix}${tail}` : `${prefix}.${tail}`;
}

/** What kind of JSON value `value` is, never the value itself: the file may hold anything. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** The rule an issue broke, in words: a schema's expectation and the kind received, or a check's message. */
function ruleText(issue: Issue): string {
  if (issue.kind === 'schema') return `expected ${issue.expected ?? issue.type}, received ${kindOf(issue.input)}`;
  return issue.message;
}

/** A strict object's unknown field: valibot reports it as a key that was expected never to be there. */
const isUnknownField = (issue: Issue): boolean => issue.type === 'strict_object' && issue.expected === 'never';

/** True when a list was longer than the format allows: its entries are not looked at one by one. */
export const isTooMany = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.type === 'max_length');

/** Issues with JSON paths; unknown fields one issue each, their names clipped. */
export function shapeIssues(issues: readonly Issue[], prefix = ''): ShapeIssue[] {
  return issues.map((issue): ShapeIssue => {
    if (isUnknownField(issue))
      return {
        path: joinPath(prefix, issue),
        code: 'PPV-JSON-UNKNOWN-FIELD',
        message: 'unknown field (the format has no such field)',
      };
    return { path: joinPath(prefix, issue), code: 'PPV-SHAPE', message: clip(ruleText(issue), 200) };
  });
}
