/**
 * The Marketplace "Privacy & Security" answers (the Marketplace API's v2 groups), derived from the
 * statement facts (read through the truth table, src/domain/statement/truth-table.ts) and the manifest
 * evidence: no answer is typed by hand, none is guessed. A field the statement cannot answer is `null` in
 * the body and named in `unanswered`; this app's manifest answers a field only when the statement
 * describes a Forge app.
 *
 * Sources (each field and enum below cites one of these):
 * - API_V2: https://developer.atlassian.com/platform/marketplace/rest/v2/api-group-privacy-and-security/
 *   (GET/PUT /rest/2/addons/{addonKey}/privacy-and-security: the groups dataAccessAndStorage,
 *   thirdPartyInformation, logDetails and dataResidency, with the field names used in the body).
 * - API_V4: https://developer.atlassian.com/platform/marketplace/rest/v4/api-group-privacy-and-security/
 *   (the further groups dataRetention, privacy (GDPR controller/processor and others) and security; their
 *   field names are not in the captured text, so `statementAnswers` gives their values in our words for
 *   the vendor to enter, never as guessed API fields).
 * - TAB: https://developer.atlassian.com/platform/marketplace/security-privacy-tab/ (what the tab asks).
 */
import { factStates } from '../../src/domain/statement/truth-table';
import { isStated, statedEntries, type Retention, type StatementFacts } from '../../src/domain/statement/types';
import { isExemptAnalytics } from './eligibility';
import { insideAtlassian } from './statement-checks';
import type { Evidence } from '../../src/domain/evidence/types';

export const MARKETPLACE_API_SOURCES = {
  API_V2: 'https://developer.atlassian.com/platform/marketplace/rest/v2/api-group-privacy-and-security/',
  API_V4: 'https://developer.atlassian.com/platform/marketplace/rest/v4/api-group-privacy-and-security/',
  TAB: 'https://developer.atlassian.com/platform/marketplace/security-privacy-tab/',
} as const;

/**
 * The one `isDataResidencySupported` value this app can prove: data stored in Atlassian, residency
 * supported (API_V2; only the prefix `STORED_IN_ATLASSIAN_N_DR_SUPPO…` is in the captured text: check the
 * full enum against the API schema before the first PUT). The "not supported" values are not in the
 * captured text: a statement that says "not supported" is answered in `statementAnswers.residency`.
 */
export const RESIDENCY_STORED_IN_ATLASSIAN = 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED';

/** The groups API_V2 names, with its field names. `null`: the statement cannot answer (see `unanswered`). */
export interface MarketplacePrivacyBody {
  /** API_V2. */
  dataAccessAndStorage: {
    isSameDataProcessedAndStored: boolean;
    appProcessEUDOutsideAtlassian: boolean | null;
    typesOfDataAccessed: string[] | null;
    appStoresEUDOutsideAtlassian: boolean | null;
    typesOfDataStored: string[] | null;
  };
  /** API_V2. */
  thirdPartyInformation: {
    isEndUserDataShared: boolean | null;
    dataSubProcessors: string | null;
    thirdPartyDetails: { name: string; link: string; purpose: string; thirdPartyCountries: string[] }[];
  };
  /** API_V2. */
  logDetails: {
    logEndUserData: boolean | null;
    logProcessAndOrStoreEUDOutsideAtlassian: boolean | null;
    logEUDShareWithThirdParty: boolean | null;
    logsIntegralForAppFunctionality: boolean;
  };
  /** API_V2. */
  dataResidency: {
    /** null when the evidence cannot back a "supported" answer: answer it by hand, with care. */
    isDataResidencySupported: string | null;
  };
}

/**
 * The groups API_V4 adds (data retention, privacy, security), as the statement answers them, in our
 * words: the vendor enters each in the listing's matching field. `null`: the statement does not say.
 */
export interface StatementAnswers {
  residency: 'supported' | 'not supported' | null;
  dataRetention: {
    /** Each stored category's retention, as the statement gives it; null when the statement does not list what it stores. */
    categories: { name: string; retention: string | null }[] | null;
    deletedAfterUninstallDays: number | null;
  };
  privacy: {
    /** The vendor does not sell data (the CCPA question). */
    noSale: boolean | null;
    noMarketingSharing: boolean | null;
  };
  security: { measures: string[] | null };
}

