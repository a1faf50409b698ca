/**
 * The facts of any published source in the current model. A version 1 or 2 source is read as it was
 * published (its hash is never recomputed over anything else) and brought forward here, at read time: every
 * fact an older version could not express becomes `not-stated`, never a guess.
 */
import type { StatementFactsV1, VendorRecordV1 } from './types';
import type { StatementFactsV2 } from './types';
import {
  isStated,
  NOT_STATED,
  type Stated,
  type StatementFacts,
  type StatementSource,
  type VendorRecordSource,
} from './types';

/**
 * A purpose as the page shows it: trimmed, without the final full stop (the page's sentences add their own
 * punctuation, so a purpose never renders ".."). The one place punctuation is normalised: the schema
 * applies it when a statement is compiled, `factsOf` when an older source is read.
 */
export function purposeText(text: string): string {
  return text.trim().replace(/\s*\.+$/u, '');
}

function purposeOf(value: Stated<string>): Stated<string> {
  return isStated(value) ? purposeText(value) : value;
}

/** Version 2 facts (and version 1, once upgraded) in the current model: only their purposes change. */
export function upgradeFactsV2(facts: StatementFactsV2 | StatementFacts): StatementFacts {
  const list = <T>(value: Stated<T[]>, each: (item: T) => T): Stated<T[]> =>
    isStated(value) ? value.map(each) : value;
  return {
    ...facts,
    dataStored: list(facts.dataStored, (c) => ({ ...c, purpose: purposeOf(c.purpose) })),
    dataAccessed: facts.dataAccessed.map((a) => ({ ...a, purpose: purposeText(a.purpose) })),
    egress: list(facts.egress, (e) => ({ ...e, purpose: purposeText(e.purpose) })),
    subProcessors: list(facts.subProcessors, (s) => ({ ...s, purpose: purposeText(s.purpose) })),
    vendorRecords: list(facts.vendorRecords, (r) => ({ ...r, purpose: purposeOf(r.purpose) })),
  };
}

const V1_RECORD_SOURCES: Record<VendorRecordV1['source'], VendorRecordSource[]> = {
  'atlassian-marketplace': ['marketplace'],
  support: ['support-desk'],
  website: ['website'],
  newsletter: ['email'],
  other: [],
};

function logLocationV1(facts: StatementFactsV1): StatementFacts['logs']['location'] {
  if (facts.logs.storedOutsideAtlassian) return 'vendor';
  return facts.hosting.model === 'forge' ? 'atlassian-forge-logs' : NOT_STATED;
}

/** Version 1 facts in the current model. */
export function upgradeFactsV1(facts: StatementFactsV1): StatementFacts {
  return upgradeFactsV2({
    app: facts.app,
    vendor: facts.vendor,
    contact: facts.contact,
    hosting: facts.hosting,
    scope: { apps: [{ name: facts.app.name, hosting: facts.hosting.model }], excludes: [] },
    dataStored: facts.dataStored.map((c) => ({ ...c, retention: { text: c.retention } })),
    dataAccessed: facts.dataAccessed,
    egress: facts.egress,
    analytics: facts.analytics,
    subProcessors: facts.subProcessors,
    access: { vendorStaff: NOT_STATED },
    logs: { location: logLocationV1(facts), endUserData: facts.logs.endUserData, description: facts.logs.description },
    dataResidency: facts.dataResidency,
    uninstall: {
      deletedAfterDays: facts.uninstall.deletedAfterDays ?? NOT_STATED,
      description: facts.uninstall.description,
    },
    commitments: { noSale: NOT_STATED, noMarketingSharing: NOT_STATED },
    security: { measures: NOT_STATED },
    changes: { channels: NOT_STATED },
    vendorRecords: (facts.vendorRecords ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      sources: V1_RECORD_SOURCES[r.source],
      purpose: r.purpose,
      vendorKeepsCopy: NOT_STATED,
      visibleTo: NOT_STATED,
      sharedWith: NOT_STATED,
      retention: { text: r.retention },
      personalData: r.personalData,
    })),
    rights: [],
  });
}

/** The facts of a published source, in the current model. */
export function factsOf(source: StatementSource): StatementFacts {
  if (source.format === undefined) return upgradeFactsV1(source.facts);
  return source.format === 2 ? upgradeFactsV2(source.facts) : source.facts;
}
