/**
 * The zod schemas of what a vendor writes (policy/statement.yml), of a published snapshot
 * (policy/versions/v<N>.json, a `StatementSource`) and of the lock (policy/published.lock.json).
 * Every object is `.strict()`: an unknown field is an error, never silently dropped. Refinements carry
 * their rule id in `params.rule` so each failure maps to its own problem (see issues.ts).
 */
export { EGRESS_DOMAIN, ISO_DATE, isCalendarDate, isEmail, isWebUrl, KEBAB_ID } from './schema-parts';
import { z } from 'zod';
import {
  check,
  contactDetails,
  date,
  days,
  egressDomain,
  hostingModel,
  id,
  nonEmptyList,
  notStated,
  orNotStated,
  retention,
  SECTION_FILE,
  storageLocation,
  text,
  webUrl,
  unchangedFacts,
  yesNo,
} from './schema-parts';
import { purposeText, upgradeFactsV1, upgradeFactsV2 } from '../../src/domain/statement/facts';
import {
  NOT_STATED,
  SOURCE_FORMAT,
  type CurrentStatementSource,
  type StatementFacts,
  type StatementSource,
} from '../../src/domain/statement/types';
import type { LegacyStatementSource } from '../../src/domain/statement/types';
import type { StatementSourceV2 } from '../../src/domain/statement/types';
import { factsSchemaV1 } from './schema-v1';
import { factsSchemaV2 } from './schema-v2';

export const versionSchema = z.number().int().positive();
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const changeSchema = z
  .object({
    summary: text,
    materiality: z.enum(['material', 'editorial']),
  })
  .strict();

/** A name or text the statement must give: the word not-stated is not one (write the fact as not-stated where the model allows it). */
const named = check(
  text,
  (v) => v.trim() !== NOT_STATED,
  'not-stated-not-allowed',
  'must be a name or text: not-stated is not allowed here',
);

/** Prose that only says the policy is silent ("Not stated in the policy.") is not a purpose. */
const SAYS_NOT_STATED = /^\s*(?:not\s+stated|unknown|n\/a|none given)\b/iu;

/** A purpose: a text, trimmed, its final full stop dropped once (the page adds its own punctuation). */
const purpose = check(
  named,
  (v) => !SAYS_NOT_STATED.test(v),
  'purpose-says-not-stated',
  'is prose saying the purpose is not stated: write not-stated instead',
).overwrite(purposeText);

export const vendorRecordSchema = z
  .object({
    id,
    name: named,
    description: text,
    sources: orNotStated(
      nonEmptyList(z.enum(['marketplace', 'reseller', 'issue-tracker', 'support-desk', 'email', 'chat', 'website'])),
      'a list',
    ),
    purpose: orNotStated(purpose, 'a text'),
    vendorKeepsCopy: yesNo,
    visibleTo: orNotStated(text, 'a text'),
    sharedWith: orNotStated(z.array(named), 'a list (empty: shared with no one)'),
    retention,
    personalData: yesNo,
  })
  .strict();

