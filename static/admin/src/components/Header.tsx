/** The page header: app name (the page's only h1), vendor, statement version and effective date. */
import type { JSX } from 'preact';
import type { StatementView } from '../../../../src/contract';
import type { Locality } from '../api';
import { formatCalendarDate } from '../format';

export function Header({ statement, where }: { statement: StatementView; where: Locality }): JSX.Element {
  const { app, vendor } = statement.facts;
  return (
    <header class="page-header">
      <h1>{app.name}</h1>
      <p class="subtle">{app.summary}</p>
      <p class="meta">
        <span>By {vendor.name}</span>
        <span>Statement version {statement.version}</span>
        <span>Effective {formatCalendarDate(statement.effectiveDate, where)}</span>
      </p>
    </header>
  );
}
