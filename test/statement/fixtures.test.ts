import { compileCatalog, compileSource } from '../../toolkit/statement/compile';
import { allNodes, compiledOf, MODELS, parseFixture, sourceOf } from './helpers';

describe('the statement model covers the four data-handling models', () => {
  it.each(MODELS)('%s compiles with no problems', (model) => {
    // Fixtures have no lock; only the statement and its sections are checked.
    expect(parseFixture(model).problems).toEqual([]);
    const compiled = compiledOf(model);
    expect(compiled.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compiled.sections.length).toBe(compiled.source.sections.length);
    for (const section of compiled.sections) expect(section.blocks.length).toBeGreaterThan(0);
  });

  it('on-premise: nothing leaves the customer, the user key stays on their servers, vendor records come from outside the app', () => {
    const { facts } = sourceOf('on-premise');
    expect(facts.hosting.model).toBe('server');
    expect(facts.egress).toEqual([]);
    expect(facts.analytics.collected).toBe(false);
    expect(facts.dataStored.map((c) => [c.id, c.location, c.personalData])).toEqual([
      ['user-keys', 'customer-infrastructure', true],
    ]);
    expect(facts.vendorRecords?.map((r) => r.source)).toEqual(['atlassian-marketplace', 'support', 'website']);
  });

  it('data center: Marketplace contact and billing data, and a newsletter sub-processor', () => {
    const { facts } = sourceOf('data-center');
    expect(facts.hosting.model).toBe('data-center');
    expect(facts.egress).toEqual([]);
    expect(facts.subProcessors.map((s) => s.purpose)).toEqual([expect.stringMatching(/newsletter/)]);
    expect(facts.vendorRecords?.filter((r) => r.source === 'atlassian-marketplace').map((r) => r.id)).toEqual([
      'marketplace-contacts',
      'billing',
    ]);
    const table = compiledOf('data-center').sections[1]!.blocks.find((b) => b.t === 'table');
    expect(table?.t === 'table' && table.align).toEqual(['left', 'left', 'right']);
  });

  it('forge cloud: hosted by Atlassian, no egress, website analytics kept apart from the app', () => {
    const { facts } = sourceOf('forge-cloud');
    expect(facts.hosting.model).toBe('forge');
    expect(facts.egress).toEqual([]);
    expect(facts.analytics.collected).toBe(false);
    expect(new Set(facts.dataStored.map((c) => c.location))).toEqual(
      new Set(['forge-hosted-storage', 'atlassian-product']),
    );
    expect(facts.vendorRecords?.map((r) => r.source)).toEqual(['website']);
  });

  it('connect cloud: a vendor-hosted service, anonymised tracking, stored client keys and shared secrets', () => {
    const { facts, change } = sourceOf('connect-cloud');
    expect(facts.hosting.model).toBe('connect');
    expect(facts.analytics.collected).toBe(true);
    expect(facts.egress.map((e) => [e.domain, e.endUserData])).toEqual([
      ['app.tollgate.example', true],
      ['events.tollgate.example', false],
    ]);
    expect(facts.dataStored.find((c) => c.id === 'installation-credentials')).toMatchObject({
      location: 'vendor-infrastructure',
      personalData: false,
    });
    expect(facts.dataResidency.supported).toBe(false);
    expect(change).toEqual({ summary: 'Reworded the usage tracking section.', materiality: 'editorial' });
    const nodes = allNodes(compiledOf('connect-cloud').sections.flatMap((s) => s.blocks));
    expect(nodes.some((n) => n.t === 'quote')).toBe(true);
    expect(nodes.flatMap((n) => (n.t === 'link' ? [n.href] : []))).toEqual(['mailto:privacy@tollgate.example']);
  });

  it('statements without vendorRecords hash without the key (the field is optional, not empty)', () => {
    const source = sourceOf('forge-cloud');
    const { vendorRecords: _dropped, ...facts } = source.facts;
    expect('vendorRecords' in compileSource({ ...source, facts }).source.facts).toBe(false);
  });

  it('a catalog orders versions oldest first and refuses two of the same version', () => {
    const [a, b] = [sourceOf('forge-cloud'), { ...sourceOf('forge-cloud'), version: 2 }];
    expect(compileCatalog([b, a]).versions.map((v) => v.source.version)).toEqual([1, 2]);
    expect(() => compileCatalog([a, a])).toThrow(/version 1/);
  });
});
