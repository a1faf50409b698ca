/**
 * Run-time schemas of every payload: the types in contract.ts promise nothing about what a client sends.
 * valibot, as for the stored records (src/domain/storage/stored-shapes.ts): the packed runtime keeps only the checks it uses
 * (esbuild tree-shakes it, scripts/package-runtime.ts); Forge's own webpack keeps it whole (it does not minify).
 */
import * as v from 'valibot';
import {
  HISTORY_PAGE_DEFAULT,
  HISTORY_PAGE_MAX,
  type AcknowledgePayload,
  type ListAcknowledgmentsPayload,
} from '../contract';
import { SHA256_HEX } from '../domain/canonical';
import { ResolverError } from './errors';

const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const version = wholeNumber(1, 999_999);

const hash = v.pipe(
  v.string('must be a string'),
  v.regex(SHA256_HEX, 'must be 64 lowercase hexadecimal characters (a SHA-256)'),
);

const cursor = v.optional(
  v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(1000, 'must be at most 1000 characters'),
  ),
);

const isoDay = v.pipe(
  v.string('must be a string'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'must be a real calendar date',
  ),
);

/** A BCP 47 tag as Forge reports locales (`de-DE`, `en_US`); display only, never trusted for anything else. */
const locale = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/, 'must be a locale such as de-DE'),
);

/** An IANA time zone name as the product reports it (`Europe/Berlin`, `UTC`); Intl decides whether it is known. */
const timeZone = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, 'must be a time zone such as Europe/Berlin'),
);

const formats = v.strictObject(
  { locale, timeZone },
  'must be an object with the locale and time zone to format the first screen in',
);

const shown = v.strictObject({ locale, hash }, 'must be an object with the locale and hash of the translation shown');

export const acknowledgeSchema = v.strictObject(
  { version, hash, shown: v.optional(shown) },
  'must be an object with version and hash',
);
export const disclosureSchema = v.strictObject(
  { locale: v.optional(locale), formats: v.optional(formats) },
  'must be an object',
);
export const listSchema = v.strictObject(
  { cursor, limit: v.optional(wholeNumber(1, HISTORY_PAGE_MAX)) },
  'must be an object',
);
export const emptySchema = v.strictObject({}, 'must be empty');
export const diffSchema = v.strictObject(
  { from: version, to: version, locale: v.optional(locale) },
  'must be an object with from and to',
);
export const exportSchema = v.strictObject({ cursor }, 'must be an object');
export const inForceSchema = v.strictObject({ date: isoDay }, 'must be an object with a date');

/** Parses or throws INVALID_INPUT naming the first field at fault and the rule it broke; nothing else runs. */
function parse<S extends v.GenericSchema>(schema: S, payload: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, payload, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).join('.') || 'payload';
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
    throw new ResolverError('INVALID_INPUT', `${field}: unknown field; this call accepts no such field`, field);
  }
  // A required field that is absent: valibot reports it on the object, with the field as its path.
  if (issue.input === undefined && issue.path?.at(-1)?.origin === 'key') {
    throw new ResolverError('INVALID_INPUT', `${field}: is required`, field);
  }
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
