/**
 * The statement against what the code was seen to do (AppEvidence): hosts the code contacts vs the
 * statement's egress (a "no egress" statement fails on any, naming both sides), key families the code
 * writes vs the data categories the statement declares, and the engine's own errors (missing scopes,
 * undeclared egress, scopes nothing uses). Pure.
 */
import type { KeyFamily } from '../../src/domain/storage/inventory';
import { isStated, statedEntries, type StatementFacts } from '../../src/domain/statement/types';
import type { AppEvidence, Problem } from '../../src/domain/evidence/types';
import type { SourceNames } from './inventory-checks';
import { covers } from './statement-checks';

/** A key family the app declares: its literal prefix and the statement category it belongs to. */
export type DeclaredFamily = Pick<KeyFamily, 'name' | 'prefix' | 'category'>;

export interface AppCheck {
  problems: Problem[];
  warnings: string[];
}

function familyCovered(written: string, declared: readonly DeclaredFamily[]): DeclaredFamily | undefined {
  return declared.find((d) => written.startsWith(d.prefix) || (d.prefix.startsWith(written) && written.length > 0));
}

export function checkAppAgainstStatement(
  evidence: AppEvidence,
  facts: StatementFacts,
  families: readonly DeclaredFamily[],
  names: SourceNames,
): AppCheck {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const noEgress = isStated(facts.egress) && facts.egress.length === 0;

  for (const e of evidence.egressInCode) {
    const target = e.address ?? 'an address built at run time';
    if (noEgress) {
      problems.push({
        kind: 'undeclared-egress',
        message: `statement says "no egress" (${names.statement}: facts.egress is empty) but ${e.at} (${e.via}) contacts ${target}`,
      });
    } else if (e.address !== null && !statedEntries(facts.egress).some((d) => covers(d.domain, e.address ?? ''))) {
      problems.push({
        kind: 'undeclared-egress',
        message: `${e.at} (${e.via}) contacts ${e.address}, but ${names.statement} facts.egress does not list it`,
      });
    }
  }

  const categories = new Set(statedEntries(facts.dataStored).map((c) => c.id));
  for (const k of evidence.keyFamilies) {
    const family = familyCovered(k.family, families);
    if (!family) {
      problems.push({
        kind: 'inventory-category-missing',
        message: `${k.at} writes ${k.kind} key family '${k.family}', which no declared key family covers, so no data category of ${names.statement} accounts for it`,
      });
    } else if (!categories.has(family.category)) {
      problems.push({
        kind: 'inventory-category-missing',
        message: `${k.at} writes key family '${k.family}' (declared as '${family.name}', category '${family.category}'), but ${names.statement} facts.dataStored has no category '${family.category}'`,
      });
    }
  }

  for (const p of evidence.problems) {
    const where = `${p.file}${p.line > 0 ? `:${p.line}` : ''}`;
    if (p.severity === 'error') {
      const kind =
        p.rule === 'missing-scope' || p.rule === 'missing-module'
          ? p.rule
          : p.rule === 'undeclared-egress'
            ? 'code-egress-undeclared'
            : 'removed-api';
      problems.push({ kind, message: `${where}: ${p.message}` });
    } else if (p.rule === 'unused-scope') {
      problems.push({ kind: 'unused-scope', message: `${where}: ${p.message}` });
    } else warnings.push(`${where}: [${p.rule}] ${p.message}`);
  }
  return { problems, warnings };
}
