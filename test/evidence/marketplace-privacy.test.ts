/** The Marketplace answers agree with both the statement facts and the manifest evidence. */
import {
  euDataLeavesAtlassian,
  MARKETPLACE_API_SOURCES,
  marketplacePrivacy,
  RESIDENCY_NOT_SUPPORTED,
  RESIDENCY_STORED_IN_ATLASSIAN,
} from '../../toolkit/evidence/marketplace-privacy';
import { readFacts } from '../../toolkit/cli/evidence-inputs';
import { copyApp, FACTS_FILE, permissionsOf, type AppCopy } from './helpers';
import { listed } from '../statement/helpers';

let app: AppCopy;
beforeEach(() => {
  app = copyApp();
});
afterEach(() => app.dispose());

function answers() {
  const report = app.check();
  return { report, ...marketplacePrivacy(readFacts(app.root, FACTS_FILE), report.evidence) };
}

test('Forge-only storage and no egress: nothing stored or processed outside Atlassian, residency supported', () => {
  const { body, notes, report } = answers();
  expect(report.ok).toBe(true);
  expect(body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(false);
  expect(body.dataAccessAndStorage.appProcessEUDOutsideAtlassian).toBe(false);
  expect(body.dataAccessAndStorage.typesOfDataStored).toEqual(['Acknowledgment receipts']);
  expect(body.thirdPartyInformation).toEqual({
    isEndUserDataShared: false,
    dataSubProcessors: 'None',
    thirdPartyDetails: [],
  });
  expect(body.dataResidency.isDataResidencySupported).toBe(RESIDENCY_STORED_IN_ATLASSIAN);
  // The one answer from a vendor's reading of the form, not Atlassian's schema, says so.
  expect(notes).toEqual([expect.stringMatching(/^dataRetention: answered as deleted at most 28 days after uninstall/)]);
});

test('end-user-data egress in the manifest flips appStoresEUDOutsideAtlassian, even when every category is in Atlassian', () => {
  app.editFacts((f) => {
    f.egress = [{ name: 'Sync', domain: 'api.example.com', purpose: 'Sync', endUserData: true }];
    f.dataResidency.supported = false;
    f.subProcessors = [{ name: 'Example Inc', purpose: 'Hosting', country: 'US' }];
  });
  app.editManifest((m) => {
    permissionsOf(m).external = { fetch: { backend: ['api.example.com'] } };
  });
  const { body, notes, report, unanswered } = answers();
  expect(euDataLeavesAtlassian(report.evidence)).toBe(true);
  expect(body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(true);
  expect(body.thirdPartyInformation.isEndUserDataShared).toBe(true);
  expect(body.thirdPartyInformation.thirdPartyDetails).toEqual([
    { name: 'Example Inc', link: '', purpose: 'Hosting', thirdPartyCountries: ['US'] },
  ]);
  // "Not supported" is the statement's to say, and the payload has a value for it.
  expect(body.dataResidency.isDataResidencySupported).toBe(RESIDENCY_NOT_SUPPORTED);
  expect(notes).toEqual([
    expect.stringMatching(/^dataResidency\.isDataResidencySupported: "APP_DOES_NOT_SUPPORT_DR" is the value/),
    expect.stringMatching(/^dataRetention: /),
  ]);
  expect(unanswered.filter((u) => u.startsWith('dataResidency.'))).toEqual([]);
});

test('a category stored at the vendor flips appStoresEUDOutsideAtlassian with no egress at all', () => {
  app.editFacts((f) => {
    const first = listed(f.dataStored)[0];
    if (first)
      listed(f.dataStored).push({
        ...first,
        id: 'support-tickets',
        name: 'Support tickets',
        location: 'vendor-infrastructure',
      });
  });
  const { body } = answers();
  expect(body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(true);
  expect(body.dataAccessAndStorage.appProcessEUDOutsideAtlassian).toBe(false);
  expect(body.dataResidency.isDataResidencySupported).toBeNull();
});

test('analytics egress without in-scope EUD does not count as end-user data leaving', () => {
  app.editManifest((m) => {
    permissionsOf(m).external = {
      fetch: { backend: [{ address: '*.example-analytics.com', category: 'analytics', inScopeEUD: false }] },
    };
  });
  expect(answers().body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(false);
});

test('log answers follow facts.logs', () => {
  app.editFacts((f) => {
    f.logs = { location: 'atlassian-forge-logs', endUserData: true, description: 'Account IDs in error logs.' };
  });
  expect(answers().body.logDetails).toEqual({
    logEndUserData: true,
    logProcessAndOrStoreEUDOutsideAtlassian: false,
    logEUDShareWithThirdParty: false,
    logsIntegralForAppFunctionality: false,
  });
});

test('retention, privacy and security are answered from the statement; what it cannot answer is named, never guessed', () => {
  app.editFacts((f) => {
    f.commitments = { noSale: true, noMarketingSharing: true };
    f.security = { measures: ['No egress', 'Hash-chained receipts', 'Admins only'] };
  });
  const { body, statementAnswers, unanswered } = answers();
  expect(body.dataRetention).toEqual({
    isRetentionDurationIndefinite: false,
    retentionDurationInDays: { max: 28 },
    isCustomRetentionPeriodAllowed: null,
  });
  expect(statementAnswers.dataRetention.categories).toEqual([
    { name: 'Acknowledgment receipts', retention: expect.stringMatching(/^Until the app is uninstalled/) },
  ]);
  expect(statementAnswers.privacy).toEqual({ noSale: true, noMarketingSharing: true });
  expect(statementAnswers.security.measures).toHaveLength(3);
  // The statement model has no GDPR or CCPA role, DPA, custom retention or security-field fact: each is null
  // in the body and named, by its path, for the vendor to fill.
  const paths = unanswered.map((u) => u.split(':')[0]);
  // The null leaves of the privacy and security groups, found by walking the body itself.
  const nulls = (value: unknown, at: string): string[] =>
    value === null
      ? [at]
      : typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => nulls(child, `${at}.${key}`))
        : [];
  expect(paths).toEqual([
    'dataRetention.isCustomRetentionPeriodAllowed',
    ...nulls(body.privacy, 'privacy'),
    ...nulls(body.security, 'security'),
  ]);
  expect(paths).toHaveLength(15);
  expect(paths).toEqual(
    expect.arrayContaining([
      'privacy.gdpr.dataController.isAppDataController',
      'privacy.dataProcessingAgreement.isDPASupported',
    ]),
  );
  expect(MARKETPLACE_API_SOURCES.API_V2).toMatch(
    /^https:\/\/developer\.atlassian\.com\/platform\/marketplace\/rest\/v2\//,
  );
  expect(MARKETPLACE_API_SOURCES.PAYLOAD).toMatch(
    /^https:\/\/github\.com\/ZenUml\/conf-mini-sites\/blob\/[0-9a-f]{40}\//,
  );
});

test('a deletion after uninstall the statement does not state leaves both retention fields to the vendor', () => {
  app.editFacts((f) => {
    f.uninstall = { deletedAfterDays: 'not-stated' };
  });
  const { body, notes, unanswered } = answers();
  expect(body.dataRetention).toEqual({
    isRetentionDurationIndefinite: null,
    retentionDurationInDays: null,
    isCustomRetentionPeriodAllowed: null,
  });
  expect(notes.filter((n) => n.startsWith('dataRetention'))).toEqual([]);
  expect(unanswered).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^dataRetention\.isRetentionDurationIndefinite: /),
      expect.stringMatching(/^dataRetention\.retentionDurationInDays: /),
    ]),
  );
});

