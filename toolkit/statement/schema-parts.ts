/** The small zod pieces every statement schema is built from, each failure tagged with its rule id. */
import { z } from 'zod';
import { NOT_STATED } from '../../src/domain/statement/types';
import type { RuleId } from './problems';
import { isCalendarDate } from './calendar-date';
export { ISO_DATE, isCalendarDate } from './calendar-date';

export function check<T extends z.ZodType>(
  schema: T,
  ok: (value: z.output<T>) => boolean,
  rule: RuleId,
  message: string,
): T {
  return schema.refine(ok, { error: message, params: { rule } });
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A host name, optionally with a leading `*.` wildcard (as Forge egress permits); no scheme, port or path. */
export const EGRESS_DOMAIN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const SECTION_FILE = /^sections\/[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

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

export const text = check(z.string(), (v) => v.trim() !== '', 'empty-value', 'must not be empty');
export const id = check(
  z.string(),
  (v) => KEBAB_ID.test(v),
  'id-invalid',
  'must be kebab-case: lowercase letters, digits and single hyphens',
);
export const date = check(z.string(), isCalendarDate, 'date-invalid', 'must be a real date written YYYY-MM-DD');
export const email = check(z.string(), isEmail, 'email-invalid', 'must be an email address');
export const webUrl = check(z.string(), isWebUrl, 'url-invalid', 'must be an absolute https:// or http:// URL');
export const days = check(
  z.number(),
  (v) => Number.isSafeInteger(v) && v >= 0,
  'value-out-of-range',
  'must be a whole number of days, 0 or more',
);
export const nonEmptyList = <T extends z.ZodType>(item: T) =>
  check(z.array(item), (v) => v.length > 0, 'empty-value', 'must list at least one entry');

export const hostingModel = z.enum(['forge', 'connect', 'data-center', 'server']);
export const storageLocation = z.enum([
  'forge-hosted-storage',
  'atlassian-product',
  'vendor-infrastructure',
  'customer-infrastructure',
  'browser',
]);

/** The fields a stored data category has in every model version. */
export const categoryFields = { id, name: text, description: text, purpose: text, location: storageLocation };

/** The vendor, in every model version. */
export const vendorSchema = z
  .object({ name: text, website: webUrl.optional(), address: text.optional(), country: text.optional() })
  .strict();

export const notStated = z.literal(NOT_STATED);
export const orNotStated = <T extends z.ZodType>(schema: T, what: string) =>
  z.union([notStated, schema], { error: `must be ${what}, or not-stated` });
export const yesNo = z.union([z.boolean(), notStated], { error: 'must be true, false or not-stated' });
export const retention = z.union(
  [notStated, z.literal('until-uninstall'), z.object({ days }).strict(), z.object({ text }).strict()],
  { error: 'must be not-stated, until-uninstall, { days: N } or { text: "…" }' },
);
export const egressDomain = check(
  z.string(),
  (v) => v === NOT_STATED || EGRESS_DOMAIN.test(v),
  'egress-domain-invalid',
  'must be a lowercase host name such as api.vendor.com (no scheme, port or path; a leading *. is allowed), or not-stated',
);
export const contactDetails = check(
  z.object({ email: email.optional(), url: webUrl.optional() }).strict(),
  (v) => v.email !== undefined || v.url !== undefined,
  'contact-empty',
  'must give an email, a url, or both (or be not-stated)',
);

/** The facts whose shape model 3 kept from model 2 (schema.ts and schema-v2.ts both use these). */
export const unchangedFacts = {
  access: z.object({ vendorStaff: yesNo, description: text.optional() }).strict(),
  dataResidency: z.object({ supported: yesNo, description: text.optional() }).strict(),
  commitments: z.object({ noSale: yesNo, noMarketingSharing: yesNo }).strict(),
  security: z.object({ measures: orNotStated(nonEmptyList(text), 'a list'), description: text.optional() }).strict(),
  changes: z
    .object({
      channels: orNotStated(nonEmptyList(z.enum(['policy-page', 'marketplace-listing', 'email', 'in-app'])), 'a list'),
      description: text.optional(),
    })
    .strict(),
};
