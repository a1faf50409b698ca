/**
 * Run-time shapes of an export bundle's parts, for the verifier: a file from disk promises nothing. Objects
 * are not strict: an extra field inside a receipt or statement changes its hash, which the verifier reports.
 */
import { z } from 'zod';
import { PRODUCTS } from '../../src/domain/product';
import { RECEIPT_SCHEMA } from '../../src/domain/receipts/types';
import { MAX_RECEIPTS, MAX_STATEMENTS } from './limits';

const text = z.string();
const seq = z.number().int().min(1);

const notice = z.object({ statementId: text, version: z.number().int().min(1), hash: text, effectiveDate: text });

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
  z.object({
    ...receiptBase,
    kind: z.literal('acknowledgment'),
    method: z.literal('admin-page-button'),
    subject: z.object({ commitment: text, saltDigest: text.optional() }),
    shown: z.optional(
      z.object({
        locale: text,
        hash: text,
        translates: z.object({ version: z.number().int().min(1), hash: text }),
      }),
    ),
  }),
  z.object({ ...receiptBase, kind: z.enum(['app-installed', 'app-upgraded']), appVersion: text }),
  z.object({
    ...receiptBase,
    kind: z.literal('account-erased'),
    reason: z.literal('account-closed'),
    erasedSeqs: z.array(seq),
  }),
]);

export const storedReceiptSchema = z.object({ receipt: receiptSchema, accountId: z.string().min(1).nullable() });

export const bundleStatementSchema = z.object({
  source: z.object({ id: text, version: z.number().int().min(1), effectiveDate: text }),
  hash: text,
});

export const bundleTranslationSchema = z.object({
  source: z.object({
    locale: text,
    translates: z.object({ version: z.number().int().min(1), hash: text }),
  }),
  hash: text,
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hexadecimal characters' });

/** The bundle's top level; `statements` and `receipts` are checked element by element. */
export const bundleTopSchema = z.object({
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' }),
  installation: text.min(1),
  product: z.enum(PRODUCTS),
  salt: z.string().min(1).nullable(),
  statements: z.array(z.unknown()).max(MAX_STATEMENTS),
  /** Versions kept although no receipt references them (a vendor's full published history); absent in 0.1.x. */
  statementsForHistory: z.array(z.number().int().min(1)).max(MAX_STATEMENTS).optional(),
  translations: z.optional(z.array(z.unknown()).max(MAX_STATEMENTS)),
  receipts: z.array(z.unknown()).max(MAX_RECEIPTS),
  chain: z.object({ length: z.number().int().min(0), headHash: hex64 }),
  checksum: hex64,
});

/** `a.b[2].c` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path);
    const where = prefix && path ? `${prefix}${path.startsWith('[') ? '' : '.'}${path}` : prefix || path;
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
