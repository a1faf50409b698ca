/** The Marketplace answers agree with both the statement facts and the manifest evidence. */
import {
  euDataLeavesAtlassian,
  MARKETPLACE_API_SOURCES,
  marketplacePrivacy,
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
  expect(notes).toEqual([]);
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
  const { body, notes, report, unanswered, statementAnswers } = answers();
  expect(euDataLeavesAtlassian(report.evidence)).toBe(true);
  expect(body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(true);
  expect(body.thirdPartyInformation.isEndUserDataShared).toBe(true);
  expect(body.thirdPartyInformation.thirdPartyDetails).toEqual([
    { name: 'Example Inc', link: '', purpose: 'Hosting', thirdPartyCountries: ['US'] },
  ]);
  expect(body.dataResidency.isDataResidencySupported).toBeNull();
  expect(notes).toEqual([]);
  expect(unanswered.filter((u) => u.startsWith('dataResidency.isDataResidencySupported'))).toHaveLength(1);
  expect(statementAnswers.residency).toBe('not supported');
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
  const { statementAnswers, unanswered } = answers();
  expect(statementAnswers.dataRetention.deletedAfterUninstallDays).toBe(28);
  expect(statementAnswers.dataRetention.categories).toEqual([
    { name: 'Acknowledgment receipts', retention: expect.stringMatching(/^Until the app is uninstalled/) },
  ]);
  expect(statementAnswers.privacy).toEqual({ noSale: true, noMarketingSharing: true });
  expect(statementAnswers.security.measures).toHaveLength(3);
  expect(statementAnswers.residency).toBe('supported');
  // The statement model has no GDPR role, DPA or custom-retention fact: always the vendor's to fill.
  expect(unanswered).toEqual([
    expect.stringMatching(/^privacy: GDPR role/),
    expect.stringMatching(/^privacy: whether a data processing agreement/),
    expect.stringMatching(/^dataRetention: whether customers can set/),
  ]);
  expect(MARKETPLACE_API_SOURCES.API_V2).toMatch(
    /^https:\/\/developer\.atlassian\.com\/platform\/marketplace\/rest\/v2\//,
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
