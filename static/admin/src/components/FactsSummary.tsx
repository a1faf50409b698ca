/**
 * The statement's facts as a scannable summary: what is stored, where, how long, who can reach it, and the
 * rest. The labels are the page's words; the facts' own texts are statement content (`data-content`), in
 * the translation's language when one is shown.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Evidence, StatementFacts } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { ClaimNotes, ProvenList, type ClaimRow } from './Claims';

interface FactProps {
  term: string;
  /** The row's claims, with their verdicts, shown under the facts. */
  row?: ClaimRow;
  evidence: Evidence;
  children: ComponentChildren;
}

function Fact({ term, row, evidence, children }: FactProps): JSX.Element {
  return (
    <div class="fact">
      <dt>{term}</dt>
      <dd>
        {children}
        {row && <ClaimNotes evidence={evidence} row={row} />}
      </dd>
    </div>
  );
}

/** Statement text inside the page's words. */
function Content({ children }: { children: ComponentChildren }): JSX.Element {
  return <span data-content="statement">{children}</span>;
}

interface Props {
  facts: StatementFacts;
  evidence: Evidence;
  /** The language of the facts' texts when they are a translation. */
  lang: string | undefined;
}

export function FactsSummary({ facts, evidence, lang }: Props): JSX.Element {
  const { t, rich, list } = useI18n();
  const yesNo = (value: boolean): string => t(value ? 'common.yes' : 'common.no');
  const where = (location: StatementFacts['dataStored'][number]['location']): string => t(`location.${location}`);
  const locations = [...new Set(facts.dataStored.map((c) => where(c.location)))];
  const personal = facts.dataStored.filter((c) => c.personalData).map((c) => c.name);
  return (
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <dl class="facts" lang={lang}>
        <Fact term={t('facts.stored')} row="stored" evidence={evidence}>
          {facts.dataStored.length === 0 ? (
            <p>{t('facts.nothing')}</p>
          ) : (
            <ul class="categories">
              {facts.dataStored.map((c) => (
                <li key={c.id} class="category">
                  <p class="category-name" data-content="statement">
                    {c.name}
                  </p>
                  <p class="subtle" data-content="statement">
                    {c.description}
                  </p>
                  <dl class="category-facts">
                    <dt>{t('facts.purpose')}</dt>
                    <dd data-content="statement">{c.purpose}</dd>
                    <dt>{t('facts.where')}</dt>
                    <dd>{where(c.location)}</dd>
                    <dt>{t('facts.keptFor')}</dt>
                    <dd data-content="statement">{c.retention}</dd>
                    <dt>{t('facts.personalData')}</dt>
                    <dd>{yesNo(c.personalData)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('facts.whereItLives')} row="where" evidence={evidence}>
          <p>{locations.length > 0 ? locations.join('; ') : t('facts.nowhere')}</p>
          <p class="subtle" data-content="statement">
            {facts.hosting.description}
          </p>
        </Fact>
        <Fact term={t('facts.howLong')} row="howLong" evidence={evidence}>
          <ul>
            {facts.dataStored.map((c) => (
              <li key={c.id} data-content="statement">
                {c.name}: {c.retention}
              </li>
            ))}
            <li>
              {rich('facts.afterUninstall', { description: <Content>{facts.uninstall.description}</Content> })}
              {facts.uninstall.deletedAfterDays !== undefined && (
                <> {t('facts.deletedAfter', { count: facts.uninstall.deletedAfterDays })}</>
              )}
            </li>
          </ul>
        </Fact>
        <Fact term={t('facts.who')} row="who" evidence={evidence}>
          <p>{t('facts.whoText')}</p>
          <p class="subtle">
            {personal.length > 0
              ? rich('facts.personalHeld', { list: <Content>{list(personal)}</Content> })
              : t('facts.noPersonal')}
          </p>
        </Fact>
        {facts.dataAccessed.length > 0 && (
          <Fact term={t('facts.accessed')} evidence={evidence}>
            <ul>
              {facts.dataAccessed.map((a) => (
                <li key={a.name} data-content="statement">
                  {a.name}: {a.purpose}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        <Fact term={t('facts.egress')} row="egress" evidence={evidence}>
          {facts.egress.length === 0 ? (
            <p class="fact-strong">{t('facts.noEgress')}</p>
          ) : (
            <ul>
              {facts.egress.map((e) => (
                <li key={e.domain}>
                  {rich('facts.egressLine', {
                    name: <Content>{e.name}</Content>,
                    domain: <code>{e.domain}</code>,
                    purpose: <Content>{e.purpose}</Content>,
                    endUserData: yesNo(e.endUserData),
                  })}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('facts.analytics')} row="analytics" evidence={evidence}>
          <p>{t(facts.analytics.collected ? 'facts.analyticsCollected' : 'facts.analyticsNone')}</p>
          <p class="subtle" data-content="statement">
            {facts.analytics.description}
          </p>
        </Fact>
        <Fact term={t('facts.subProcessors')} row="subProcessors" evidence={evidence}>
          {facts.subProcessors.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul>
              {facts.subProcessors.map((s) => (
                <li key={s.name}>
                  {rich('facts.subProcessorLine', {
                    name: <Content>{s.name}</Content>,
                    country: <Content>{s.country}</Content>,
                    purpose: <Content>{s.purpose}</Content>,
                  })}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('facts.logs')} row="logs" evidence={evidence}>
          <p>
            {t('facts.logsLine', {
              endUserData: yesNo(facts.logs.endUserData),
              outside: yesNo(facts.logs.storedOutsideAtlassian),
            })}
          </p>
          <p class="subtle" data-content="statement">
            {facts.logs.description}
          </p>
        </Fact>
        <Fact term={t('facts.residency')} row="residency" evidence={evidence}>
          <p>{t(facts.dataResidency.supported ? 'facts.residencySupported' : 'facts.residencyNot')}</p>
          <p class="subtle" data-content="statement">
            {facts.dataResidency.description}
          </p>
        </Fact>
        <Fact term={t('facts.contact')} evidence={evidence}>
          <p data-content="statement">
            {facts.contact.email}
            {facts.contact.url ? ` · ${facts.contact.url}` : ''}
          </p>
        </Fact>
      </dl>
      <ProvenList evidence={evidence} />
    </section>
  );
}
