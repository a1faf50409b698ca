/** The Marketplace answers agree with both the statement facts and the manifest evidence. */
import {
  euDataLeavesAtlassian,
  marketplacePrivacy,
  RESIDENCY_STORED_IN_ATLASSIAN,
} from '../../toolkit/evidence/marketplace-privacy';
import { readFacts } from '../../toolkit/cli/evidence-inputs';
import { copyApp, FACTS_FILE, permissionsOf, type AppCopy } from './helpers';

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
  const { body, notes, report } = answers();
  expect(euDataLeavesAtlassian(report.evidence)).toBe(true);
  expect(body.dataAccessAndStorage.appStoresEUDOutsideAtlassian).toBe(true);
  expect(body.thirdPartyInformation.isEndUserDataShared).toBe(true);
  expect(body.thirdPartyInformation.thirdPartyDetails).toEqual([
    { name: 'Example Inc', link: '', purpose: 'Hosting', thirdPartyCountries: ['US'] },
  ]);
  expect(body.dataResidency.isDataResidencySupported).toBeNull();
  expect(notes).toHaveLength(1);
});

test('a category stored at the vendor flips appStoresEUDOutsideAtlassian with no egress at all', () => {
  app.editFacts((f) => {
    const first = f.dataStored[0];
    if (first)
      f.dataStored.push({
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
