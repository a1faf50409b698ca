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
 *   (names the further groups dataRetention, privacy and security; their field names are not in the
 *   captured text of either page).
 * - PAYLOAD: the public GET https://marketplace.atlassian.com/rest/2/addons/{addonKey}/privacy-and-security
 *   as a Marketplace vendor's audit script reads it: github.com/ZenUml/conf-mini-sites at commit
 *   688b533c942535572b7e182ad135f416b7638164, .claude/skills/forge-ps-questionnaire/scripts/verify-ps.sh (the
 *   URL) and _summarize_ps.py (the field paths of dataRetention, privacy.gdpr, privacy.ccpa,
 *   privacy.dataProcessingAgreement and security, their boolean reads, and the values
 *   "APP_DOES_NOT_SUPPORT_DR" and "NOT_APPLICABLE").
 * - FORM: the same repository at commit 0b8748f3dec552c0aabc6f15129e51b8ac2455fc,
 *   .claude/skills/forge-ps-questionnaire/references/fill-mechanics.md: the vendor console's input names,
 *   the same paths, and that the retention days are asked after "stores after uninstall".
 *   PAYLOAD and FORM are a vendor's reading of a live payload, not Atlassian's schema (which is not in any
 *   corpus searched): every answer from them carries a note to check it against the API before the PUT.
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
  PAYLOAD:
    'https://github.com/ZenUml/conf-mini-sites/blob/688b533c942535572b7e182ad135f416b7638164/.claude/skills/forge-ps-questionnaire/scripts/_summarize_ps.py',
  FORM: 'https://github.com/ZenUml/conf-mini-sites/blob/0b8748f3dec552c0aabc6f15129e51b8ac2455fc/.claude/skills/forge-ps-questionnaire/references/fill-mechanics.md',
} as const;

/**
 * The one `isDataResidencySupported` value this app can prove: data stored in Atlassian, residency
 * supported (API_V2; only the prefix `STORED_IN_ATLASSIAN_N_DR_SUPPO…` is in the captured text: check the
 * full enum against the API schema before the first PUT). The "not supported" values are not in the
 * captured text of API_V2.
 */
export const RESIDENCY_STORED_IN_ATLASSIAN = 'STORED_IN_ATLASSIAN_N_DR_SUPPORTED';
/** The "app does not support data residency" value (PAYLOAD; FORM: the option "No. App does not support…"). */
export const RESIDENCY_NOT_SUPPORTED = 'APP_DOES_NOT_SUPPORT_DR';

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
    isDataResidencySupported: typeof RESIDENCY_STORED_IN_ATLASSIAN | typeof RESIDENCY_NOT_SUPPORTED | null;
  };
  /** PAYLOAD (field paths, booleans, `retentionDurationInDays.max`); FORM (asked after "stores after uninstall"). */
  dataRetention: {
    isRetentionDurationIndefinite: boolean | null;
    retentionDurationInDays: { max: number } | null;
    isCustomRetentionPeriodAllowed: null;
  };
  /** PAYLOAD and FORM; the statement model holds no GDPR or CCPA role and no DPA, so every field is null. */
  privacy: {
    gdpr: {
      dataController: { isAppDataController: null };
      dataProcessor: { isAppDataProcessor: null; endUserDataTypes: null };
      dataTransfer: { isEndUserDataTransferredOutsideEEA: null; isTransferComplianceMechanismsAdhered: null };
    };
    ccpa: {
      business: { isAppBusiness: null };
      serviceProvider: { isAppServiceProvider: null; endUserDataTypes: null };
    };
    dataProcessingAgreement: { isDPASupported: null };
  };
  /** PAYLOAD and FORM; the statement's security measures are free text, so no field is answered from them. */
  security: {
    isDiskEncryptionSupported: null;
    securityContact: null;
    publicSecurityPoliciesLink: null;
    permissionsJustification: null;
    requiresUsersToProvidePATs: null;
  };
}

