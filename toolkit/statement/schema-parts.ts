/**
 * The small valibot pieces every statement schema is built from. A valibot issue does not say which rule a
 * check stands for, which values a choice allows, which fields a strict object knows or which branches a
 * union tried; each piece here tags its issues with that (`tagOf`), so issues.ts words every failure itself.
 */
import * as v from 'valibot';
import { NOT_STATED } from '../../src/domain/statement/types';
import type { RuleId } from './problems';
import { isCalendarDate } from './calendar-date';
export { ISO_DATE, isCalendarDate } from './calendar-date';

export type Issue = v.BaseIssue<unknown>;
export type Schema = v.GenericSchema;

/** What a piece adds to its issues. */
export type IssueTag =
  | { kind: 'rule'; rule: RuleId }
  | { kind: 'values'; values: readonly unknown[] }
  | { kind: 'fields'; fields: readonly string[] }
  | { kind: 'branches'; options: readonly Schema[] };

const TAGS = new WeakMap<Issue, IssueTag>();

export function tagOf(issue: Issue): IssueTag | undefined {
  return TAGS.get(issue);
}

/** A valibot message that tags the issue it is written for (valibot calls it with the issue itself). */
function tagging(tag: IssueTag, message: string | ((issue: Issue) => string)): (issue: Issue) => string {
  return (issue) => {
    TAGS.set(issue, tag);
    return typeof message === 'string' ? message : message(issue);
  };
}

export function check<S extends Schema>(
  schema: S,
  ok: (value: v.InferOutput<S>) => boolean,
  rule: RuleId,
  message: string,
) {
  return v.pipe(schema, v.check(ok, tagging({ kind: 'rule', rule }, message)));
}

/**
 * `schema` (an object or a record) refusing a list: valibot takes a list's indexes for keys, and a YAML list
 * is no mapping. The list gets the schema's own type issue, as valibot words it for any other non-object.
 */
export function mappingOnly<S extends Schema>(schema: S): S {
  const run = schema['~run'];
  return Object.assign(schema, {
    '~run'(dataset: v.UnknownDataset, config: v.Config<Issue>) {
      if (!Array.isArray(dataset.value)) return run.call(schema, dataset, config);
      const refused = run.call(schema, { value: null }, config);
      for (const issue of refused.issues ?? []) Object.assign(issue, { input: dataset.value, received: 'Array' });
      return { ...refused, value: dataset.value };
    },
  });
}

/** An object with exactly these fields: an unknown one is an error, never silently dropped. */
export function strict<E extends v.ObjectEntries>(entries: E) {
  const message = (issue: Issue): string => {
    if (issue.expected === 'never') return 'is not a known field';
    return issue.input === undefined && issue.path !== undefined ? 'is required' : 'must be a mapping';
  };
  return mappingOnly(v.strictObject(entries, tagging({ kind: 'fields', fields: Object.keys(entries) }, message)));
}

const allowed = (values: readonly unknown[]) => (issue: Issue) =>
  `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}, not ${JSON.stringify(issue.input)}`;

