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

export const factsSchema = z
  .object({
    app: z
      .object({ name: text, summary: text })
      .strict()
      .meta({ description: 'The app (or family of apps) the statement is about.' }),
    vendor: vendorSchema.meta({ description: 'Who publishes the app.' }),
    contact: z
      .union([notStated, contactDetails], { error: 'must be { email, url } (either or both) or not-stated' })
      .meta({ description: 'An email, a web page, or both; not-stated when the policy gives none.' }),
    hosting: z
      .object({ model: hostingModel, description: text.optional() })
      .strict()
      .meta({
        description:
          "forge, connect, data-center or server. The page says 'nothing leaves your servers' for data-center and server.",
      }),
    scope: z
      .object({
        apps: nonEmptyList(z.object({ name: text, hosting: hostingModel }).strict()),
        excludes: z.array(text),
      })
      .strict()
      .meta({ description: 'The apps the statement covers, each with its hosting model, and what it does not cover.' }),
    dataStored: z
      .array(z.object({ ...categoryFields, retention, personalData: yesNo }).strict())
      .meta({ description: 'What the app stores: where, how long, whether it is personal data.' }),
    dataAccessed: z
      .array(z.object({ name: text, purpose: text }).strict())
      .meta({ description: 'What the app reads from the product without storing it.' }),
    egress: z
      .array(z.object({ name: text, domain: egressDomain, purpose: text, endUserData: yesNo }).strict())
      .meta({ description: 'Where data goes outside Atlassian (or your servers). Empty: nothing leaves.' }),
    analytics: z
      .object({ collected: yesNo, description: text })
      .strict()
      .meta({ description: 'Whether the app collects analytics (true, false or not-stated).' }),
    subProcessors: z
      .array(
        z
          .object({ name: text, purpose: text, country: orNotStated(text, 'a country'), url: webUrl.optional() })
          .strict(),
      )
      .meta({ description: 'Third parties that process data for the vendor; country may be not-stated.' }),
    access: z
      .object({ vendorStaff: yesNo, description: text.optional() })
      .strict()
      .meta({
        description:
          "Who at the vendor can reach the data the app stores; vendorStaff false means no one, only the app's code.",
      }),
    logs: z
      .object({
        location: z.enum(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', NOT_STATED]),
        endUserData: yesNo,
        description: text,
      })
      .strict()
      .meta({ description: "Where the app's logs are kept and whether they hold end-user data." }),
    dataResidency: z
      .object({ supported: yesNo, description: text.optional() })
      .strict()
      .meta({ description: "Whether stored data follows the product's data residency location." }),
    uninstall: z
      .object({ deletedAfterDays: orNotStated(days, 'a whole number of days'), description: text })
      .strict()
      .meta({ description: 'What happens to the data when the app is uninstalled.' }),
    commitments: z
      .object({ noSale: yesNo, noMarketingSharing: yesNo })
      .strict()
      .meta({ description: 'No sale of data; no sharing for marketing (true, false or not-stated).' }),
    security: z
      .object({ measures: orNotStated(textList, 'a list'), description: text.optional() })
      .strict()
      .meta({ description: 'Security measures the vendor names, or not-stated.' }),
    changes: z
      .object({
        channels: orNotStated(
          nonEmptyList(z.enum(['policy-page', 'marketplace-listing', 'email', 'in-app'])),
          'a list',
        ),
        description: text.optional(),
      })
      .strict()
      .meta({ description: 'How a new version of the statement is announced.' }),
    vendorRecords: z
      .array(vendorRecordSchema)
      .meta({
        description:
          'What the vendor holds about customers apart from the app (Marketplace contacts, support requests, website data). Empty: nothing.',
      }),
    rights: z
      .array(rightSchema)
      .meta({
        description: 'Requests customers can make (opt-out, access, erasure, private request…): how, and how fast.',
      }),
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
