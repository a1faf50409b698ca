/**
 * The facts of any published source in the current model. A version 1 source is read as it was published
 * (its hash is never recomputed over anything else) and brought forward here, at read time: every fact
 * version 1 could not express becomes `not-stated`, never a guess.
 */
import type { StatementFactsV1, VendorRecordV1 } from './types-v1';
import { NOT_STATED, type StatementFacts, type StatementSource, type VendorRecordSource } from './types';

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
  return {
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
  };
}

/** The facts of a published source, in the current model. */
export function factsOf(source: StatementSource): StatementFacts {
  return source.format === undefined ? upgradeFactsV1(source.facts) : source.facts;
}
