import {
  acknowledgmentStandsFor,
  changesSince,
  currentStatement,
  findVersion,
  inForceOn,
  versionSummaries,
} from '../../src/domain/statement/catalog';
import { compileCatalog } from '../../toolkit/statement/compile';
import type { Materiality, StatementSource } from '../../src/domain/statement/types';
import { sourceOf } from './helpers';

function version(n: number, effectiveDate: string, materiality?: Materiality): StatementSource {
  return {
    ...sourceOf('forge-cloud'),
    version: n,
    effectiveDate,
    change: materiality ? { summary: `v${n}`, materiality } : null,
  };
}

const catalog = compileCatalog([
  version(1, '2024-01-10'),
  version(2, '2024-03-01', 'editorial'),
  version(3, '2024-06-15', 'material'),
  version(4, '2024-09-01', 'editorial'),
]);

describe('catalog helpers', () => {
  it('current, find and summaries', () => {
    expect(currentStatement(catalog).source.version).toBe(4);
    expect(findVersion(catalog, 2)?.source.effectiveDate).toBe('2024-03-01');
    expect(findVersion(catalog, 9)).toBeUndefined();
    const summaries = versionSummaries(catalog);
    expect(summaries.map((s) => s.version)).toEqual([1, 2, 3, 4]);
    expect(summaries[2]).toEqual({
      version: 3,
      effectiveDate: '2024-06-15',
      hash: catalog.versions[2]!.hash,
      change: { summary: 'v3', materiality: 'material' },
    });
    expect(() => currentStatement({ versions: [] })).toThrow();
  });

  it.each([
    ['2024-01-09', undefined],
    ['2024-01-10', 1],
    ['2024-01-11', 1],
    ['2024-02-29', 1],
    ['2024-03-01', 2],
    ['2024-06-14', 2],
    ['2024-06-15', 3],
    ['2024-06-16', 3],
    ['2024-08-31T23:59:59.999Z', 3],
    ['2024-09-01T00:00:00Z', 4],
    ['2030-01-01', 4],
  ])('in force on %s: version %s', (date, expected) => {
    expect(inForceOn(catalog, date)?.source.version).toBe(expected);
  });

  it('in force picks the highest version when two share an effective date', () => {
    const same = compileCatalog([version(1, '2024-01-10'), version(2, '2024-01-10', 'material')]);
    expect(inForceOn(same, '2024-01-10')?.source.version).toBe(2);
  });

  it('changes since a version', () => {
    expect(changesSince(catalog, 2).map((s) => s.version)).toEqual([3, 4]);
    expect(changesSince(catalog, 4)).toEqual([]);
    expect(changesSince(catalog, 0).length).toBe(4);
  });

  it('an acknowledgment stands only while every later change is editorial', () => {
    expect(acknowledgmentStandsFor(catalog, 4)).toBe(true);
    expect(acknowledgmentStandsFor(catalog, 3)).toBe(true); // only editorial v4 since
    expect(acknowledgmentStandsFor(catalog, 2)).toBe(false); // material v3 since
    expect(acknowledgmentStandsFor(catalog, 1)).toBe(false);
    expect(acknowledgmentStandsFor(catalog, 7)).toBe(false); // never published
  });
});