export const rightSchema = z
  .object({
    kind: z.enum(['opt-out', 'access', 'erasure', 'correction', 'private-request', 'objection']),
    appliesTo: id.meta({ description: 'The id of a vendor record or a stored data category.' }),
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
    "forge, connect, data-center, server or not-stated. The page says 'nothing leaves your servers' for data-center and server.",
  scope: 'The apps the statement covers, each with its hosting model, and what it does not cover.',
  dataStored:
    'What the app stores: where, how long, whether it is personal data. Empty: nothing; not-stated: the policy does not say.',
  dataAccessed: 'What the app reads from the product without storing it.',
  egress:
    'Where data goes outside Atlassian (or your servers). Empty: nothing leaves; not-stated: the policy does not say.',
  analytics: 'Whether the app collects analytics (true, false or not-stated).',
  subProcessors:
    'Third parties that process data for the vendor; country may be not-stated. Empty: none; not-stated: the policy does not say.',
  access: "Who at the vendor can reach the data the app stores; vendorStaff false means no one, only the app's code.",
  logs: "Where the app's logs are kept and whether they hold end-user data.",
  dataResidency: "Whether stored data follows the product's data residency location.",
  uninstall: 'What happens to the data when the app is uninstalled.',
  commitments: 'No sale of data; no sharing for marketing (true, false or not-stated).',
  security: 'Security measures the vendor names, or not-stated.',
  changes: 'How a new version of the statement is announced.',
  vendorRecords:
    'What the vendor holds about customers apart from the app (Marketplace contacts, support requests, website data). Empty: nothing; not-stated: the policy does not say.',
  rights:
    'Requests customers can make (opt-out, access, erasure, private request…) about a vendor record or data category (appliesTo: its id): how, and how fast.',
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
      app: z.object({ name: named, summary: text }).strict(),
      vendor: z
        .object({ name: named, website: webUrl.optional(), address: text.optional(), country: text.optional() })
        .strict(),
      contact: z.union([notStated, contactDetails], { error: 'must be { email, url } (either or both) or not-stated' }),
      hosting: z
        .object({
          model: z.enum([...hostingModel.options, NOT_STATED]),
          description: text.optional(),
        })
        .strict(),
      scope: z
        .object({
          apps: nonEmptyList(z.object({ name: named, hosting: hostingModel }).strict()),
          excludes: z.array(named),
        })
        .strict(),
      dataStored: orNotStated(
        z.array(
          z
            .object({
              id,
              name: named,
              description: text,
              purpose: orNotStated(purpose, 'a text'),
              location: z.enum([...storageLocation.options, NOT_STATED]),
              retention,
              personalData: yesNo,
            })
            .strict(),
        ),
        'a list (empty: nothing is stored)',
      ),
      dataAccessed: z.array(z.object({ name: named, purpose }).strict()),
      egress: orNotStated(
        z.array(z.object({ name: named, domain: egressDomain, purpose, endUserData: yesNo }).strict()),
        'a list (empty: nothing leaves)',
      ),
      analytics: z.object({ collected: yesNo, description: text.optional() }).strict(),
      subProcessors: orNotStated(
        z.array(
          z.object({ name: named, purpose, country: orNotStated(text, 'a country'), url: webUrl.optional() }).strict(),
        ),
        'a list (empty: none)',
      ),
      logs: z
        .object({
          location: z.enum(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', NOT_STATED]),
          endUserData: yesNo,
          description: text.optional(),
        })
        .strict(),
      uninstall: z
        .object({ deletedAfterDays: orNotStated(days, 'a whole number of days'), description: text.optional() })
        .strict(),
      ...unchangedFacts,
      vendorRecords: orNotStated(z.array(vendorRecordSchema), 'a list (empty: the vendor holds nothing)'),
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

/** A published source in the current format (`format: 3`). */
export const currentSourceSchema = z
  .object({ format: z.literal(SOURCE_FORMAT), ...sourceFields, facts: factsSchema })
  .strict() satisfies z.ZodType<CurrentStatementSource>;

/** policy/versions/v<N>.json: a published source, verbatim, in whichever format it was published. */
export const sourceSchema = z.union([
  currentSourceSchema,
  z
    .object({ format: z.literal(2), ...sourceFields, facts: factsSchemaV2 })
    .strict() satisfies z.ZodType<StatementSourceV2>,
  z.object({ ...sourceFields, facts: factsSchemaV1 }).strict() satisfies z.ZodType<LegacyStatementSource>,
]) satisfies z.ZodType<StatementSource>;

/** The facts of a published source, either format, brought to the current model. */
export const anyFactsSchema = z.union([
  factsSchema,
  factsSchemaV2.transform(upgradeFactsV2),
  factsSchemaV1.transform(upgradeFactsV1),
]);
