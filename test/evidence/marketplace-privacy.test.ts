/** The Marketplace answers agree with both the statement facts and the manifest evidence. */
import {
  API_V2_FIELDS,
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
  // Where Atlassian's page leaves doubt (what the retention fields measure, null in a PUT), a note says so.
  expect(notes).toEqual([
    expect.stringMatching(/^dataRetention: answered as kept at most 28 days after uninstall/),
    expect.stringMatching(/^null: API_V2 does not say whether a PUT takes null/),
  ]);
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
  // "Not supported" is the statement's to say, but Atlassian's page gives no value for it: the vendor picks it.
  expect(body.dataResidency.isDataResidencySupported).toBeNull();
  expect(notes).toEqual([expect.stringMatching(/^dataRetention: /), expect.stringMatching(/^null: /)]);
  expect(unanswered).toContainEqual(
    expect.stringMatching(
      /^dataResidency\.isDataResidencySupported: the statement says it is not supported; API_V2 gives no value/,
    ),
  );
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
    isDataRetentionSupported: null,
    retentionDurationInDays: { min: null, max: 28 },
    isCustomRetentionPeriodAllowed: null,
    isRetentionDurationIndefinite: false,
  });
  expect(statementAnswers.dataRetention.categories).toEqual([
    { name: 'Acknowledgment receipts', retention: expect.stringMatching(/^Until the app is uninstalled/) },
  ]);
  expect(statementAnswers.privacy).toEqual({ noSale: true, noMarketingSharing: true });
  expect(statementAnswers.security.measures).toHaveLength(3);
  // The groups Atlassian's page shows no field of are named for the vendor, never filled.
  expect(unanswered).toContainEqual(
    expect.stringMatching(/^privacy\.gdpr \(and every field of the privacy group after it/),
  );
  expect(Object.keys(body.privacy)).toEqual(['privacyEnhancingTechniques']);
});

/** Every leaf of the body by its path (`[]` for each item of a list of objects), with its value. */
function leaves(value: unknown, at: string): [string, unknown][] {
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null))
    return value.flatMap((item) => leaves(item, `${at}[]`));
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      leaves(child, at ? `${at}.${key}` : key),
    );
  return [[at, value]];
}

test("every field the body carries is named on Atlassian's page, and every null in it is named for the vendor", () => {
  app.editFacts((f) => {
    f.subProcessors = [{ name: 'Example Inc', purpose: 'Hosting', country: 'US', url: 'https://example.com' }];
    f.uninstall = { deletedAfterDays: 'not-stated' };
  });
  const { body, put, unanswered } = answers();
  // The PUT's one body parameter (API_V2).
  expect(put).toEqual({ appTrustInformation: body });
  const paths = leaves(body, '');
  const cited = new Set<string>(API_V2_FIELDS);
  // retentionDurationInDays is null here: its path is the object's, a prefix of the page's min/max.
  expect(
    paths.map(([p]) => p).filter((p) => !cited.has(p) && !API_V2_FIELDS.some((f) => f.startsWith(`${p}.`))),
  ).toEqual([]);
  const named = unanswered.map((u) => u.split(': ')[0] ?? u);
  const nulls = paths.filter(([, v]) => v === null).map(([p]) => p);
  expect(nulls.length).toBeGreaterThan(5);
  for (const p of nulls)
    expect(named.some((n) => n === p || n.startsWith(`${p}.`) || p.startsWith(`${n}.`))).toBe(true);
  // A wrong field name would fail here: the page's own spelling of a few that are easy to get wrong.
  expect(paths.map(([p]) => p)).toEqual(
    expect.arrayContaining([
      'logDetails.logProcessAndOrStoreEUDOutsideAtlassian',
      'dataResidency.countriesWhereEndUserDataStored',
      'dataRetention.isDataRetentionSupported',
    ]),
  );
  expect(MARKETPLACE_API_SOURCES.API_V2).toBe(
    'https://developer.atlassian.com/platform/marketplace/rest/v2/api-group-privacy-and-security/',
  );
  expect(Object.values(MARKETPLACE_API_SOURCES).every((u) => u.startsWith('https://developer.atlassian.com/'))).toBe(
    true,
  );
});

test('a deletion after uninstall the statement does not state leaves both retention fields to the vendor', () => {
  app.editFacts((f) => {
    f.uninstall = { deletedAfterDays: 'not-stated' };
  });
  const { body, notes, unanswered } = answers();
  expect(body.dataRetention).toEqual({
    isDataRetentionSupported: null,
    retentionDurationInDays: null,
    isCustomRetentionPeriodAllowed: null,
    isRetentionDurationIndefinite: null,
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
      expect.stringMatching(/^security measures: /),
      expect.stringMatching(/^no sale of data \(CCPA\): /),
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
