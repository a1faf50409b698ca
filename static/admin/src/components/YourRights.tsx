/**
 * "Your rights": the requests the statement says you can make (opt out, access, erasure, a private
 * request…), how and how fast; how to reach the vendor; what it promises; how it announces changes.
 */
import type { JSX } from 'preact';
import type { StatementFacts } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { Content, NotStated, StatedValue, YesNoValue } from './FactValue';

function Contact({ facts }: { facts: StatementFacts }): JSX.Element {
  const { rich } = useI18n();
  const contact = facts.contact;
  if (contact === 'not-stated') return <NotStated path="facts.contact" />;
  return (
    <ul class="plain-list">
      {contact.email !== undefined && (
        <li>
          {rich('rights.email', {
            address: (
              <a href={`mailto:${contact.email}`} data-content="statement">
                {contact.email}
              </a>
            ),
          })}
        </li>
      )}
      {contact.url !== undefined && (
        <li>
          {rich('rights.page', {
            address: (
              <a href={contact.url} data-content="statement">
                {contact.url}
              </a>
            ),
          })}
        </li>
      )}
    </ul>
  );
}

export function YourRights({ facts, lang }: { facts: StatementFacts; lang?: string | undefined }): JSX.Element {
  const { t, rich, list } = useI18n();
  const named = [
    ...(facts.vendorRecords === 'not-stated' ? [] : facts.vendorRecords),
    ...(facts.dataStored === 'not-stated' ? [] : facts.dataStored),
  ];
  const recordName = (id: string) => named.find((r) => r.id === id)?.name ?? id;
  const channels = facts.changes.channels;
  return (
    <section class="card" aria-labelledby="rights-title" id="your-rights">
      <h2 id="rights-title">{t('rights.title')}</h2>
      <h3>{t('rights.requests')}</h3>
      {facts.rights.length === 0 ? (
        <p>{t('rights.none')}</p>
      ) : (
        <ul class="categories" lang={lang}>
          {facts.rights.map((r, i) => (
            <li key={`${r.kind}-${r.appliesTo}`} class="category">
              <p class="category-name">
                {rich('rights.request', {
                  kind: t(`right.${r.kind}`),
                  target: <Content>{recordName(r.appliesTo)}</Content>,
                })}
              </p>
              <dl class="category-facts">
                <dt>{t('rights.how')}</dt>
                <dd>
                  <StatedValue value={r.how} path={`facts.rights[${i}].how`} />
                </dd>
                <dt>{t('rights.response')}</dt>
                <dd>
                  <StatedValue value={r.responseTime} path={`facts.rights[${i}].responseTime`} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('facts.contact')}</h3>
      <Contact facts={facts} />
      <h3>{t('rights.promises')}</h3>
      <dl class="category-facts">
        <dt>{t('rights.noSale')}</dt>
        <dd>
          <YesNoValue value={facts.commitments.noSale} path="facts.commitments.noSale" />
        </dd>
        <dt>{t('rights.noMarketing')}</dt>
        <dd>
          <YesNoValue value={facts.commitments.noMarketingSharing} path="facts.commitments.noMarketingSharing" />
        </dd>
      </dl>
      <h3>{t('rights.changes')}</h3>
      <p>
        {rich('rights.announced', {
          channels:
            channels === 'not-stated' ? (
              <NotStated path="facts.changes.channels" />
            ) : (
              list(channels.map((c) => t(`channel.${c}`)))
            ),
        })}
      </p>
      {facts.changes.description !== undefined && (
        <p class="subtle" data-content="statement" lang={lang}>
          {facts.changes.description}
        </p>
      )}
    </section>
  );
}
