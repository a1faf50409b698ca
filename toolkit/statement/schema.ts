/**
 * The zod schemas of what a vendor writes (policy/statement.yml), of a published snapshot
 * (policy/versions/v<N>.json, a `StatementSource`) and of the lock (policy/published.lock.json).
 * Every object is `.strict()`: an unknown field is an error, never silently dropped. Refinements carry
 * their rule id in `params.rule` so each failure maps to its own problem (see issues.ts).
 */
import { z } from 'zod';
import type { RuleId } from './problems';
import type { StatementFacts, StatementSource } from '../../src/domain/statement/types';

function check<T extends z.ZodType>(schema: T, ok: (value: z.output<T>) => boolean, rule: RuleId, message: string): T {
  return schema.refine(ok, { error: message, params: { rule } });
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A host name, optionally with a leading `*.` wildcard (as Forge egress permits); no scheme, port or path. */
export const EGRESS_DOMAIN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const SECTION_FILE = /^sections\/[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const emailFormat = z.email();
export function isEmail(value: string): boolean {
  return emailFormat.safeParse(value).success;
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const text = check(z.string(), (v) => v.trim() !== '', 'empty-value', 'must not be empty');
const id = check(
  z.string(),
  (v) => KEBAB_ID.test(v),
  'id-invalid',
  'must be kebab-case: lowercase letters, digits and single hyphens',
);
const date = check(z.string(), isCalendarDate, 'date-invalid', 'must be a real date written YYYY-MM-DD');
const email = check(z.string(), isEmail, 'email-invalid', 'must be an email address');
const webUrl = check(z.string(), isWebUrl, 'url-invalid', 'must be an absolute https:// or http:// URL');
const days = check(
  z.number(),
  (v) => Number.isSafeInteger(v) && v >= 0,
  'value-out-of-range',
  'must be a whole number of days, 0 or more',
);
const nonEmptyList = <T extends z.ZodType>(item: T) =>
  check(z.array(item), (v) => v.length > 0, 'empty-value', 'must list at least one entry');

export const versionSchema = z.number().int().positive();
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const changeSchema = z
  .object({
    summary: text,
    materiality: z.enum(['material', 'editorial']),
  })
  .strict();

export const factsSchema = z
  .object({
    app: z.object({ name: text, summary: text }).strict(),
    vendor: z
      .object({ name: text, website: webUrl.optional(), address: text.optional(), country: text.optional() })
      .strict(),
    contact: z.object({ email, url: webUrl.optional() }).strict(),
    hosting: z.object({ model: z.enum(['forge', 'connect', 'data-center', 'server']), description: text }).strict(),
    dataStored: z.array(
      z
        .object({
          id,
          name: text,
          description: text,
          purpose: text,
          location: z.enum([
            'forge-hosted-storage',
            'atlassian-product',
            'vendor-infrastructure',
            'customer-infrastructure',
            'browser',
          ]),
          retention: text,
          personalData: z.boolean(),
        })
        .strict(),
    ),
    dataAccessed: z.array(z.object({ name: text, purpose: text }).strict()),
    egress: z.array(
      z
        .object({
          name: text,
          domain: check(
            z.string(),
            (v) => EGRESS_DOMAIN.test(v),
            'egress-domain-invalid',
            'must be a lowercase host name such as api.example.com (no scheme, port or path; a leading *. is allowed)',
          ),
          purpose: text,
          endUserData: z.boolean(),
        })
        .strict(),
    ),
    analytics: z.object({ collected: z.boolean(), description: text }).strict(),
    subProcessors: z.array(z.object({ name: text, purpose: text, country: text, url: webUrl.optional() }).strict()),
    logs: z.object({ endUserData: z.boolean(), storedOutsideAtlassian: z.boolean(), description: text }).strict(),
    dataResidency: z.object({ supported: z.boolean(), description: text }).strict(),
    uninstall: z.object({ description: text, deletedAfterDays: days.optional() }).strict(),
    vendorRecords: z
      .array(
        z
          .object({
            id,
            name: text,
            source: z.enum(['atlassian-marketplace', 'support', 'website', 'newsletter', 'other']),
            description: text,
            purpose: text,
            retention: text,
            personalData: z.boolean(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict() satisfies z.ZodType<StatementFacts>;

/** policy/statement.yml */
export const statementFileSchema = z
  .object({
    id,
    version: versionSchema,
    effectiveDate: date,
    change: changeSchema.optional(),
    facts: factsSchema,
    sections: nonEmptyList(
      z
        .object({
          id,
          title: text,
          file: check(
            z.string(),
            (v) => SECTION_FILE.test(v),
            'section-file-invalid',
            'must name a Markdown file directly in sections/, e.g. sections/overview.md',
          ),
        })
        .strict(),
    ),
  })
  .strict();

export type StatementFile = z.output<typeof statementFileSchema>;

/** policy/versions/v<N>.json: a published `StatementSource`, verbatim. */
export const sourceSchema = z
  .object({
    id,
    version: versionSchema,
    effectiveDate: date,
    change: changeSchema.nullable(),
    facts: factsSchema,
    sections: nonEmptyList(z.object({ id, title: text, markdown: z.string() }).strict()),
  })
  .strict() satisfies z.ZodType<StatementSource>;

export interface LockEntry {
  version: number;
  hash: string;
  effectiveDate: string;
}

/** policy/published.lock.json */
export const lockSchema = z
  .object({
    versions: z.array(z.object({ version: versionSchema, hash: hashSchema, effectiveDate: date }).strict()),
  })
  .strict() satisfies z.ZodType<{ versions: LockEntry[] }>;
