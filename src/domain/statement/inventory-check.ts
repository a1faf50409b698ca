/**
 * The statement's "what is stored" facts against the code's data inventory (src/domain/inventory.ts): every
 * key family's category must be declared, and every category declared in Forge hosted storage must be
 * written by some key family.
 */
import { problem, type StatementProblem } from './problems';
import type { StatementFacts } from './types';

export interface InventoryFamily {
  readonly name: string;
  readonly category: string;
  readonly personalData: boolean;
}

export function checkInventory(
  facts: StatementFacts,
  families: readonly InventoryFamily[],
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const declared = new Map(facts.dataStored.map((c, index) => [c.id, { category: c, index }]));
  for (const family of families) {
    const found = declared.get(family.category);
    if (!found) {
      problems.push(problem(file, lineOf(['facts', 'dataStored']), 'inventory-category-undeclared', `the code stores key family "${family.name}" under data category "${family.category}", which facts.dataStored does not declare`));
      continue;
    }
    const path = ['facts', 'dataStored', found.index];
    if (found.category.location !== 'forge-hosted-storage') {
      problems.push(problem(file, lineOf([...path, 'location']), 'inventory-category-mismatch', `"${family.category}" is written to Forge hosted storage by key family "${family.name}", but is declared at ${found.category.location}`));
    }
    if (family.personalData && !found.category.personalData) {
      problems.push(problem(file, lineOf([...path, 'personalData']), 'inventory-category-mismatch', `key family "${family.name}" holds personal data, but "${family.category}" declares personalData: false`));
    }
  }
  const written = new Set(families.map((f) => f.category));
  facts.dataStored.forEach((category, index) => {
    if (category.location === 'forge-hosted-storage' && !written.has(category.id)) {
      problems.push(problem(file, lineOf(['facts', 'dataStored', index, 'id']), 'inventory-category-mismatch', `"${category.id}" is declared in Forge hosted storage, but no key family in the code writes it`));
    }
  });
  return problems;
}
