/**
 * Run-time schemas of every payload: the types in contract.ts promise nothing about what a client sends.
 * zod/mini (the tree-shakable form of zod 4) keeps the function bundle small.
 */
import * as z from 'zod/mini';
import {
  HISTORY_PAGE_DEFAULT,
  HISTORY_PAGE_MAX,
  type AcknowledgePayload,
  type ListAcknowledgmentsPayload,
} from '../contract';
import { SHA256_HEX } from '../domain/canonical';
import { ResolverError } from './errors';

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.int({ error: 'must be a whole number' }),
      z.minimum(min, { error: `must be at least ${min}` }),
      z.maximum(max, { error: `must be at most ${max}` }),
    );

const version = wholeNumber(1, 999_999);

const hash = z
  .string({ error: 'must be a string' })
  .check(z.regex(SHA256_HEX, { error: 'must be 64 lowercase hexadecimal characters (a SHA-256)' }));

const cursor = z.optional(
  z
    .string({ error: 'must be a string' })
    .check(
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(1000, { error: 'must be at most 1000 characters' }),
    ),
);

const isoDay = z.string({ error: 'must be a string' }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' }),
  z.refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    {
      error: 'must be a real calendar date',
    },
  ),
);

/** A BCP 47 tag as Forge reports locales (`de-DE`, `en_US`); display only, never trusted for anything else. */
const locale = z
  .string({ error: 'must be a string' })
  .check(z.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/, { error: 'must be a locale such as de-DE' }));

const shown = z.strictObject(
  { locale, hash },
  { error: 'must be an object with the locale and hash of the translation shown' },
);

export const acknowledgeSchema = z.strictObject(
  { version, hash, shown: z.optional(shown) },
  { error: 'must be an object with version and hash' },
);
export const disclosureSchema = z.strictObject({ locale: z.optional(locale) }, { error: 'must be an object' });
export const listSchema = z.strictObject(
  { cursor, limit: z.optional(wholeNumber(1, HISTORY_PAGE_MAX)) },
  { error: 'must be an object' },
);
export const emptySchema = z.strictObject({}, { error: 'must be empty' });
export const diffSchema = z.strictObject(
  { from: version, to: version, locale: z.optional(locale) },
  { error: 'must be an object with from and to' },
);
export const exportSchema = z.strictObject({ cursor }, { error: 'must be an object' });
export const inForceSchema = z.strictObject({ date: isoDay }, { error: 'must be an object with a date' });

/** Parses or throws INVALID_INPUT naming the first field at fault and the rule it broke; nothing else runs. */
function parse<S extends z.ZodMiniType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ResolverError('INVALID_INPUT', 'payload: does not match this call', 'payload');
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    throw new ResolverError('INVALID_INPUT', `${key}: unknown field; this call accepts no such field`, key);
  }
  const field = issue.path.map(String).join('.') || 'payload';
  throw new ResolverError('INVALID_INPUT', `${field}: ${issue.message}`, field);
}

/** Forge sends `{}` or nothing for a call without arguments. */
export const parseDisclosure = (payload: unknown) => parse(disclosureSchema, payload ?? {});

export function parseEmpty(payload: unknown): void {
  if (payload === undefined || payload === null) return;
  parse(emptySchema, payload);
}

export function parseAcknowledge(payload: unknown): AcknowledgePayload {
  return parse(acknowledgeSchema, payload);
}

export function parseList(
  payload: unknown,
): Required<Pick<ListAcknowledgmentsPayload, 'limit'>> & ListAcknowledgmentsPayload {
  const parsed = parse(listSchema, payload ?? {});
  return { ...parsed, limit: parsed.limit ?? HISTORY_PAGE_DEFAULT };
}

export const parseDiff = (payload: unknown) => parse(diffSchema, payload);
export const parseExport = (payload: unknown) => parse(exportSchema, payload ?? {});
export const parseInForce = (payload: unknown) => parse(inForceSchema, payload);