export interface MarketplacePrivacyAnswers {
  body: MarketplacePrivacyBody;
  statementAnswers: StatementAnswers;
  /** Every field the statement (and the evidence) cannot answer, by name and why: for the vendor to settle. */
  unanswered: string[];
  /** Answers the build derived but a human should check before the PUT. */
  notes: string[];
}

/** In-scope end-user data can leave Atlassian: egress with inScopeEUD, remotes, Connect, providers. */
export function euDataLeavesAtlassian(evidence: Evidence): boolean {
  const m = evidence.manifest;
  const eudEgress = m.egress.some((e) => e.remote !== null || (e.inScopeEUD && !isExemptAnalytics(e)));
  return eudEgress || m.remotes.length > 0 || m.connectModules.length > 0 || m.providers.length > 0;
}

function retentionText(r: Retention): string | null {
  if (!isStated(r)) return null;
  if (r === 'until-uninstall') return 'until the app is uninstalled';
  return 'days' in r ? `${r.days} days` : r.text;
}

const yesNo = (v: boolean | 'not-stated'): boolean | null => (isStated(v) ? v : null);

/** Fields no statement fact answers: always the vendor's to fill. */
const NEVER_IN_STATEMENT = [
  'privacy: GDPR role (controller or processor): the statement model has no such fact (API_V4)',
  'privacy: whether a data processing agreement (DPA) is offered: the statement model has no such fact (API_V4)',
  'dataRetention: whether customers can set a custom retention period: the statement model has no such fact (API_V4)',
];

