/**
 * The zod schemas of what a vendor writes (policy/statement.yml), of a published snapshot
 * (policy/versions/v<N>.json, a `StatementSource`) and of the lock (policy/published.lock.json).
 * Every object is `.strict()`: an unknown field is an error, never silently dropped. Refinements carry
 * their rule id in `params.rule` so each failure maps to its own problem (see issues.ts).
 */
export { EGRESS_DOMAIN, ISO_DATE, isCalendarDate, isEmail, isWebUrl, KEBAB_ID } from './schema-parts';
import { z } from 'zod';
import {
  categoryFields,
  check,
  date,
  days,
  email,
  EGRESS_DOMAIN,
  hostingModel,
  id,
  nonEmptyList,
  SECTION_FILE,
  text,
  vendorSchema,
  webUrl,
} from './schema-parts';
import { upgradeFactsV1 } from '../../src/domain/statement/facts';
import {
  NOT_STATED,
  SOURCE_FORMAT,
  type CurrentStatementSource,
  type StatementFacts,
  type StatementSource,
} from '../../src/domain/statement/types';
import type { LegacyStatementSource } from '../../src/domain/statement/types-v1';
import { factsSchemaV1 } from './schema-v1';

export const versionSchema = z.number().int().positive();
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const changeSchema = z
  .object({
    summary: text,
    materiality: z.enum(['material', 'editorial']),
  })
  .strict();

const notStated = z.literal(NOT_STATED);
const orNotStated = <T extends z.ZodType>(schema: T, what: string) =>
  z.union([notStated, schema], { error: `must be ${what}, or not-stated` });
const yesNo = z.union([z.boolean(), notStated], { error: 'must be true, false or not-stated' });
const retention = z.union(
  [notStated, z.literal('until-uninstall'), z.object({ days }).strict(), z.object({ text }).strict()],
  { error: 'must be not-stated, until-uninstall, { days: N } or { text: "…" }' },
);
const egressDomain = check(
  z.string(),
  (v) => v === NOT_STATED || EGRESS_DOMAIN.test(v),
  'egress-domain-invalid',
  'must be a lowercase host name such as api.vendor.com (no scheme, port or path; a leading *. is allowed), or not-stated',
);
const contactDetails = check(
  z.object({ email: email.optional(), url: webUrl.optional() }).strict(),
  (v) => v.email !== undefined || v.url !== undefined,
  'contact-empty',
  'must give an email, a url, or both (or be not-stated)',
);
const textList = nonEmptyList(text);

export const vendorRecordSchema = z
  .object({
    id,
    name: text,
    description: text,
    sources: nonEmptyList(
      z.enum(['marketplace', 'reseller', 'issue-tracker', 'support-desk', 'email', 'chat', 'website']),
    ),
    purpose: orNotStated(text, 'a text'),
    vendorKeepsCopy: yesNo,
    visibleTo: orNotStated(text, 'a text'),
    sharedWith: orNotStated(z.array(text), 'a list (empty: shared with no one)'),
    retention,
    personalData: yesNo,
  })
  .strict();

export const rightSchema = z
  .object({
    kind: z.enum(['opt-out', 'access', 'erasure', 'correction', 'private-request', 'objection']),
    appliesTo: text,
    how: orNotStated(text, 'a text'),
    responseTime: orNotStated(text, 'a text'),
  })
  .strict();

/** What each facts field means, shown by editors that read the JSON Schema. */
const FACT_DOCS = {
  app: 'The app (or family of apps) the statement is about.',
  vendor: 'Who publishes the app.',
  contact: 'An email, a web page, or both; not-stated when the policy gives none.',
  hosting:
    "forge, connect, data-center or server. The page says 'nothing leaves your servers' for data-center and server.",
  scope: 'The apps the statement covers, each with its hosting model, and what it does not cover.',
  dataStored: 'What the app stores: where, how long, whether it is personal data.',
  dataAccessed: 'What the app reads from the product without storing it.',
  egress: 'Where data goes outside Atlassian (or your servers). Empty: nothing leaves.',
  analytics: 'Whether the app collects analytics (true, false or not-stated).',
  subProcessors: 'Third parties that process data for the vendor; country may be not-stated.',
  access: "Who at the vendor can reach the data the app stores; vendorStaff false means no one, only the app's code.",
  logs: "Where the app's logs are kept and whether they hold end-user data.",
  dataResidency: "Whether stored data follows the product's data residency location.",
  uninstall: 'What happens to the data when the app is uninstalled.',
  commitments: 'No sale of data; no sharing for marketing (true, false or not-stated).',
  security: 'Security measures the vendor names, or not-stated.',
  changes: 'How a new version of the statement is announced.',
  vendorRecords:
    'What the vendor holds about customers apart from the app (Marketplace contacts, support requests, website data). Empty: nothing.',
  rights: 'Requests customers can make (opt-out, access, erasure, private request…): how, and how fast.',
} satisfies Record<keyof StatementFacts, string>;

