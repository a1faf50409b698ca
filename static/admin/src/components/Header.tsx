/** The page header: app name (the page's only h1), vendor, statement version and effective date. */
import type { JSX } from 'preact';
import type { StatementFacts, StatementView } from '../../../../src/contract';
import { useI18n } from '../i18n/context';

interface Props {
  /** The version in force. */
  statement: StatementView;
  /** Its facts as shown (translated when the page shows a translation). */
  facts: StatementFacts;
  /** The language of `facts` when it is a translation. */
  lang: string | undefined;
}

export function Header({ statement, facts, lang }: Props): JSX.Element {
  const { t, rich, calendarDate } = useI18n();
  const { app, vendor } = facts;
  return (
    <header class="page-header">
      <h1 data-content="statement" elementtiming="statement">
        {app.name}
      </h1>
      <p class="subtle" data-content="statement" lang={lang}>
        {app.summary}
      </p>
      <p class="meta">
        <span>{rich('header.by', { vendor: <span data-content="statement">{vendor.name}</span> })}</span>
        <span>{t('header.version', { version: statement.version })}</span>
        <span>{t('header.effective', { date: calendarDate(statement.effectiveDate) })}</span>
      </p>
    </header>
  );
}
