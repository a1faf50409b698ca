/**
 * The Marketplace "Privacy & Security" answers (the Marketplace API's v2 payload), derived from the
 * statement facts (read through the truth table, src/domain/statement/truth-table.ts) and the manifest
 * evidence: no answer is typed by hand, none is guessed. A field the statement cannot answer is `null` in
 * the body and named in `unanswered`; this app's manifest answers a field only when the statement
 * describes a Forge app.
 *
 * Source of every field name and enum value below: Atlassian's description of the API,
 * API_V2 = https://developer.atlassian.com/platform/marketplace/rest/v2/api-group-privacy-and-security/
 * - PUT /rest/2/addons/{addonKey}/privacy-and-security creates or updates the draft; its one body
 *   parameter, `appTrustInformation` (required), holds the groups. GET on the same path answers them
 *   (TrustInfo), with `state` "live" or "draft".
 * - The page's TrustInfo example names, in this order: dataAccessAndStorage (isSameDataProcessedAndStored,
 *   appProcessEUDOutsideAtlassian, typesOfDataAccessed, appStoresEUDOutsideAtlassian, typesOfDataStored),
 *   thirdPartyInformation (isEndUserDataShared, dataSubProcessors, thirdPartyDetails[name, link, purpose,
 *   thirdPartyCountries]), logDetails (logEndUserData, logProcessAndOrStoreEUDOutsideAtlassian,
 *   logEUDShareWithThirdParty, logsIntegralForAppFunctionality), dataResidency (isDataResidencySupported,
 *   countriesWhereEndUserDataStored, realmMigrationSupported, inScopeDataTypes), dataRetention
 *   (isDataRetentionSupported, retentionDurationInDays{min, max}, isCustomRetentionPeriodAllowed,
 *   isRetentionDurationIndefinite) and privacy (privacyEnhancingTechniques{arePrivacyEnhancingTechniquesSupported,
 *   privacyEnhancingTechniquesSupported}, then gdpr, whose dataController the example shows as `{}`).
 * - The page gives one value of isDataResidencySupported, "STORED_IN_ATLASSIAN_N_DR_SUPPORTED", and no
 *   list of the others; it describes no field beyond its name and example type.
 * Where the page leaves doubt (the rest of the privacy group after gdpr.dataController, any further group,
 * the other residency values, what the retention fields measure, whether a PUT takes null), the answer is
 * left to the vendor and named in `unanswered`, or carries a note to check it before the PUT.
 * TAB: https://developer.atlassian.com/platform/marketplace/security-privacy-tab/ (what the tab asks).
 */
import { factStates, type FactState, type TruthFact } from '../../src/domain/statement/truth-table';
import { isStated, statedEntries, type Retention, type StatementFacts } from '../../src/domain/statement/types';
import { isExemptAnalytics } from './eligibility';
import { insideAtlassian } from './statement-checks';
import type { Evidence } from '../../src/domain/evidence/types';

export const MARKETPLACE_API_SOURCES = {
  API_V2: 'https://developer.atlassian.com/platform/marketplace/rest/v2/api-group-privacy-and-security/',
  TAB: 'https://developer.atlassian.com/platform/marketplace/security-privacy-tab/',
} as const;

/** The one isDataResidencySupported value API_V2 gives: data stored in Atlassian, residency supported. */
export const RESIDENCY_STORED_IN_ATLASSIAN = 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED';

/**
 * Every field path of API_V2's example that the body carries (`[]`: each item of a list). The privacy
 * group's `gdpr` and whatever follows it are left out: the page's text shows no field of theirs.
 */
export const API_V2_FIELDS = [
  'dataAccessAndStorage.isSameDataProcessedAndStored',
  'dataAccessAndStorage.appProcessEUDOutsideAtlassian',
  'dataAccessAndStorage.typesOfDataAccessed',
  'dataAccessAndStorage.appStoresEUDOutsideAtlassian',
  'dataAccessAndStorage.typesOfDataStored',
  'thirdPartyInformation.isEndUserDataShared',
  'thirdPartyInformation.dataSubProcessors',
  'thirdPartyInformation.thirdPartyDetails[].name',
  'thirdPartyInformation.thirdPartyDetails[].link',
  'thirdPartyInformation.thirdPartyDetails[].purpose',
  'thirdPartyInformation.thirdPartyDetails[].thirdPartyCountries',
  'logDetails.logEndUserData',
  'logDetails.logProcessAndOrStoreEUDOutsideAtlassian',
  'logDetails.logEUDShareWithThirdParty',
  'logDetails.logsIntegralForAppFunctionality',
  'dataResidency.isDataResidencySupported',
  'dataResidency.countriesWhereEndUserDataStored',
  'dataResidency.realmMigrationSupported',
  'dataResidency.inScopeDataTypes',
  'dataRetention.isDataRetentionSupported',
  'dataRetention.retentionDurationInDays.min',
  'dataRetention.retentionDurationInDays.max',
  'dataRetention.isCustomRetentionPeriodAllowed',
  'dataRetention.isRetentionDurationIndefinite',
  'privacy.privacyEnhancingTechniques.arePrivacyEnhancingTechniquesSupported',
  'privacy.privacyEnhancingTechniques.privacyEnhancingTechniquesSupported',
] as const;

