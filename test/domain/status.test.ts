import { siteStatus, withoutAccounts } from '../../src/domain/acknowledgments/status';
import type { FirstMarker } from '../../src/domain/acknowledgments/types';
import { sampleCatalog } from '../support/statements';

const marker = (version: number): FirstMarker => ({
  version,
  seq: version,
  accountId: `acc-${version}`,
  at: `2026-0${version}-02T00:00:00.000Z`,
});
const firsts = (...versions: number[]) => new Map(versions.map((v) => [v, marker(v)]));

describe('site status', () => {
  it('never acknowledged', () => {
    expect(siteStatus(sampleCatalog('material'), firsts())).toEqual({ state: 'never' });
  });

  it('acknowledged for the version in force, first by whom and when', () => {
    expect(siteStatus(sampleCatalog('material'), firsts(1, 2))).toEqual({
      state: 'acknowledged',
      first: { version: 2, accountId: 'acc-2', at: '2026-02-02T00:00:00.000Z' },
      standsFor: [],
    });
  });

  it('outdated after a material change, listing what changed', () => {
    const status = siteStatus(sampleCatalog('material', 'editorial'), firsts(1));
    expect(status.state).toBe('outdated');
    if (status.state !== 'outdated') return;
    expect(status.last.version).toBe(1);
    expect(status.changedSince.map((v) => v.version)).toEqual([2, 3]);
    expect(status.changedSince[0]!.change).toEqual({ summary: 'Change 2', materiality: 'material' });
  });

  it('an editorial change leaves the acknowledgment standing', () => {
    const status = siteStatus(sampleCatalog('editorial', 'editorial'), firsts(1));
    expect(status).toEqual(expect.objectContaining({ state: 'acknowledged', standsFor: [2, 3] }));
  });

  it('a material change after editorial ones still asks again', () => {
    expect(siteStatus(sampleCatalog('editorial', 'material'), firsts(1)).state).toBe('outdated');
    expect(siteStatus(sampleCatalog('editorial', 'material'), firsts(1, 2)).state).toBe('outdated');
  });

  it('non-admin view carries no account', () => {
    expect(JSON.stringify(withoutAccounts(siteStatus(sampleCatalog(), firsts(1))))).not.toContain('acc-');
    expect(JSON.stringify(withoutAccounts(siteStatus(sampleCatalog('material'), firsts(1))))).not.toContain('acc-');
  });
});