/**
 * What the statement says that no field of the payload holds, in our words, for the vendor's own use (a
 * listing's description, a security questionnaire). `null`: the statement does not say.
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

/** Fields no statement fact answers: always the vendor's to fill, each by its path in the payload. */
const NEVER_IN_STATEMENT = [
  'dataRetention.isCustomRetentionPeriodAllowed',
  'privacy.gdpr.dataController.isAppDataController',
  'privacy.gdpr.dataProcessor.isAppDataProcessor',
  'privacy.gdpr.dataProcessor.endUserDataTypes',
  'privacy.gdpr.dataTransfer.isEndUserDataTransferredOutsideEEA',
  'privacy.gdpr.dataTransfer.isTransferComplianceMechanismsAdhered',
  'privacy.ccpa.business.isAppBusiness',
  'privacy.ccpa.serviceProvider.isAppServiceProvider',
  'privacy.ccpa.serviceProvider.endUserDataTypes',
  'privacy.dataProcessingAgreement.isDPASupported',
  'security.isDiskEncryptionSupported',
  'security.securityContact',
  'security.publicSecurityPoliciesLink',
  'security.permissionsJustification',
  'security.requiresUsersToProvidePATs',
].map((field) => `${field}: the statement model has no such fact (PAYLOAD)`);

/** The privacy and security groups: every field null (see NEVER_IN_STATEMENT). */
const UNANSWERED_GROUPS: Pick<MarketplacePrivacyBody, 'privacy' | 'security'> = {
  privacy: {
    gdpr: {
      dataController: { isAppDataController: null },
      dataProcessor: { isAppDataProcessor: null, endUserDataTypes: null },
      dataTransfer: { isEndUserDataTransferredOutsideEEA: null, isTransferComplianceMechanismsAdhered: null },
    },
    ccpa: {
      business: { isAppBusiness: null },
      serviceProvider: { isAppServiceProvider: null, endUserDataTypes: null },
    },
    dataProcessingAgreement: { isDPASupported: null },
  },
  security: {
    isDiskEncryptionSupported: null,
    securityContact: null,
    publicSecurityPoliciesLink: null,
    permissionsJustification: null,
    requiresUsersToProvidePATs: null,
  },
};

/**
 * The retention group: how long end-user data is kept after the app is uninstalled (FORM asks the days after
 * "stores after uninstall"). The statement's `uninstall.deletedAfterDays` answers it: a number of days is a
 * maximum, never "indefinite"; not stated leaves both fields to the vendor.
 */
function retentionAfterUninstall(
  facts: StatementFacts,
  ask: (field: string, why: string) => null,
  notes: string[],
): MarketplacePrivacyBody['dataRetention'] {
  const days = facts.uninstall.deletedAfterDays;
  if (!isStated(days)) {
    ask('dataRetention.isRetentionDurationIndefinite', 'the statement does not say when data is deleted (PAYLOAD)');
    ask('dataRetention.retentionDurationInDays', 'the statement does not say when data is deleted (PAYLOAD)');
    return { isRetentionDurationIndefinite: null, retentionDurationInDays: null, isCustomRetentionPeriodAllowed: null };
  }
  notes.push(
    `dataRetention: answered as deleted at most ${days} days after uninstall (facts.uninstall.deletedAfterDays); the field meaning comes from a vendor's reading of the form (FORM): check it before the PUT`,
  );
  return {
    isRetentionDurationIndefinite: false,
    retentionDurationInDays: { max: days },
    isCustomRetentionPeriodAllowed: null,
  };
}

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
    notes.push(
      `dataResidency.isDataResidencySupported: "${RESIDENCY_NOT_SUPPORTED}" is the value a live payload carries (PAYLOAD); check it against the API before the PUT`,
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
    dataResidency: {
      isDataResidencySupported: residencyProven
        ? RESIDENCY_STORED_IN_ATLASSIAN
        : facts.dataResidency.supported === false
          ? RESIDENCY_NOT_SUPPORTED
          : null,
    },
    dataRetention: retentionAfterUninstall(facts, ask, notes),
    ...UNANSWERED_GROUPS,
  };
  for (const s of subs ?? [])
    if (!isStated(s.country))
      ask(
        `thirdPartyInformation.thirdPartyDetails[${s.name}].thirdPartyCountries`,
        'the statement does not name the country (API_V2)',
      );

  const statementAnswers: StatementAnswers = {
    dataRetention: {
      categories: isStated(facts.dataStored)
        ? stored.map((c) => ({ name: c.name, retention: retentionText(c.retention) }))
        : ask('dataRetention: how long data is kept', 'the statement does not say what is stored (API_V4)'),
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