/** The groups of API_V2's appTrustInformation, with its field names. `null`: unanswered (see `unanswered`). */
export interface MarketplacePrivacyBody {
  dataAccessAndStorage: {
    isSameDataProcessedAndStored: boolean;
    appProcessEUDOutsideAtlassian: boolean | null;
    typesOfDataAccessed: string[] | null;
    appStoresEUDOutsideAtlassian: boolean | null;
    typesOfDataStored: string[] | null;
  };
  thirdPartyInformation: {
    isEndUserDataShared: boolean | null;
    dataSubProcessors: string | null;
    thirdPartyDetails: { name: string; link: string; purpose: string; thirdPartyCountries: string[] }[];
  };
  logDetails: {
    logEndUserData: boolean | null;
    logProcessAndOrStoreEUDOutsideAtlassian: boolean | null;
    logEUDShareWithThirdParty: boolean | null;
    logsIntegralForAppFunctionality: boolean;
  };
  dataResidency: {
    /** Only the one value API_V2 gives, when the evidence proves it; otherwise the vendor's to pick. */
    isDataResidencySupported: typeof RESIDENCY_STORED_IN_ATLASSIAN | null;
    countriesWhereEndUserDataStored: null;
    realmMigrationSupported: null;
    inScopeDataTypes: null;
  };
  dataRetention: {
    isDataRetentionSupported: null;
    retentionDurationInDays: { min: null; max: number } | null;
    isCustomRetentionPeriodAllowed: null;
    isRetentionDurationIndefinite: boolean | null;
  };
  privacy: {
    privacyEnhancingTechniques: {
      arePrivacyEnhancingTechniquesSupported: null;
      privacyEnhancingTechniquesSupported: null;
    };
  };
}

/** The PUT's body (API_V2: one required body parameter, appTrustInformation). */
export interface MarketplacePrivacyPut {
  appTrustInformation: MarketplacePrivacyBody;
}

/**
 * What the statement says that no field of the payload API_V2 shows holds, in our words, for the vendor's
 * own use (the form's further questions, a security questionnaire). `null`: the statement does not say.
 */
