/**
 * What changed between two statement versions: sections added, removed or changed, and the facts that
 * changed, as short human sentences ("retention of X: A → B"). Plain data; the page renders it.
 */
import { factsOf } from './facts';
import { isStated, NOT_STATED, type Contact, type Stated, type StatementFacts, type StatementSource } from './types';

export interface SectionChange {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  /** The title in the newer version (the older one for a removed section). */
  title: string;
  /** Present when a changed section was renamed. */
  previousTitle?: string;
}

export interface StatementDiff {
  from: number;
  to: number;
  sections: SectionChange[];
  facts: string[];
}

const show = (value: string | number | undefined) => (value === undefined || value === '' ? '(none)' : String(value));

type FactValue = boolean | number | string | string[] | { days: number } | { text: string } | undefined;

/** A fact's value as the diff prints it: yes/no, "not stated", days, a list or the text itself. */
export function factText(value: FactValue): string {
  if (value === undefined) return '(none)';
  if (value === NOT_STATED) return 'not stated';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === 'until-uninstall') return 'until uninstall';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object') return 'days' in value ? `${value.days} days` : value.text;
  return String(value);
}

function field(out: string[], label: string, a: string | number | undefined, b: string | number | undefined): void {
  if (a !== b) out.push(`${label}: ${show(a)} → ${show(b)}`);
}

/** A structured fact: reported with both values when they differ. */
function fact(
  out: string[],
  label: string,
  a: Parameters<typeof factText>[0],
  b: Parameters<typeof factText>[0],
): void {
  const [x, y] = [factText(a), factText(b)];
  if (x !== y) out.push(`${label}: ${x} → ${y}`);
}

function textChanged(out: string[], label: string, a: string | undefined, b: string | undefined): void {
  if (a !== b) out.push(`${label} changed`);
}

/**
 * Diffs two keyed lists: reports added and removed entries, and calls `changed` on entries in both. A list
 * that becomes (or stops being) not-stated is reported as such, with the names `key` gives.
 */
function keyed<T>(
  out: string[],
  label: string,
  a: Stated<readonly T[]>,
  b: Stated<readonly T[]>,
  key: (item: T) => string,
  added: (item: T) => string,
  removed: (item: T) => string,
  changed: (x: T, y: T) => void,
): void {
  if (!isStated(a) || !isStated(b)) {
    if (isStated(b)) for (const item of b) out.push(added(item));
    else if (isStated(a)) out.push(`${label}: ${factText(a.map(key))} → not stated`);
    return;
  }
  const before = new Map(a.map((item) => [key(item), item]));
  const after = new Map(b.map((item) => [key(item), item]));
  for (const [k, item] of after) {
    const old = before.get(k);
    if (old === undefined) out.push(added(item));
    else changed(old, item);
  }
  for (const [k, item] of before) if (!after.has(k)) out.push(removed(item));
}

function contactText(contact: Contact): string {
  if (contact === NOT_STATED) return 'not stated';
  return [contact.email, contact.url].filter((v) => v !== undefined).join(' · ');
}

/** The app, the vendor, the contact, the hosting and what the statement covers. */
function diffWhoAndScope(out: string[], a: StatementFacts, b: StatementFacts): void {
  field(out, 'app name', a.app.name, b.app.name);
  textChanged(out, 'app summary', a.app.summary, b.app.summary);
  field(out, 'vendor', a.vendor.name, b.vendor.name);
  field(out, 'vendor website', a.vendor.website, b.vendor.website);
  field(out, 'vendor address', a.vendor.address, b.vendor.address);
  field(out, 'vendor country', a.vendor.country, b.vendor.country);
  field(out, 'contact', contactText(a.contact), contactText(b.contact));
  fact(out, 'hosting', a.hosting.model, b.hosting.model);
  textChanged(out, 'hosting description', a.hosting.description, b.hosting.description);
  fact(
    out,
    'apps covered',
    a.scope.apps.map((x) => `${x.name} (${x.hosting})`),
    b.scope.apps.map((x) => `${x.name} (${x.hosting})`),
  );
  fact(out, 'not covered', a.scope.excludes, b.scope.excludes);
}