// eslint-disable-next-line max-lines-per-function -- TODO(split)
export function marketplacePrivacy(facts: StatementFacts, evidence: Evidence): MarketplacePrivacyAnswers {
  const notes: string[] = [];
  const unanswered: string[] = [];
  const states = factStates(facts, evidence.runsOnAtlassian);
  const ask = (field: string, why: string): null => {
    unanswered.push(`${field}: ${why}`);
    return null;
  };
  // This app's manifest speaks only for a Forge app; for any other hosting model the statement alone answers.
  const forge = facts.hosting.model === 'forge';
  const leaves = forge ? euDataLeavesAtlassian(evidence) : null;
  const stored = statedEntries(facts.dataStored);
  const storedOutside = isStated(facts.dataStored)
    ? stored.some((c) => isStated(c.location) && !insideAtlassian(c.location))
    : null;
  const unknownLocation = isStated(facts.dataStored) && stored.some((c) => !isStated(c.location));
  const egress = statedEntries(facts.egress);
  const sharedByStatement = egress.some((d) => d.endUserData === true);
  const subs = isStated(facts.subProcessors) ? facts.subProcessors : null;

  const storesOutside =
    storedOutside === true || leaves === true
      ? true
      : storedOutside === false && !unknownLocation && leaves === false
        ? false
        : ask(
            'dataAccessAndStorage.appStoresEUDOutsideAtlassian',
            'the statement does not say where every category is stored, or the evidence does not apply (API_V2)',
          );
  const processesOutside =
    leaves ??
    (states.egress.says === 'empty'
      ? false
      : sharedByStatement
        ? true
        : ask(
            'dataAccessAndStorage.appProcessEUDOutsideAtlassian',
            'not a Forge app, and the statement does not settle it (API_V2)',
          ));
  const endUserDataShared =
    sharedByStatement || (leaves === true && subs !== null && subs.length > 0)
      ? true
      : states.egress.says === 'empty' || (subs !== null && subs.length === 0)
        ? false
        : ask('thirdPartyInformation.isEndUserDataShared', 'the statement does not say (API_V2)');
  const logsOutside =
    facts.logs.location === 'not-stated' || facts.logs.endUserData === 'not-stated'
      ? ask(
          'logDetails.logProcessAndOrStoreEUDOutsideAtlassian',
          'the statement does not say where logs are kept or what they hold (API_V2)',
        )
      : facts.logs.endUserData && facts.logs.location === 'vendor';

  const residencyProven =
    forge && facts.dataResidency.supported === true && evidence.dataResidency.eligible && storedOutside === false;
  if (facts.dataResidency.supported === true && !residencyProven)
    notes.push(
      'dataResidency.isDataResidencySupported: the statement claims support, but the evidence does not prove it; answer by hand',
    );
  if (facts.dataResidency.supported === false)
    ask(
      'dataResidency.isDataResidencySupported',
      'the statement says "not supported"; the captured API text names no "not supported" value: choose it by hand (API_V2)',
    );
  if (facts.dataResidency.supported === 'not-stated')
    ask('dataResidency.isDataResidencySupported', 'the statement does not say (API_V2)');
  if (facts.logs.location === 'vendor' && leaves === false) {
    notes.push(
      'logDetails: the statement says logs are stored outside Atlassian, but the manifest lets no end-user data out; check facts.logs',
    );
  }

  const body: MarketplacePrivacyBody = {
    dataAccessAndStorage: {
      // The app processes exactly what it stores only when it reads nothing it does not keep.
      isSameDataProcessedAndStored: facts.dataAccessed.length === 0,
      appProcessEUDOutsideAtlassian: processesOutside,
      typesOfDataAccessed: isStated(facts.dataStored)
        ? [...new Set([...facts.dataAccessed.map((a) => a.name), ...stored.map((c) => c.name)])]
        : ask('dataAccessAndStorage.typesOfDataAccessed', 'the statement does not say what is stored (API_V2)'),
      appStoresEUDOutsideAtlassian: storesOutside,
      typesOfDataStored: isStated(facts.dataStored)
        ? stored.map((c) => c.name)
        : ask('dataAccessAndStorage.typesOfDataStored', 'the statement does not say what is stored (API_V2)'),
    },
    thirdPartyInformation: {
      isEndUserDataShared: endUserDataShared,
      dataSubProcessors:
        subs === null
          ? ask('thirdPartyInformation.dataSubProcessors', 'the statement does not say (API_V2)')
          : subs.length === 0
            ? 'None'
            : subs.map((s) => `${s.name} (${s.country}): ${s.purpose}`).join('; '),
      thirdPartyDetails: (subs ?? []).map((s) => ({
        name: s.name,
        link: s.url ?? '',
        purpose: s.purpose,
        thirdPartyCountries: isStated(s.country) ? [s.country] : [],
      })),
    },
    logDetails: {
      logEndUserData:
        yesNo(facts.logs.endUserData) ?? ask('logDetails.logEndUserData', 'the statement does not say (API_V2)'),
      logProcessAndOrStoreEUDOutsideAtlassian: logsOutside,
      logEUDShareWithThirdParty: logsOutside === null ? null : logsOutside && endUserDataShared === true,
      // Site admins can turn off developer access to Forge logs (Forge docs: logs and app access), so no Forge app may depend on them.
      logsIntegralForAppFunctionality: false,
    },
    dataResidency: { isDataResidencySupported: residencyProven ? RESIDENCY_STORED_IN_ATLASSIAN : null },
  };
  for (const s of subs ?? [])
    if (!isStated(s.country))
      ask(
        `thirdPartyInformation.thirdPartyDetails[${s.name}].thirdPartyCountries`,
        'the statement does not name the country (API_V2)',
      );

  const statementAnswers: StatementAnswers = {
    residency:
      facts.dataResidency.supported === 'not-stated'
        ? null
        : facts.dataResidency.supported
          ? 'supported'
          : 'not supported',
    dataRetention: {
      categories: isStated(facts.dataStored)
        ? stored.map((c) => ({ name: c.name, retention: retentionText(c.retention) }))
        : ask('dataRetention: how long data is kept', 'the statement does not say what is stored (API_V4)'),
      deletedAfterUninstallDays: isStated(facts.uninstall.deletedAfterDays)
        ? facts.uninstall.deletedAfterDays
        : ask('dataRetention: deletion after uninstall', 'the statement does not say (API_V4)'),
    },
    privacy: {
      noSale:
        yesNo(facts.commitments.noSale) ??
        ask('privacy: no sale of data (CCPA)', 'the statement does not say (API_V4)'),
      noMarketingSharing:
        yesNo(facts.commitments.noMarketingSharing) ??
        ask('privacy: no sharing for marketing', 'the statement does not say (API_V4)'),
    },
    security: {
      measures: isStated(facts.security.measures)
        ? facts.security.measures
        : ask('security: measures', 'the statement names none (API_V4)'),
    },
  };
  for (const c of stored)
    if (!isStated(c.retention)) ask(`dataRetention: retention of ${c.name}`, 'the statement does not say (API_V4)');
  unanswered.push(...NEVER_IN_STATEMENT);
  return { body, statementAnswers, unanswered, notes };
}
