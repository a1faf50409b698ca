import { compileCatalog } from '../../toolkit/statement/compile';
import { placeholderFindings, sectionPlaceholders } from '../../toolkit/statement/placeholders';
import { SOURCE_FORMAT } from '../../src/domain/statement/types';
import { allNodes, compiledOf, listed, MODELS, parseFixture, sourceOf } from './helpers';

describe('five statements modelled on the reference policies', () => {
  it.each(MODELS)('%s compiles with no problems and no placeholder value', (model) => {
    // Fixtures have no lock; only the statement and its sections are checked.
    expect(parseFixture(model).problems).toEqual([]);
    const compiled = compiledOf(model);
    expect(compiled.source.format).toBe(SOURCE_FORMAT);
    expect(compiled.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(placeholderFindings(compiled.source.facts)).toEqual([]);
    for (const s of compiled.source.sections) expect(sectionPlaceholders(s.markdown)).toEqual([]);
    for (const section of compiled.sections) expect(section.blocks.length).toBeGreaterThan(0);
  });

  it('on-premise (000): nothing leaves the servers, what the apps store and sub-processors not stated, three kinds of vendor record, no contact', () => {
    const { facts } = sourceOf('on-premise');
    expect(facts.hosting.model).toBe('server');
    expect([facts.egress, facts.dataStored, facts.subProcessors]).toEqual([[], 'not-stated', 'not-stated']);
    expect(facts.rights[0]?.appliesTo).toBe('licensee-contacts');
    expect(facts.analytics.collected).toBe(false);
    expect(facts.contact).toBe('not-stated');
    expect(listed(facts.vendorRecords).map((r) => [r.id, r.sources, r.vendorKeepsCopy])).toEqual([
      ['licensee-contacts', ['marketplace'], false],
      ['issue-tracker-accounts', ['issue-tracker'], true],
      ['website-cookies', ['website'], 'not-stated'],
    ]);
    expect(facts.rights.map((r) => [r.kind, r.responseTime])).toEqual([
      ['opt-out', 'not-stated'],
      ['private-request', '1 business day'],
      ['erasure', '1 business day'],
      ['objection', 'not-stated'],
    ]);
  });

  it('on-premise with a user key (001): the key stays on the customer servers; support contacts given', () => {
    const { facts, change } = sourceOf('on-premise-user-key');
    expect(listed(facts.dataStored).map((c) => [c.id, c.location, c.personalData])).toEqual([
      ['user-keys', 'customer-infrastructure', 'not-stated'],
    ]);
    expect(facts.egress).toEqual([]);
    expect(facts.contact).toEqual({
      email: 'support@heronfield-software.dev',
      url: 'https://heronfield-software.dev/help-center',
    });
    expect(change?.materiality).toBe('material');
  });

  it('data center (002): Marketplace contact, billing and sales data; a newsletter sub-processor with no country', () => {
    const { facts } = sourceOf('data-center');
    expect(facts.scope.apps.map((a) => a.hosting)).toEqual(['data-center', 'server']);
    expect(facts.subProcessors).toEqual([
      { name: 'Mailchimp', purpose: 'Sending newsletters and release notes', country: 'not-stated' },
    ]);
    expect(facts.dataStored).toBe('not-stated');
    expect(
      listed(facts.vendorRecords)
        .filter((r) => listed(r.sources).includes('marketplace'))
        .map((r) => r.id),
    ).toEqual(['marketplace-contacts', 'billing', 'sales-statistics']);
    expect(facts.commitments).toEqual({ noSale: true, noMarketingSharing: 'not-stated' });
    expect(facts.changes.channels).toEqual(['policy-page']);
    const table = compiledOf('data-center').sections[0]!.blocks.find((b) => b.t === 'table');
    expect(table?.t === 'table' && table.align).toEqual(['left', 'left', 'right']);
  });

  it('forge cloud (003): hosted by Atlassian, staff barred, one app excluded, changes on the listing', () => {
    const { facts, effectiveDate } = sourceOf('forge-cloud');
    expect(effectiveDate).toBe('2025-07-21');
    expect(facts.hosting.model).toBe('forge');
    // The policy says only that nothing goes to the vendor's servers: where else data may go, it does not say.
    expect([facts.egress, facts.subProcessors]).toEqual(['not-stated', 'not-stated']);
    expect(facts.access.vendorStaff).toBe(false);
    expect(facts.scope.excludes).toHaveLength(1);
    expect(facts.commitments).toEqual({ noSale: true, noMarketingSharing: true });
    expect(facts.changes.channels).toEqual(['policy-page', 'marketplace-listing']);
    expect(listed(facts.vendorRecords).map((r) => r.sharedWith)).toEqual([['Google Analytics']]);
  });

  it('connect cloud (004): a vendor-hosted service whose host the policy does not name; anonymised tracking', () => {
    const { facts } = sourceOf('connect-cloud');
    expect(facts.hosting.model).toBe('connect');
    expect(facts.analytics.collected).toBe(true);
    expect(listed(facts.egress).map((e) => [e.domain, e.endUserData])).toEqual([['not-stated', 'not-stated']]);
    expect(listed(facts.dataStored).map((c) => [c.id, c.location, c.personalData])).toEqual([
      ['usage-events', 'vendor-infrastructure', false],
      ['client-credentials', 'vendor-infrastructure', false],
    ]);
    expect(listed(facts.vendorRecords).find((r) => r.id === 'customer-contacts')?.sources).toEqual([
      'marketplace',
      'reseller',
    ]);
    const nodes = allNodes(compiledOf('connect-cloud').sections.flatMap((s) => s.blocks));
    expect(nodes.some((n) => n.t === 'quote')).toBe(true);
  });

  it('a catalog orders versions oldest first and refuses two of the same version', () => {
    const [a, b] = [sourceOf('forge-cloud'), { ...sourceOf('forge-cloud'), version: 2 }];
    expect(compileCatalog([b, a]).versions.map((v) => v.source.version)).toEqual([1, 2]);
    expect(() => compileCatalog([a, a])).toThrow(/version 1/);
  });
});
