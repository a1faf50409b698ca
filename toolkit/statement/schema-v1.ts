/**
 * Version 1 of the facts schema, kept only to read sources published in it (policy/versions/v1.json).
 * New statements are written in the current model (schema.ts); see policy/README.md, "Model versions".
 */
import { z } from 'zod';
import {
  categoryFields,
  check,
  days,
  email,
  EGRESS_DOMAIN,
  hostingModel,
  id,
  text,
  vendorSchema,
  webUrl,
} from './schema-parts';
import type { StatementFactsV1 } from '../../src/domain/statement/types';

export const factsSchemaV1 = z
  .object({
    app: z.object({ name: text, summary: text }).strict(),
    vendor: vendorSchema,
    contact: z.object({ email, url: webUrl.optional() }).strict(),
    hosting: z.object({ model: hostingModel, description: text }).strict(),
    dataStored: z.array(z.object({ ...categoryFields, retention: text, personalData: z.boolean() }).strict()),
    dataAccessed: z.array(z.object({ name: text, purpose: text }).strict()),
    egress: z.array(
      z
        .object({
          name: text,
          domain: check(z.string(), (v) => EGRESS_DOMAIN.test(v), 'egress-domain-invalid', 'must be a host name'),
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
  .strict() satisfies z.ZodType<StatementFactsV1>;