/** One of these words. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return v.picklist(values, tagging({ kind: 'values', values }, allowed(values)));
}

export function literal<const T extends string | number>(value: T) {
  return v.literal(value, tagging({ kind: 'values', values: [value] }, allowed([value])));
}

/** The first branch that takes the value; when none does, `message` (or the one branch the value was meant for, issues.ts). */
export function oneOf<const T extends readonly [Schema, ...Schema[]]>(options: T, message: string) {
  return v.union(options, tagging({ kind: 'branches', options }, message));
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A host name, optionally with a leading `*.` wildcard (as Forge egress permits); no scheme, port or path. */
export const EGRESS_DOMAIN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const SECTION_FILE = /^sections\/[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

const EMAIL_LOCAL = /^[A-Za-z0-9_'+.-]*[A-Za-z0-9_+-]$/;
const EMAIL_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const EMAIL_TOP = /^[A-Za-z]{2,}$/;

/**
 * An address such as `privacy@vendor.com`: one `@`; before it letters, digits and `_ ' + . -`, neither
 * starting with a dot nor ending with a dot or apostrophe; after it dot-separated labels (a letter or digit,
 * then letters, digits and hyphens) and a top-level name of two letters or more; never two dots in a row.
 */
export function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 0 || at !== value.lastIndexOf('@') || value.includes('..')) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const top = labels.pop() ?? '';
  return (
    !local.startsWith('.') &&
    EMAIL_LOCAL.test(local) &&
    labels.length > 0 &&
    labels.every((label) => EMAIL_LABEL.test(label)) &&
    EMAIL_TOP.test(top)
  );
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const text = check(v.string(), (s) => s.trim() !== '', 'empty-value', 'must not be empty');
export const id = check(
  v.string(),
  (s) => KEBAB_ID.test(s),
  'id-invalid',
  'must be kebab-case: lowercase letters, digits and single hyphens',
);
export const date = check(v.string(), isCalendarDate, 'date-invalid', 'must be a real date written YYYY-MM-DD');
export const email = check(v.string(), isEmail, 'email-invalid', 'must be an email address');
export const webUrl = check(v.string(), isWebUrl, 'url-invalid', 'must be an absolute https:// or http:// URL');
export const days = check(
  v.number(),
  (n) => Number.isSafeInteger(n) && n >= 0,
  'value-out-of-range',
  'must be a whole number of days, 0 or more',
);
export const nonEmptyList = <S extends Schema>(item: S) =>
  check(v.array(item), (list) => list.length > 0, 'empty-value', 'must list at least one entry');

export const HOSTING_MODELS = ['forge', 'connect', 'data-center', 'server'] as const;
export const hostingModel = choice(HOSTING_MODELS);
export const STORAGE_LOCATIONS = [
  'forge-hosted-storage',
  'atlassian-product',
  'vendor-infrastructure',
  'customer-infrastructure',
  'browser',
] as const;
export const storageLocation = choice(STORAGE_LOCATIONS);

/** The fields a stored data category has in every model version. */
export const categoryFields = { id, name: text, description: text, purpose: text, location: storageLocation };

/** The vendor, in every model version. */
export const vendorSchema = strict({
  name: text,
  website: v.optional(webUrl),
  address: v.optional(text),
  country: v.optional(text),
});

export const notStated = literal(NOT_STATED);
export const orNotStated = <S extends Schema>(schema: S, what: string) =>
  oneOf([notStated, schema], `must be ${what}, or not-stated`);
export const yesNo = oneOf([v.boolean(), notStated], 'must be true, false or not-stated');
export const retention = oneOf(
  [notStated, literal('until-uninstall'), strict({ days }), strict({ text })],
  'must be not-stated, until-uninstall, { days: N } or { text: "…" }',
);
export const egressDomain = check(
  v.string(),
  (s) => s === NOT_STATED || EGRESS_DOMAIN.test(s),
  'egress-domain-invalid',
  'must be a lowercase host name such as api.vendor.com (no scheme, port or path; a leading *. is allowed), or not-stated',
);
export const contactDetails = check(
  strict({ email: v.optional(email), url: v.optional(webUrl) }),
  (c) => c.email !== undefined || c.url !== undefined,
  'contact-empty',
  'must give an email, a url, or both (or be not-stated)',
);

/** The facts whose shape model 3 kept from model 2 (schema.ts and schema-v2.ts both use these). */
export const unchangedFacts = {
  access: strict({ vendorStaff: yesNo, description: v.optional(text) }),
  dataResidency: strict({ supported: yesNo, description: v.optional(text) }),
  commitments: strict({ noSale: yesNo, noMarketingSharing: yesNo }),
  security: strict({ measures: orNotStated(nonEmptyList(text), 'a list'), description: v.optional(text) }),
  changes: strict({
    channels: orNotStated(nonEmptyList(choice(['policy-page', 'marketplace-listing', 'email', 'in-app'])), 'a list'),
    description: v.optional(text),
  }),
};
