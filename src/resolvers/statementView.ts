import type { StatementView } from '../contract';
import { factsOf } from '../domain/statement/facts';
import type { CompiledStatement } from '../domain/statement/types';

/** The version as the page shows it; its facts always in the current model, whichever format it was published in. */
export function statementView(statement: CompiledStatement): StatementView {
  const { id, version, effectiveDate, change } = statement.source;
  return {
    id,
    version,
    effectiveDate,
    hash: statement.hash,
    change,
    facts: factsOf(statement.source),
    sections: statement.sections,
  };
}
