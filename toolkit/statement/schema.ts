/**
 * The valibot schemas of what a vendor writes (policy/statement.yml), of a published snapshot
 * (policy/versions/v<N>.json, a `StatementSource`) and of the lock (policy/published.lock.json).
 * Every object is strict (`strict` of schema-parts.ts): an unknown field is an error, never silently dropped.
 * Checks carry their rule id (`check`) so each failure maps to its own problem (see issues.ts).
 */
export { EGRESS_DOMAIN, ISO_DATE, isCalendarDate, isEmail, isWebUrl, KEBAB_ID } from './schema-parts';
import * as v from 'valibot';
import {
  check,
  choice,
  contactDetails,
  date,
  days,
  egressDomain,
  HOSTING_MODELS,
  hostingModel,
  id,
  literal,
  nonEmptyList,
  notStated,
  oneOf,
  orNotStated,
  retention,
  type Schema,
  SECTION_FILE,
  STORAGE_LOCATIONS,
  strict,
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

export const versionSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

export const changeSchema = strict({ summary: text, materiality: choice(['material', 'editorial']) });

/** A name or text the statement must give: the word not-stated is not one (write the fact as not-stated where the model allows it). */
const named = check(
  text,
  (s) => s.trim() !== NOT_STATED,
  'not-stated-not-allowed',
  'must be a name or text: not-stated is not allowed here',
);

/** Prose that only says the policy is silent ("Not stated in the policy.") is not a purpose. */
const SAYS_NOT_STATED = /^\s*(?:not\s+stated|unknown|n\/a|none given)\b/iu;

/** A purpose: a text, trimmed, its final full stop dropped once (the page adds its own punctuation). */
const purpose = v.pipe(
  check(
    named,
    (s) => !SAYS_NOT_STATED.test(s),
    'purpose-says-not-stated',
    'is prose saying the purpose is not stated: write not-stated instead',
  ),
  v.transform(purposeText),
);

export const vendorRecordSchema = strict({
  id,
  name: named,
  description: text,
  sources: orNotStated(
    nonEmptyList(choice(['marketplace', 'reseller', 'issue-tracker', 'support-desk', 'email', 'chat', 'website'])),
    'a list',
  ),
  purpose: orNotStated(purpose, 'a text'),
  vendorKeepsCopy: yesNo,
  visibleTo: orNotStated(text, 'a text'),
  sharedWith: orNotStated(v.array(named), 'a list (empty: shared with no one)'),
  retention,
  personalData: yesNo,
});

export const rightSchema = strict({
  kind: choice(['opt-out', 'access', 'erasure', 'correction', 'private-request', 'objection']),
  appliesTo: v.pipe(id, v.description('The id of a vendor record or a stored data category.')),
  how: orNotStated(text, 'a text'),
  responseTime: orNotStated(text, 'a text'),
});

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

/** Each field of `shape`, described for the JSON Schema. */
type Described<T> = {
  [K in keyof T]: T[K] extends Schema
    ? v.SchemaWithPipe<readonly [T[K], v.DescriptionAction<v.InferOutput<T[K]>, string>]>
    : never;
};

function described<T extends Record<keyof typeof FACT_DOCS, Schema>>(shape: T): Described<T> {
  const out: Record<string, Schema> = {};
  for (const [key, schema] of Object.entries(shape))
    out[key] = v.pipe(schema, v.description(FACT_DOCS[key as keyof typeof FACT_DOCS]));
  return out as unknown as Described<T>;
}

export const factsSchema = strict(
  described({
    app: strict({ name: named, summary: text }),
    vendor: strict({
      name: named,
      website: v.optional(webUrl),
      address: v.optional(text),
      country: v.optional(text),
    }),
    contact: oneOf([notStated, contactDetails], 'must be { email, url } (either or both) or not-stated'),
    hosting: strict({ model: choice([...HOSTING_MODELS, NOT_STATED]), description: v.optional(text) }),
    scope: strict({
      apps: nonEmptyList(strict({ name: named, hosting: hostingModel })),
      excludes: v.array(named),
    }),
    dataStored: orNotStated(
      v.array(
        strict({
          id,
          name: named,
          description: text,
          purpose: orNotStated(purpose, 'a text'),
          location: choice([...STORAGE_LOCATIONS, NOT_STATED]),
          retention,
          personalData: yesNo,
        }),
      ),
      'a list (empty: nothing is stored)',
    ),
    dataAccessed: v.array(strict({ name: named, purpose })),
    egress: orNotStated(
      v.array(strict({ name: named, domain: egressDomain, purpose, endUserData: yesNo })),
      'a list (empty: nothing leaves)',
    ),
    analytics: strict({ collected: yesNo, description: v.optional(text) }),
    subProcessors: orNotStated(
      v.array(strict({ name: named, purpose, country: orNotStated(text, 'a country'), url: v.optional(webUrl) })),
      'a list (empty: none)',
    ),
    logs: strict({
      location: choice(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', NOT_STATED]),
      endUserData: yesNo,
      description: v.optional(text),
    }),
    uninstall: strict({
      deletedAfterDays: orNotStated(days, 'a whole number of days'),
      description: v.optional(text),
    }),
    ...unchangedFacts,
    vendorRecords: orNotStated(v.array(vendorRecordSchema), 'a list (empty: the vendor holds nothing)'),
    rights: v.array(rightSchema),
  }),
) satisfies v.GenericSchema<unknown, StatementFacts>;

/** policy/statement.yml */
export const statementFileSchema = strict({
  id,
  version: versionSchema,
  effectiveDate: date,
  change: v.optional(changeSchema),
  facts: factsSchema,
  sections: nonEmptyList(
    strict({
      id,
      title: text,
      file: check(
        v.string(),
        (s) => SECTION_FILE.test(s),
        'section-file-invalid',
        'must name a Markdown file directly in sections/, e.g. sections/overview.md',
      ),
    }),
  ),
});

export type StatementFile = v.InferOutput<typeof statementFileSchema>;

const sourceFields = {
  id,
  version: versionSchema,
  effectiveDate: date,
  change: v.nullable(changeSchema),
  sections: nonEmptyList(strict({ id, title: text, markdown: v.string() })),
};

/** A published source in the current format (`format: 3`). */
export const currentSourceSchema = strict({
  format: literal(SOURCE_FORMAT),
  ...sourceFields,
  facts: factsSchema,
}) satisfies v.GenericSchema<unknown, CurrentStatementSource>;

const sourceSchemaV2 = strict({
  format: literal(2),
  ...sourceFields,
  facts: factsSchemaV2,
}) satisfies v.GenericSchema<unknown, StatementSourceV2>;
const legacySourceSchema = strict({ ...sourceFields, facts: factsSchemaV1 }) satisfies v.GenericSchema<
  unknown,
  LegacyStatementSource
>;

/** policy/versions/v<N>.json: a published source, verbatim, in whichever format it was published. */
export const sourceSchema = oneOf(
  [currentSourceSchema, sourceSchemaV2, legacySourceSchema],
  'is not a published statement of format 3, 2 or 1 (no format field)',
) satisfies v.GenericSchema<unknown, StatementSource>;

/**
 * The schema of the format a snapshot names (`format: 3`, `format: 2`, or none: the first), so its problems
 * are those of that format; `sourceSchema` when it names none of them.
 */
export function sourceSchemaFor(value: unknown): v.GenericSchema<unknown, StatementSource> {
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (format === SOURCE_FORMAT) return currentSourceSchema;
  if (format === 2) return sourceSchemaV2;
  if (format === undefined) return legacySourceSchema;
  return sourceSchema;
}

/** The facts of a published source, either format, brought to the current model. */
export const anyFactsSchema = oneOf(
  [
    factsSchema,
    v.pipe(
      factsSchemaV2,
      v.transform((facts) => upgradeFactsV2(facts)),
    ),
    v.pipe(
      factsSchemaV1,
      v.transform((facts) => upgradeFactsV1(facts)),
    ),
  ],
  'are not statement facts of model 3, 2 or 1',
);
