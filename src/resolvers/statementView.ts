import type { StatementView } from '../contract';
import type { CompiledStatement, StatementCatalog } from '../domain/statement/types';

export function currentStatement(catalog: StatementCatalog): CompiledStatement {
  const current = catalog.versions[catalog.versions.length - 1];
  if (!current) throw new Error('the statement catalog holds no published version');
  return current;
}

export function statementView(statement: CompiledStatement): StatementView {
  const { id, version, effectiveDate, change, facts } = statement.source;
  return { id, version, effectiveDate, hash: statement.hash, change, facts, sections: statement.sections };
}