test('a not-stated list is an unanswered field, not "None"', () => {
  app.editFacts((f) => {
    f.subProcessors = 'not-stated';
    f.security = { measures: 'not-stated' };
    f.commitments = { noSale: 'not-stated', noMarketingSharing: true };
  });
  const { body, statementAnswers, unanswered } = answers();
  expect(body.thirdPartyInformation.dataSubProcessors).toBeNull();
  expect(statementAnswers.security.measures).toBeNull();
  expect(statementAnswers.privacy.noSale).toBeNull();
  expect(unanswered).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^thirdPartyInformation\.dataSubProcessors: /),
      expect.stringMatching(/^security: measures: /),
      expect.stringMatching(/^privacy: no sale of data \(CCPA\): /),
    ]),
  );
});

test("this app's manifest answers nothing for a statement about another hosting model", () => {
  app.editFacts((f) => {
    f.hosting = { model: 'connect' };
    f.egress = 'not-stated';
  });
  const { body, unanswered } = answers();
  expect(body.dataAccessAndStorage.appProcessEUDOutsideAtlassian).toBeNull();
  expect(body.dataResidency.isDataResidencySupported).toBeNull();
  expect(unanswered).toEqual(
    expect.arrayContaining([expect.stringMatching(/^dataAccessAndStorage\.appProcessEUDOutsideAtlassian: /)]),
  );
});
