/**
 * Run-time shapes of an export bundle's parts, for the verifier: a file from disk promises nothing. Every
 * object is strict (an unknown field is an error with its path) except a statement's or translation's
 * `source`, which its hash covers whole (and `--lock` pins).
 */
import { z } from 'zod';
import { clip } from './clip';
import type { ProblemCode } from './codes';
import { PRODUCTS } from '../../src/domain/product';
import { RECEIPT_SCHEMA } from '../../src/domain/receipts/types';
import { MAX_RECEIPTS, MAX_STATEMENTS } from './limits';
import { jsonPath } from './strict-json';

const text = z.string();
const seq = z.number().int().min(1);

const notice = z.strictObject({ statementId: text, version: z.number().int().min(1), hash: text, effectiveDate: text });

const receiptBase = {
  schema: z.literal(RECEIPT_SCHEMA),
  seq,
  receiptId: text,
  notice,
  product: z.enum(PRODUCTS),
  installation: text,
  at: text,
  prevHash: text,
  hash: text,
};

export const receiptSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...receiptBase,
    kind: z.literal('acknowledgment'),
    method: z.literal('admin-page-button'),
    subject: z.strictObject({ commitment: text, saltDigest: text.optional() }),
    shown: z.optional(
      z.strictObject({
        locale: text,
        hash: text,
        translates: z.strictObject({ version: z.number().int().min(1), hash: text }),
      }),
    ),
  }),
  z.strictObject({ ...receiptBase, kind: z.enum(['app-installed', 'app-upgraded']), appVersion: text }),
  z.strictObject({
    ...receiptBase,
    kind: z.literal('account-erased'),
    reason: z.literal('account-closed'),
    erasedSeqs: z.array(seq),
  }),
]);

export const storedReceiptSchema = z.strictObject({ receipt: receiptSchema, accountId: z.string().min(1).nullable() });

export const bundleStatementSchema = z.strictObject({
  source: z.looseObject({ id: text, version: z.number().int().min(1), effectiveDate: text }),
  hash: text,
});

export const bundleTranslationSchema = z.strictObject({
  source: z.looseObject({
    locale: text,
    translates: z.strictObject({ version: z.number().int().min(1), hash: text }),
  }),
  hash: text,
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hexadecimal characters' });

/** The bundle's top level; `statements` and `receipts` are checked element by element. */
export const bundleTopSchema = z.strictObject({
  format: z.string(),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' }),
  installation: text.min(1),
  product: z.enum(PRODUCTS),
  salt: z.string().min(1).nullable(),
  statements: z.array(z.unknown()).max(MAX_STATEMENTS),
  /** Versions kept although no receipt references them (a vendor's full published history); absent in 0.1.x. */
  statementsForHistory: z.array(z.number().int().min(1)).max(MAX_STATEMENTS).optional(),
  translations: z.optional(z.array(z.unknown()).max(MAX_STATEMENTS)),
  receipts: z.array(z.unknown()).max(MAX_RECEIPTS),
  chain: z.strictObject({ length: z.number().int().min(0), headHash: hex64 }),
  checksum: hex64,
});

export interface ShapeIssue {
  /** JSON path, e.g. `receipts[3].receipt.seq`; empty for the value itself. */
  path: string;
  code: Extract<ProblemCode, 'PPV-JSON-UNKNOWN-FIELD' | 'PPV-SHAPE'>;
  message: string;
}

/** `prefix` + the issue's path, e.g. `receipts[3]` + `.receipt.seq`. */
function joinPath(prefix: string, parts: readonly PropertyKey[]): string {
  const tail = jsonPath(parts.map((part) => (typeof part === 'number' ? part : String(part))));
  if (!prefix) return tail;
  return tail === '' || tail.startsWith('[') ? `${prefix}${tail}` : `${prefix}.${tail}`;
}

/** A zod error as issues with JSON paths; unknown fields one issue each, their names clipped. */
export function shapeIssues(error: z.ZodError, prefix = ''): ShapeIssue[] {
  return error.issues.flatMap((issue): ShapeIssue[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: joinPath(prefix, [...issue.path, key]),
        code: 'PPV-JSON-UNKNOWN-FIELD',
        message: 'unknown field (the format has no such field)',
      }));
    return [{ path: joinPath(prefix, issue.path), code: 'PPV-SHAPE', message: clip(issue.message, 200) }];
  });
}