/** What is stored, read, sent out and to whom: data categories, egress, analytics, sub-processors. */
function diffData(out: string[], a: StatementFacts, b: StatementFacts): void {
  keyed(
    out,
    'data stored',
    a.dataStored,
    b.dataStored,
    (c) => c.id,
    (c) => `new data category: ${c.name}`,
    (c) => `data category removed: ${c.name}`,
    (x, y) => {
      field(out, 'data category renamed', x.name, y.name);
      fact(out, `location of ${y.name}`, x.location, y.location);
      fact(out, `retention of ${y.name}`, x.retention, y.retention);
      fact(out, `personal data in ${y.name}`, x.personalData, y.personalData);
      fact(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      textChanged(out, `description of ${y.name}`, x.description, y.description);
    },
  );
  keyed(
    out,
    'data read',
    a.dataAccessed,
    b.dataAccessed,
    (d) => d.name,
    (d) => `now reads: ${d.name}`,
    (d) => `no longer reads: ${d.name}`,
    (x, y) => {
      textChanged(out, `purpose of reading ${y.name}`, x.purpose, y.purpose);
    },
  );
  keyed(
    out,
    'egress',
    a.egress,
    b.egress,
    (e) => `${e.domain}/${e.name}`,
    (e) => `new egress destination: ${factText(e.domain)}${e.endUserData === true ? ' (receives end-user data)' : ''}`,
    (e) => `egress destination removed: ${factText(e.domain)}`,
    (x, y) => {
      fact(out, `end-user data sent to ${factText(y.domain)}`, x.endUserData, y.endUserData);
      textChanged(out, `purpose of ${factText(y.domain)}`, x.purpose, y.purpose);
    },
  );
  fact(out, 'analytics collected', a.analytics.collected, b.analytics.collected);
  textChanged(out, 'analytics description', a.analytics.description, b.analytics.description);
  keyed(
    out,
    'sub-processors',
    a.subProcessors,
    b.subProcessors,
    (s) => s.name,
    (s) => `new sub-processor: ${s.name} (${factText(s.country)})`,
    (s) => `sub-processor removed: ${s.name}`,
    (x, y) => {
      fact(out, `country of ${y.name}`, x.country, y.country);
      textChanged(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      field(out, `web page of ${y.name}`, x.url, y.url);
    },
  );
}

/** Access, logs, residency, uninstall, commitments, security and how changes are announced. */
function diffPractices(out: string[], a: StatementFacts, b: StatementFacts): void {
  fact(out, 'vendor staff can reach stored data', a.access.vendorStaff, b.access.vendorStaff);
  textChanged(out, 'access description', a.access.description, b.access.description);
  fact(out, 'logs kept in', a.logs.location, b.logs.location);
  fact(out, 'end-user data in logs', a.logs.endUserData, b.logs.endUserData);
  textChanged(out, 'logs description', a.logs.description, b.logs.description);
  fact(out, 'data residency supported', a.dataResidency.supported, b.dataResidency.supported);
  textChanged(out, 'data residency description', a.dataResidency.description, b.dataResidency.description);
  fact(out, 'days until data is deleted after uninstall', a.uninstall.deletedAfterDays, b.uninstall.deletedAfterDays);
  textChanged(out, 'uninstall description', a.uninstall.description, b.uninstall.description);
  fact(out, 'no sale of data', a.commitments.noSale, b.commitments.noSale);
  fact(out, 'no sharing for marketing', a.commitments.noMarketingSharing, b.commitments.noMarketingSharing);
  fact(out, 'security measures', a.security.measures, b.security.measures);
  fact(out, 'changes announced by', a.changes.channels, b.changes.channels);
}

/** What the vendor holds apart from the app, and the requests an admin can make. */
function diffVendorRecords(out: string[], a: StatementFacts, b: StatementFacts): void {
  keyed(
    out,
    'vendor records',
    a.vendorRecords,
    b.vendorRecords,
    (r) => r.id,
    (r) => `vendor now keeps: ${r.name}`,
    (r) => `vendor no longer keeps: ${r.name}`,
    (x, y) => {
      field(out, 'vendor record renamed', x.name, y.name);
      fact(out, `retention of ${y.name}`, x.retention, y.retention);
      fact(out, `sources of ${y.name}`, x.sources, y.sources);
      fact(out, `vendor keeps a copy of ${y.name}`, x.vendorKeepsCopy, y.vendorKeepsCopy);
      fact(out, `who can see ${y.name}`, x.visibleTo, y.visibleTo);
      fact(out, `${y.name} shared with`, x.sharedWith, y.sharedWith);
      fact(out, `personal data in ${y.name}`, x.personalData, y.personalData);
      fact(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      textChanged(out, `description of ${y.name}`, x.description, y.description);
    },
  );
  keyed(
    out,
    'requests',
    a.rights,
    b.rights,
    (r) => `${r.kind}/${r.appliesTo}`,
    (r) => `new request: ${r.kind} (${r.appliesTo})`,
    (r) => `request removed: ${r.kind} (${r.appliesTo})`,
    (x, y) => {
      fact(out, `how to ask for ${y.kind} (${y.appliesTo})`, x.how, y.how);
      fact(out, `response time for ${y.kind} (${y.appliesTo})`, x.responseTime, y.responseTime);
    },
  );
}

/** What changed in the facts between two versions, one line each, in the order the statement lists them. */
export function diffFacts(a: StatementFacts, b: StatementFacts): string[] {
  const out: string[] = [];
  diffWhoAndScope(out, a, b);
  diffData(out, a, b);
  diffPractices(out, a, b);
  diffVendorRecords(out, a, b);
  return out;
}

export function diffSections(a: StatementSource['sections'], b: StatementSource['sections']): SectionChange[] {
  const before = new Map(a.map((s) => [s.id, s]));
  const after = new Set(b.map((s) => s.id));
  const out: SectionChange[] = [];
  for (const s of b) {
    const old = before.get(s.id);
    if (!old) out.push({ kind: 'added', id: s.id, title: s.title });
    else if (old.title !== s.title || old.markdown !== s.markdown) {
      out.push(
        old.title !== s.title
          ? { kind: 'changed', id: s.id, title: s.title, previousTitle: old.title }
          : { kind: 'changed', id: s.id, title: s.title },
      );
    }
  }
  for (const s of a) if (!after.has(s.id)) out.push({ kind: 'removed', id: s.id, title: s.title });
  return out;
}

/** `a` is the older version, `b` the newer. */
export function diffStatements(a: StatementSource, b: StatementSource): StatementDiff {
  return {
    from: a.version,
    to: b.version,
    sections: diffSections(a.sections, b.sections),
    facts: diffFacts(factsOf(a), factsOf(b)),
  };
}
