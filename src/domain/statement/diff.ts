/**
 * What changed between two statement versions: sections added, removed or changed, and the facts that
 * changed, as short human sentences ("retention of X: A → B"). Plain data; the page renders it.
 */
import type { StatementFacts, StatementSource } from './types';

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

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const show = (value: string | number | undefined) => (value === undefined || value === '' ? '(none)' : String(value));

function field(out: string[], label: string, a: string | number | undefined, b: string | number | undefined): void {
  if (a !== b) out.push(`${label}: ${show(a)} → ${show(b)}`);
}

function textChanged(out: string[], label: string, a: string, b: string): void {
  if (a !== b) out.push(`${label} changed`);
}

/** Diffs two keyed lists: reports added and removed entries, and calls `changed` on entries in both. */
function keyed<T>(
  out: string[],
  a: readonly T[],
  b: readonly T[],
  key: (item: T) => string,
  added: (item: T) => string,
  removed: (item: T) => string,
  changed: (x: T, y: T) => void,
): void {
  const before = new Map(a.map((item) => [key(item), item]));
  const after = new Map(b.map((item) => [key(item), item]));
  for (const [k, item] of after) {
    const old = before.get(k);
    if (old === undefined) out.push(added(item));
    else changed(old, item);
  }
  for (const [k, item] of before) if (!after.has(k)) out.push(removed(item));
}

export function diffFacts(a: StatementFacts, b: StatementFacts): string[] {
  const out: string[] = [];
  field(out, 'app name', a.app.name, b.app.name);
  textChanged(out, 'app summary', a.app.summary, b.app.summary);
  field(out, 'vendor', a.vendor.name, b.vendor.name);
  field(out, 'vendor website', a.vendor.website, b.vendor.website);
  field(out, 'vendor address', a.vendor.address, b.vendor.address);
  field(out, 'vendor country', a.vendor.country, b.vendor.country);
  field(out, 'contact email', a.contact.email, b.contact.email);
  field(out, 'contact page', a.contact.url, b.contact.url);
  field(out, 'hosting', a.hosting.model, b.hosting.model);
  textChanged(out, 'hosting description', a.hosting.description, b.hosting.description);

  keyed(
    out,
    a.dataStored,
    b.dataStored,
    (c) => c.id,
    (c) => `new data category: ${c.name}`,
    (c) => `data category removed: ${c.name}`,
    (x, y) => {
      field(out, 'data category renamed', x.name, y.name);
      field(out, `location of ${y.name}`, x.location, y.location);
      field(out, `retention of ${y.name}`, x.retention, y.retention);
      if (x.personalData !== y.personalData)
        out.push(y.personalData ? `${y.name} now holds personal data` : `${y.name} no longer holds personal data`);
      textChanged(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      textChanged(out, `description of ${y.name}`, x.description, y.description);
    },
  );
  keyed(
    out,
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
    a.egress,
    b.egress,
    (e) => e.domain,
    (e) => `new egress destination: ${e.domain}${e.endUserData ? ' (receives end-user data)' : ''}`,
    (e) => `egress destination removed: ${e.domain}`,
    (x, y) => {
      if (x.endUserData !== y.endUserData)
        out.push(
          y.endUserData ? `${y.domain} now receives end-user data` : `${y.domain} no longer receives end-user data`,
        );
      field(out, `name of ${y.domain}`, x.name, y.name);
      textChanged(out, `purpose of ${y.domain}`, x.purpose, y.purpose);
    },
  );
  if (a.analytics.collected !== b.analytics.collected)
    out.push(b.analytics.collected ? 'analytics are now collected' : 'analytics are no longer collected');
  textChanged(out, 'analytics description', a.analytics.description, b.analytics.description);
  keyed(
    out,
    a.subProcessors,
    b.subProcessors,
    (s) => s.name,
    (s) => `new sub-processor: ${s.name} (${s.country})`,
    (s) => `sub-processor removed: ${s.name}`,
    (x, y) => {
      field(out, `country of ${y.name}`, x.country, y.country);
      textChanged(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      field(out, `web page of ${y.name}`, x.url, y.url);
    },
  );
  if (a.logs.endUserData !== b.logs.endUserData)
    out.push(b.logs.endUserData ? 'logs now contain end-user data' : 'logs no longer contain end-user data');
  if (a.logs.storedOutsideAtlassian !== b.logs.storedOutsideAtlassian)
    out.push(
      b.logs.storedOutsideAtlassian
        ? 'logs are now stored outside Atlassian'
        : 'logs are no longer stored outside Atlassian',
    );
  textChanged(out, 'logs description', a.logs.description, b.logs.description);
  field(out, 'data residency supported', yesNo(a.dataResidency.supported), yesNo(b.dataResidency.supported));
  textChanged(out, 'data residency description', a.dataResidency.description, b.dataResidency.description);
  field(out, 'days until data is deleted after uninstall', a.uninstall.deletedAfterDays, b.uninstall.deletedAfterDays);
  textChanged(out, 'uninstall description', a.uninstall.description, b.uninstall.description);
  keyed(
    out,
    a.vendorRecords ?? [],
    b.vendorRecords ?? [],
    (r) => r.id,
    (r) => `vendor now keeps: ${r.name}`,
    (r) => `vendor no longer keeps: ${r.name}`,
    (x, y) => {
      field(out, 'vendor record renamed', x.name, y.name);
      field(out, `retention of ${y.name}`, x.retention, y.retention);
      field(out, `source of ${y.name}`, x.source, y.source);
      if (x.personalData !== y.personalData)
        out.push(y.personalData ? `${y.name} now holds personal data` : `${y.name} no longer holds personal data`);
      textChanged(out, `purpose of ${y.name}`, x.purpose, y.purpose);
      textChanged(out, `description of ${y.name}`, x.description, y.description);
    },
  );
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
    facts: diffFacts(a.facts, b.facts),
  };
}