/** The same shape, each field described (`.meta` returns a copy of the same type). */
function described<T extends Record<keyof typeof FACT_DOCS, z.ZodType>>(shape: T): T {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape))
    out[key] = schema.meta({ description: FACT_DOCS[key as keyof T & keyof typeof FACT_DOCS] });
  return out as T;
}

export const factsSchema = z
  .object(
    described({
      app: z.object({ name: text, summary: text }).strict(),
      vendor: vendorSchema,
      contact: z.union([notStated, contactDetails], { error: 'must be { email, url } (either or both) or not-stated' }),
      hosting: z.object({ model: hostingModel, description: text.optional() }).strict(),
      scope: z
        .object({
          apps: nonEmptyList(z.object({ name: text, hosting: hostingModel }).strict()),
          excludes: z.array(text),
        })
        .strict(),
      dataStored: z.array(z.object({ ...categoryFields, retention, personalData: yesNo }).strict()),
      dataAccessed: z.array(z.object({ name: text, purpose: text }).strict()),
      egress: z.array(z.object({ name: text, domain: egressDomain, purpose: text, endUserData: yesNo }).strict()),
      analytics: z.object({ collected: yesNo, description: text }).strict(),
      subProcessors: z.array(
        z
          .object({ name: text, purpose: text, country: orNotStated(text, 'a country'), url: webUrl.optional() })
          .strict(),
      ),
      access: z.object({ vendorStaff: yesNo, description: text.optional() }).strict(),
      logs: z
        .object({
          location: z.enum(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', NOT_STATED]),
          endUserData: yesNo,
          description: text,
        })
        .strict(),
      dataResidency: z.object({ supported: yesNo, description: text.optional() }).strict(),
      uninstall: z
        .object({ deletedAfterDays: orNotStated(days, 'a whole number of days'), description: text })
        .strict(),
      commitments: z.object({ noSale: yesNo, noMarketingSharing: yesNo }).strict(),
      security: z.object({ measures: orNotStated(textList, 'a list'), description: text.optional() }).strict(),
      changes: z
        .object({
          channels: orNotStated(
            nonEmptyList(z.enum(['policy-page', 'marketplace-listing', 'email', 'in-app'])),
            'a list',
          ),
          description: text.optional(),
        })
        .strict(),
      vendorRecords: z.array(vendorRecordSchema),
      rights: z.array(rightSchema),
    }),
  )
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

const sourceFields = {
  id,
  version: versionSchema,
  effectiveDate: date,
  change: changeSchema.nullable(),
  sections: nonEmptyList(z.object({ id, title: text, markdown: z.string() }).strict()),
};

/** A published source in the current format (`format: 2`). */
export const currentSourceSchema = z
  .object({ format: z.literal(SOURCE_FORMAT), ...sourceFields, facts: factsSchema })
  .strict() satisfies z.ZodType<CurrentStatementSource>;

/** policy/versions/v<N>.json: a published source, verbatim, in whichever format it was published. */
export const sourceSchema = z.union([
  currentSourceSchema,
  z.object({ ...sourceFields, facts: factsSchemaV1 }).strict() satisfies z.ZodType<LegacyStatementSource>,
]) satisfies z.ZodType<StatementSource>;

/** The facts of a published source, either format, brought to the current model. */
export const anyFactsSchema = z.union([factsSchema, factsSchemaV1.transform(upgradeFactsV1)]);

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
