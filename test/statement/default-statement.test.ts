import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashCanonical } from '../../src/domain/canonical';
import { compileSource } from '../../toolkit/statement/compile';
import { checkPolicy, publishedCatalog } from '../../toolkit/statement/policy';
import { POLICY_DIR, readPolicyFiles } from '../../toolkit/cli/policy-files';
import { placeholderFindings, sectionPlaceholders, TEMPLATE_STATEMENT } from '../../toolkit/statement/placeholders';
import { allNodes, listed } from './helpers';

describe("Privacy Panel's own statement (policy/)", () => {
  const check = checkPolicy(readPolicyFiles(POLICY_DIR));

  it('is valid and published', () => {
    expect(check.problems).toEqual([]);
    expect(check.status).toBe('published');
  });

  it('declares exactly the acknowledgment receipts, in Forge hosted storage, as personal data', () => {
    const facts = check.current!.facts;
    expect(listed(facts.dataStored).map((c) => [c.id, c.location, c.personalData])).toEqual([
      ['acknowledgment-receipts', 'forge-hosted-storage', true],
    ]);
    expect(facts.hosting.model).toBe('forge');
    expect(facts.egress).toEqual([]);
    expect(facts.subProcessors).toEqual([]);
    expect(facts.analytics.collected).toBe(false);
    expect(facts.logs).toMatchObject({ endUserData: false, location: 'atlassian-forge-logs' });
    expect(facts.uninstall.deletedAfterDays).toBe(28);
    expect(facts.access.vendorStaff).toBe(false);
    expect(facts.vendorRecords).toEqual([]);
  });

  it('has no placeholder: no example host, no template vendor left for a fork to inherit as a fact', () => {
    expect(placeholderFindings(check.current!.facts)).toEqual([]);
    for (const s of check.current!.sections) expect(sectionPlaceholders(s.markdown)).toEqual([]);
    expect(check.current!.facts.vendor.name).toBe(TEMPLATE_STATEMENT.vendorName);
    expect(check.current!.id).toBe(TEMPLATE_STATEMENT.id);
  });

  it('compiles every published version; the last is the current statement', () => {
    const catalog = publishedCatalog(check);
    const last = catalog.versions[catalog.versions.length - 1]!;
    expect(last.hash).toBe(check.hash);
    expect(last.hash).toBe(hashCanonical(check.current));
    expect(catalog.versions.map((v) => v.source.version)).toEqual(catalog.versions.map((_, i) => i + 1));
    const nodes = allNodes(compileSource(check.current!).sections.flatMap((s) => s.blocks));
    expect(nodes.length).toBeGreaterThan(10);
    for (const n of nodes) if (n.t === 'link') expect(n.href).toMatch(/^(https?|mailto):/);
  });

  it('the lock entry of each published version matches its snapshot file', () => {
    const lock = JSON.parse(readFileSync(join(POLICY_DIR, 'published.lock.json'), 'utf8')) as {
      versions: { version: number; hash: string }[];
    };
    for (const entry of lock.versions) {
      const snapshot: unknown = JSON.parse(
        readFileSync(join(POLICY_DIR, 'versions', `v${entry.version}.json`), 'utf8'),
      );
      expect(hashCanonical(snapshot)).toBe(entry.hash);
    }
  });
});
