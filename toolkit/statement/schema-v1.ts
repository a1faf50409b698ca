/**
 * Version 1 of the facts schema, kept only to read sources published in it (policy/versions/v1.json).
 * New statements are written in the current model (schema.ts); see policy/README.md, "Model versions".
 */
import * as v from 'valibot';
import {
  categoryFields,
  check,
  choice,
  days,
  email,
  EGRESS_DOMAIN,
  hostingModel,
  id,
  strict,
  text,
  vendorSchema,
  webUrl,
} from './schema-parts';
import type { StatementFactsV1 } from '../../src/domain/statement/types';

export const factsSchemaV1 = strict({
  app: strict({ name: text, summary: text }),
  vendor: vendorSchema,
  contact: strict({ email, url: v.optional(webUrl) }),
  hosting: strict({ model: hostingModel, description: text }),
  dataStored: v.array(strict({ ...categoryFields, retention: text, personalData: v.boolean() })),
  dataAccessed: v.array(strict({ name: text, purpose: text })),
  egress: v.array(
    strict({
      name: text,
      domain: check(v.string(), (s) => EGRESS_DOMAIN.test(s), 'egress-domain-invalid', 'must be a host name'),
      purpose: text,
      endUserData: v.boolean(),
    }),
  ),
  analytics: strict({ collected: v.boolean(), description: text }),
  subProcessors: v.array(strict({ name: text, purpose: text, country: text, url: v.optional(webUrl) })),
  logs: strict({ endUserData: v.boolean(), storedOutsideAtlassian: v.boolean(), description: text }),
  dataResidency: strict({ supported: v.boolean(), description: text }),
  uninstall: strict({ description: text, deletedAfterDays: v.optional(days) }),
  vendorRecords: v.optional(
    v.array(
      strict({
        id,
        name: text,
        source: choice(['atlassian-marketplace', 'support', 'website', 'newsletter', 'other']),
        description: text,
        purpose: text,
        retention: text,
        personalData: v.boolean(),
      }),
    ),
  ),
}) satisfies v.GenericSchema<unknown, StatementFactsV1>;
