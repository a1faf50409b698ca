/**
 * The data inventory (src/domain/storage/inventory.ts, described in inventory-descriptions.ts) vs the statement's `dataStored`: every key family's
 * category is declared, every Forge-hosted category has a family, and the personal-data flags agree.
 */
import type { KeyFamily } from '../../src/domain/storage/inventory';
import { DESCRIBED_FAMILIES } from '../../src/domain/storage/inventory-descriptions';
import { statedEntries, type DataCategory, type StatementFacts } from '../../src/domain/statement/types';
import type { Problem } from '../../src/domain/evidence/types';

export interface SourceNames {
  manifest: string;
  statement: string;
  inventory: string;
}

export const DEFAULT_SOURCE_NAMES: SourceNames = {
  manifest: 'manifest.yml',
  statement: 'policy/statement.yml',
  inventory: 'src/domain/storage/inventory.ts',
};

export const INVENTORY: readonly KeyFamily[] = DESCRIBED_FAMILIES;

export function checkInventory(
  families: readonly KeyFamily[],
  facts: StatementFacts,
  names: SourceNames = DEFAULT_SOURCE_NAMES,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, DataCategory>(statedEntries(facts.dataStored).map((c) => [c.id, c]));

  for (const family of families) {
    const category = byId.get(family.category);
    if (!category) {
      problems.push({
        kind: 'inventory-category-missing',
        message: `inventory family '${family.name}' stores category '${family.category}' missing from the statement's dataStored (${names.statement}: facts.dataStored has ${[...byId.keys()].map((id) => `'${id}'`).join(', ') || 'no categories'})`,
      });
    } else if (category.location !== 'forge-hosted-storage') {
      problems.push({
        kind: 'inventory-location-mismatch',
        message: `inventory family '${family.name}' is written to Forge hosted storage (${names.inventory}), but ${names.statement} places category '${category.id}' at ${category.location}`,
      });
    }
  }

  for (const category of statedEntries(facts.dataStored)) {
    const members = families.filter((f) => f.category === category.id);
    if (category.location === 'forge-hosted-storage' && members.length === 0) {
      problems.push({
        kind: 'statement-category-unstored',
        message: `statement category '${category.id}' is stored in Forge hosted storage but no key family in ${names.inventory} stores it`,
      });
      continue;
    }
    if (members.length === 0) continue;
    const personal = members.filter((f) => f.personalData).map((f) => `'${f.name}'`);
    if (personal.length > 0 && category.personalData === false) {
      problems.push({
        kind: 'personal-data-mismatch',
        message: `inventory families ${personal.join(', ')} hold personal data, but ${names.statement} says category '${category.id}' has personalData: false`,
      });
    }
    if (personal.length === 0 && category.personalData === true) {
      problems.push({
        kind: 'personal-data-mismatch',
        message: `${names.statement} says category '${category.id}' holds personal data, but no key family of it in ${names.inventory} has personalData: true`,
      });
    }
  }
  return problems;
}
