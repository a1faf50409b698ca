/**
 * "What the vendor holds about you": records the vendor keeps that do not come through the app (Marketplace
 * contacts, support requests, website data…), each with its sources, whether the vendor keeps a copy, who
 * can see it, who it is shared with and how long it is kept.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import type { StatementFacts, VendorRecord } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';
import { NotStated, RetentionValue, StatedValue, YesNoValue } from './FactValue';

/** Each record's facts, as term and value, in reading order. */
function rows(r: VendorRecord, at: string, { t, list }: Translator): [string, ComponentChildren][] {
  return [
    [
      t('holds.from'),
      r.sources === 'not-stated' ? <NotStated path={`${at}.sources`} /> : list(r.sources.map((s) => t(`source.${s}`))),
    ],
    [t('holds.purpose'), <StatedValue value={r.purpose} path={`${at}.purpose`} />],
    [t('holds.copy'), <YesNoValue value={r.vendorKeepsCopy} path={`${at}.vendorKeepsCopy`} />],
    [t('holds.visible'), <StatedValue value={r.visibleTo} path={`${at}.visibleTo`} />],
    [t('holds.shared'), <StatedValue value={r.sharedWith} path={`${at}.sharedWith`} empty={t('holds.sharedNone')} />],
    [t('facts.keptFor'), <RetentionValue value={r.retention} path={`${at}.retention`} />],
    [t('facts.personalData'), <YesNoValue value={r.personalData} path={`${at}.personalData`} />],
  ];
}

export function VendorHolds({ facts, lang }: { facts: StatementFacts; lang?: string | undefined }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section class="card" aria-labelledby="vendor-holds-title" id="vendor-holds">
      <h2 id="vendor-holds-title">{t('holds.title')}</h2>
      {facts.vendorRecords === 'not-stated' ? (
        <p data-truth="vendor-records" data-says="not-stated">
          <NotStated path="facts.vendorRecords" />
        </p>
      ) : facts.vendorRecords.length === 0 ? (
        <p data-truth="vendor-records" data-says="empty">
          {t('holds.none')}
        </p>
      ) : (
        <>
          <p class="subtle" data-truth="vendor-records" data-says="listed">
            {t('holds.intro')}
          </p>
          <ul class="categories" lang={lang}>
            {facts.vendorRecords.map((r, i) => (
              <li key={r.id} class="category" id={`record-${r.id}`}>
                <h3 class="category-name" data-content="statement">
                  {r.name}
                </h3>
                <p class="subtle" data-content="statement">
                  {r.description}
                </p>
                <dl class="category-facts">
                  {rows(r, `facts.vendorRecords[${i}]`, i18n).map(([term, value]) => (
                    <Fragment key={term}>
                      <dt>{term}</dt>
                      <dd>{value}</dd>
                    </Fragment>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
