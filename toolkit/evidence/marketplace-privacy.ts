/**
 * The Marketplace "Privacy & Security" answers (the Marketplace API's v2 groups), derived from the
 * statement facts and the manifest evidence: no answer is typed by hand.
 */
import type { StatementFacts } from '../../src/domain/statement/types';
import { isExemptAnalytics } from './eligibility';
import { INSIDE_ATLASSIAN } from './statement-checks';
import type { Evidence } from '../../src/domain/evidence/types';

/**
 * The one `isDataResidencySupported` value this app can prove: data stored in Atlassian, residency
 * supported. Only the prefix `STORED_IN_ATLASSIAN_N_DR_SUPPO…` is confirmed by the captured API docs;
 * check the full enum against the Marketplace API schema before the first PUT.
 */
export const RESIDENCY_STORED_IN_ATLASSIAN = 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED';

export interface MarketplacePrivacyBody {
  dataAccessAndStorage: {
    isSameDataProcessedAndStored: boolean;
    appProcessEUDOutsideAtlassian: boolean;
    typesOfDataAccessed: string[];
    appStoresEUDOutsideAtlassian: boolean;
    typesOfDataStored: string[];
  };
  thirdPartyInformation: {
    isEndUserDataShared: boolean;
    dataSubProcessors: string;
    thirdPartyDetails: { name: string; link: string; purpose: string; thirdPartyCountries: string[] }[];
  };
  logDetails: {
    logEndUserData: boolean;
    logProcessAndOrStoreEUDOutsideAtlassian: boolean;
    logEUDShareWithThirdParty: boolean;
    logsIntegralForAppFunctionality: boolean;
  };
  dataResidency: {
    /** null when the evidence cannot back a "supported" answer: answer it by hand, with care. */
    isDataResidencySupported: string | null;
  };
}

export interface MarketplacePrivacyAnswers {
  body: MarketplacePrivacyBody;
  /** Answers the build could not derive, for a human to settle before the PUT. */
  notes: string[];
}

/** In-scope end-user data can leave Atlassian: egress with inScopeEUD, remotes, Connect, providers. */
export function euDataLeavesAtlassian(evidence: Evidence): boolean {
  const m = evidence.manifest;
  const eudEgress = m.egress.some((e) => e.remote !== null || (e.inScopeEUD && !isExemptAnalytics(e)));
  return eudEgress || m.remotes.length > 0 || m.connectModules.length > 0 || m.providers.length > 0;
}

export function marketplacePrivacy(facts: StatementFacts, evidence: Evidence): MarketplacePrivacyAnswers {
  const notes: string[] = [];
  const leaves = euDataLeavesAtlassian(evidence);
  const storedOutside = facts.dataStored.some((c) => !INSIDE_ATLASSIAN.includes(c.location));
  const sharedByStatement = facts.egress.some((d) => d.endUserData);
  const endUserDataShared = sharedByStatement || (leaves && facts.subProcessors.length > 0);
  const logsOutside = facts.logs.endUserData !== false && facts.logs.location === 'vendor';

  const residencyProven = facts.dataResidency.supported === true && evidence.dataResidency.eligible && !storedOutside;
  if (!residencyProven) {
    notes.push(
      facts.dataResidency.supported === true
        ? 'dataResidency.isDataResidencySupported: the statement claims support, but the evidence does not prove it; answer by hand'
        : 'dataResidency.isDataResidencySupported: the statement claims no residency support; choose the matching "not supported" answer by hand',
    );
  }
  if (facts.logs.location === 'vendor' && !leaves) {
    notes.push(
      'logDetails: the statement says logs are stored outside Atlassian, but the manifest lets no end-user data out; check facts.logs',
    );
  }

  return {
    body: {
      dataAccessAndStorage: {
        // The app processes exactly what it stores only when it reads nothing it does not keep.
        isSameDataProcessedAndStored: facts.dataAccessed.length === 0,
        appProcessEUDOutsideAtlassian: leaves,
        typesOfDataAccessed: [
          ...new Set([...facts.dataAccessed.map((a) => a.name), ...facts.dataStored.map((c) => c.name)]),
        ],
        appStoresEUDOutsideAtlassian: storedOutside || leaves,
        typesOfDataStored: facts.dataStored.map((c) => c.name),
      },
      thirdPartyInformation: {
        isEndUserDataShared: endUserDataShared,
        dataSubProcessors:
          facts.subProcessors.length === 0
            ? 'None'
            : facts.subProcessors.map((s) => `${s.name} (${s.country}): ${s.purpose}`).join('; '),
        thirdPartyDetails: facts.subProcessors.map((s) => ({
          name: s.name,
          link: s.url ?? '',
          purpose: s.purpose,
          thirdPartyCountries: [s.country],
        })),
      },
      logDetails: {
        logEndUserData: facts.logs.endUserData !== false,
        logProcessAndOrStoreEUDOutsideAtlassian: logsOutside,
        logEUDShareWithThirdParty: logsOutside && endUserDataShared,
        // Site admins can turn off developer access to Forge logs (Forge docs: logs and app access), so no Forge app may depend on them.
        logsIntegralForAppFunctionality: false,
      },
      dataResidency: { isDataResidencySupported: residencyProven ? RESIDENCY_STORED_IN_ATLASSIAN : null },
    },
    notes,
  };
}
