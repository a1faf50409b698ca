/**
 * Version 2 of the facts schema (`format: 2`), kept only to read sources published in it, exactly as
 * published (nothing here rewrites a value, so their hashes stay valid). New statements are written in the
 * current model (schema.ts); see policy/README.md, "Model versions".
 */
import * as v from 'valibot';
import {
  categoryFields,
  choice,
  contactDetails,
  days,
  egressDomain,
  hostingModel,
  id,
  nonEmptyList,
  notStated,
  oneOf,
  orNotStated,
  retention,
  strict,
  text,
  vendorSchema,
  webUrl,
  yesNo,
  unchangedFacts,
} from './schema-parts';
import type { StatementFactsV2 } from '../../src/domain/statement/types';

const vendorRecordSchemaV2 = strict({
  id,
  name: text,
  description: text,
  sources: nonEmptyList(
    choice(['marketplace', 'reseller', 'issue-tracker', 'support-desk', 'email', 'chat', 'website']),
  ),
  purpose: orNotStated(text, 'a text'),
  vendorKeepsCopy: yesNo,
  visibleTo: orNotStated(text, 'a text'),
  sharedWith: orNotStated(v.array(text), 'a list (empty: shared with no one)'),
  retention,
  personalData: yesNo,
});

const rightSchemaV2 = strict({
  kind: choice(['opt-out', 'access', 'erasure', 'correction', 'private-request', 'objection']),
  appliesTo: text,
  how: orNotStated(text, 'a text'),
  responseTime: orNotStated(text, 'a text'),
});

export const factsSchemaV2 = strict({
  app: strict({ name: text, summary: text }),
  vendor: vendorSchema,
  contact: oneOf([notStated, contactDetails], 'must be { email, url } (either or both) or not-stated'),
  hosting: strict({ model: hostingModel, description: v.optional(text) }),
  scope: strict({ apps: nonEmptyList(strict({ name: text, hosting: hostingModel })), excludes: v.array(text) }),
  dataStored: v.array(strict({ ...categoryFields, retention, personalData: yesNo })),
  dataAccessed: v.array(strict({ name: text, purpose: text })),
  egress: v.array(strict({ name: text, domain: egressDomain, purpose: text, endUserData: yesNo })),
  analytics: strict({ collected: yesNo, description: text }),
  subProcessors: v.array(
    strict({ name: text, purpose: text, country: orNotStated(text, 'a country'), url: v.optional(webUrl) }),
  ),
  logs: strict({
    location: choice(['atlassian-forge-logs', 'customer-servers', 'vendor', 'none', 'not-stated']),
    endUserData: yesNo,
    description: text,
  }),
  uninstall: strict({ deletedAfterDays: orNotStated(days, 'a whole number of days'), description: text }),
  ...unchangedFacts,
  vendorRecords: v.array(vendorRecordSchemaV2),
  rights: v.array(rightSchemaV2),
}) satisfies v.GenericSchema<unknown, StatementFactsV2>;