export interface StatementAnswers {
  dataRetention: {
    /** Each stored category's retention, as the statement gives it; null when the statement does not list what it stores. */
    categories: { name: string; retention: string | null }[] | null;
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
  /** `body` as the PUT takes it. */
  put: MarketplacePrivacyPut;
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

/** What the answers are built from, read once. */
interface Inputs {
  facts: StatementFacts;
  evidence: Evidence;
  states: Record<TruthFact, FactState>;
  /** This app's manifest speaks only for a Forge app; for any other hosting model the statement alone answers. */
  forge: boolean;
  /** End-user data leaves Atlassian by the manifest; null when the statement is not about a Forge app. */
  leaves: boolean | null;
  /** Some stored category is outside Atlassian; null when the statement does not list what it stores. */
  storedOutside: boolean | null;
  unknownLocation: boolean;
  sharedByStatement: boolean;
  subs: Exclude<StatementFacts['subProcessors'], 'not-stated'> | null;
  ask: (field: string, why: string) => null;
  notes: string[];
}

function inputsOf(facts: StatementFacts, evidence: Evidence, unanswered: string[]): Inputs {
  const forge = facts.hosting.model === 'forge';
  const stored = statedEntries(facts.dataStored);
  return {
    facts,
    evidence,
    states: factStates(facts, evidence.runsOnAtlassian),
    forge,
    leaves: forge ? euDataLeavesAtlassian(evidence) : null,
    storedOutside: isStated(facts.dataStored)
      ? stored.some((c) => isStated(c.location) && !insideAtlassian(c.location))
      : null,
    unknownLocation: isStated(facts.dataStored) && stored.some((c) => !isStated(c.location)),
    sharedByStatement: statedEntries(facts.egress).some((d) => d.endUserData === true),
    subs: isStated(facts.subProcessors) ? facts.subProcessors : null,
    ask: (field, why) => {
      unanswered.push(`${field}: ${why}`);
      return null;
    },
    notes: [],
  };
}

function dataAccessAndStorage(i: Inputs): MarketplacePrivacyBody['dataAccessAndStorage'] {
  const { facts, ask } = i;
  const stored = statedEntries(facts.dataStored);
  const storesOutside =
    i.storedOutside === true || i.leaves === true
      ? true
      : i.storedOutside === false && !i.unknownLocation && i.leaves === false
        ? false
        : ask(
            'dataAccessAndStorage.appStoresEUDOutsideAtlassian',
            'the statement does not say where every category is stored, or the evidence does not apply',
          );
  const processesOutside =
    i.leaves ??
    (i.states.egress.says === 'empty'
      ? false
      : i.sharedByStatement
        ? true
        : ask(
            'dataAccessAndStorage.appProcessEUDOutsideAtlassian',
            'not a Forge app, and the statement does not settle it',
          ));
  return {
    // The app processes exactly what it stores only when it reads nothing it does not keep.
    isSameDataProcessedAndStored: facts.dataAccessed.length === 0,
    appProcessEUDOutsideAtlassian: processesOutside,
    typesOfDataAccessed: isStated(facts.dataStored)
      ? [...new Set([...facts.dataAccessed.map((a) => a.name), ...stored.map((c) => c.name)])]
      : ask('dataAccessAndStorage.typesOfDataAccessed', 'the statement does not say what is stored'),
    appStoresEUDOutsideAtlassian: storesOutside,
    typesOfDataStored: isStated(facts.dataStored)
      ? stored.map((c) => c.name)
      : ask('dataAccessAndStorage.typesOfDataStored', 'the statement does not say what is stored'),
  };
}

function thirdPartyInformation(i: Inputs): MarketplacePrivacyBody['thirdPartyInformation'] {
  const { subs, ask } = i;
  const shared =
    i.sharedByStatement || (i.leaves === true && subs !== null && subs.length > 0)
      ? true
      : i.states.egress.says === 'empty' || (subs !== null && subs.length === 0)
        ? false
        : ask('thirdPartyInformation.isEndUserDataShared', 'the statement does not say');
  for (const s of subs ?? [])
    if (!isStated(s.country))
      ask(
        `thirdPartyInformation.thirdPartyDetails[${s.name}].thirdPartyCountries`,
        'the statement does not name the country',
      );
  return {
    isEndUserDataShared: shared,
    dataSubProcessors:
      subs === null
        ? ask('thirdPartyInformation.dataSubProcessors', 'the statement does not say')
        : subs.length === 0
          ? 'None'
          : subs.map((s) => `${s.name} (${s.country}): ${s.purpose}`).join('; '),
    thirdPartyDetails: (subs ?? []).map((s) => ({
      name: s.name,
      link: s.url ?? '',
      purpose: s.purpose,
      thirdPartyCountries: isStated(s.country) ? [s.country] : [],
    })),
  };
}

function logDetails(i: Inputs, shared: boolean | null): MarketplacePrivacyBody['logDetails'] {
  const { logs } = i.facts;
  const outside =
    logs.location === 'not-stated' || logs.endUserData === 'not-stated'
      ? i.ask(
          'logDetails.logProcessAndOrStoreEUDOutsideAtlassian',
          'the statement does not say where logs are kept or what they hold',
        )
      : logs.endUserData && logs.location === 'vendor';
  if (logs.location === 'vendor' && i.leaves === false)
    i.notes.push(
      'logDetails: the statement says logs are stored outside Atlassian, but the manifest lets no end-user data out; check facts.logs',
    );
  return {
    logEndUserData: yesNo(logs.endUserData) ?? i.ask('logDetails.logEndUserData', 'the statement does not say'),
    logProcessAndOrStoreEUDOutsideAtlassian: outside,
    logEUDShareWithThirdParty: outside === null ? null : outside && shared === true,
    // Site admins can turn off developer access to Forge logs (Forge docs: logs and app access), so no Forge app may depend on them.
    logsIntegralForAppFunctionality: false,
  };
}

/** Residency: the one value API_V2 gives, when the evidence proves it; every other answer is the vendor's. */
function dataResidency(i: Inputs): MarketplacePrivacyBody['dataResidency'] {
  const { supported } = i.facts.dataResidency;
  const proven = i.forge && supported === true && i.evidence.dataResidency.eligible && i.storedOutside === false;
  if (!proven)
    i.ask(
      'dataResidency.isDataResidencySupported',
      supported === true
        ? 'the statement claims support, but the evidence does not prove it'
        : supported === false
          ? `the statement says it is not supported; API_V2 gives no value for that answer (only "${RESIDENCY_STORED_IN_ATLASSIAN}"): pick it in the form`
          : 'the statement does not say',
    );
  i.ask(
    'dataResidency.countriesWhereEndUserDataStored',
    'the statement holds no such fact (a Forge app follows each site’s location)',
  );
  i.ask('dataResidency.realmMigrationSupported', 'the statement holds no such fact');
  i.ask('dataResidency.inScopeDataTypes', 'the statement holds no such fact');
  return {
    isDataResidencySupported: proven ? RESIDENCY_STORED_IN_ATLASSIAN : null,
    countriesWhereEndUserDataStored: null,
    realmMigrationSupported: null,
    inScopeDataTypes: null,
  };
}

/**
 * Retention: the statement's `uninstall.deletedAfterDays` bounds how long data is kept (a number of days is
 * a maximum, never "indefinite"). API_V2 names the fields but does not say what they measure: a note says so.
 */
function dataRetention(i: Inputs): MarketplacePrivacyBody['dataRetention'] {
  const days = i.facts.uninstall.deletedAfterDays;
  i.ask('dataRetention.isDataRetentionSupported', 'the statement holds no such fact');
  i.ask('dataRetention.isCustomRetentionPeriodAllowed', 'the statement holds no such fact');
  if (!isStated(days)) {
    i.ask('dataRetention.retentionDurationInDays', 'the statement does not say when data is deleted');
    i.ask('dataRetention.isRetentionDurationIndefinite', 'the statement does not say when data is deleted');
    return {
      isDataRetentionSupported: null,
      retentionDurationInDays: null,
      isCustomRetentionPeriodAllowed: null,
      isRetentionDurationIndefinite: null,
    };
  }
  i.ask('dataRetention.retentionDurationInDays.min', 'the statement gives a maximum only');
  i.notes.push(
    `dataRetention: answered as kept at most ${days} days after uninstall (facts.uninstall.deletedAfterDays); API_V2 names these fields without saying what they measure: check them in the form before the PUT`,
  );
  return {
    isDataRetentionSupported: null,
    retentionDurationInDays: { min: null, max: days },
    isCustomRetentionPeriodAllowed: null,
    isRetentionDurationIndefinite: false,
  };
}

function statementAnswersOf(i: Inputs): StatementAnswers {
  const { facts, ask } = i;
  const stored = statedEntries(facts.dataStored);
  for (const c of stored) if (!isStated(c.retention)) ask(`retention of ${c.name}`, 'the statement does not say');
  return {
    dataRetention: {
      categories: isStated(facts.dataStored)
        ? stored.map((c) => ({ name: c.name, retention: retentionText(c.retention) }))
        : ask('how long data is kept', 'the statement does not say what is stored'),
    },
    privacy: {
      noSale: yesNo(facts.commitments.noSale) ?? ask('no sale of data (CCPA)', 'the statement does not say'),
      noMarketingSharing:
        yesNo(facts.commitments.noMarketingSharing) ?? ask('no sharing for marketing', 'the statement does not say'),
    },
    security: {
      measures: isStated(facts.security.measures)
        ? facts.security.measures
        : ask('security measures', 'the statement names none'),
    },
  };
}

/** What API_V2's text does not show, so no answer can be derived for it: always the vendor's. */
const BEYOND_THE_PAGE = [
  'privacy.privacyEnhancingTechniques: the statement holds no such fact',
  'privacy.gdpr (and every field of the privacy group after it, and any further group): API_V2 shows privacy.gdpr.dataController as {} and names none of their fields; answer the GDPR, CCPA, DPA and security questions in the form',
];

export function marketplacePrivacy(facts: StatementFacts, evidence: Evidence): MarketplacePrivacyAnswers {
  const unanswered: string[] = [];
  const i = inputsOf(facts, evidence, unanswered);
  const third = thirdPartyInformation(i);
  const body: MarketplacePrivacyBody = {
    dataAccessAndStorage: dataAccessAndStorage(i),
    thirdPartyInformation: third,
    logDetails: logDetails(i, third.isEndUserDataShared),
    dataResidency: dataResidency(i),
    dataRetention: dataRetention(i),
    privacy: {
      privacyEnhancingTechniques: {
        arePrivacyEnhancingTechniquesSupported: null,
        privacyEnhancingTechniquesSupported: null,
      },
    },
  };
  const statementAnswers = statementAnswersOf(i);
  unanswered.push(...BEYOND_THE_PAGE);
  i.notes.push(
    'null: API_V2 does not say whether a PUT takes null; answer every unanswered field (in the form or in this body) before the PUT',
  );
  return { body, put: { appTrustInformation: body }, statementAnswers, unanswered, notes: i.notes };
}
