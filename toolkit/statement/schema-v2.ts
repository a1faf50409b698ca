/**
 * Version 2 of the facts schema (`format: 2`), kept only to read sources published in it, exactly as
 * published (nothing here rewrites a value, so their hashes stay valid). New statements are written in the
 * current model (schema.ts); see policy/README.md, "Model versions".
 */
import { z } from 'zod';
import {
  categoryFields,
  contactDetails,
  days,
  egressDomain,
  hostingModel,
  id,
  nonEmptyList,
  notStated,
  orNotStated,
  retention,
  text,
  vendorSchema,
  webUrl,
  yesNo,
  unchangedFacts,
} from './schema-parts';
import type { StatementFactsV2 } from '../../src/domain/statement/types';

const vendorRecordSchemaV2 = z
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

const rightSchemaV2 = z
  .object({
    kind: z.enum(['opt-out', 'access', 'erasure', 'correction', 'private-request', 'objection']),
    appliesTo: text,
    how: orNotStated(text, 'a text'),
    responseTime: orNotStated(text, 'a text'),
  })
  .strict();

export const factsSchemaV2 = z
  .object({
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
      z.object({ name: text, purpose: text, country: orNotStated(text, 'a country'), url: webUrl.optional() }).strict(),
    ),
    logs: z
      .object({
        location: z.enum(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', 'not-stated']),
        endUserData: yesNo,
        description: text,
      })
      .strict(),
    uninstall: z.object({ deletedAfterDays: orNotStated(days, 'a whole number of days'), description: text }).strict(),
    ...unchangedFacts,
    vendorRecords: z.array(vendorRecordSchemaV2),
    rights: z.array(rightSchemaV2),
  })
  .strict() satisfies z.ZodType<StatementFactsV2>;
