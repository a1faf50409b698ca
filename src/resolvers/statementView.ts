import type { StatementView } from '../contract';
import type { CompiledStatement } from '../domain/statement/types';

export function statementView(statement: CompiledStatement): StatementView {
  const { id, version, effectiveDate, change, facts } = statement.source;
  return { id, version, effectiveDate, hash: statement.hash, change, facts, sections: statement.sections };
}
