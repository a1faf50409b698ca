/**
 * "What the vendor holds about you": records the vendor keeps that do not come through the app (Marketplace
 * contacts, support requests, website data…), each with its sources, whether the vendor keeps a copy, who
 * can see it, who it is shared with and how long it is kept.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import type { StatementFacts, VendorRecord, VendorRecordSource } from '../../../../src/contract';
import { RetentionValue, StatedValue, YesNoValue } from './FactValue';

const TEXT = {
  title: 'What the vendor holds about you',
  intro: 'Apart from what the app stores, the vendor says it holds:',
  none: 'Nothing: the statement says the vendor holds no records about you outside the app.',
  from: 'From',
  purpose: 'Used for',
  copy: 'Vendor keeps a copy',
  visible: 'Who can see it',
  shared: 'Shared with',
  sharedNone: 'No one',
  kept: 'Kept for',
  personal: 'Personal data',
  sources: {
    marketplace: 'Atlassian Marketplace',
    reseller: 'A reseller',
    'issue-tracker': 'Issue tracker',
    'support-desk': 'Support desk',
    email: 'Email',
    chat: 'Chat',
    website: "The vendor's website",
  } satisfies Record<VendorRecordSource, string>,
};

/** Each record's facts, as term and value, in reading order. */
function rows(r: VendorRecord, at: string): [string, ComponentChildren][] {
  return [
    [TEXT.from, r.sources.map((s) => TEXT.sources[s]).join(', ')],
    [TEXT.purpose, <StatedValue value={r.purpose} path={`${at}.purpose`} />],
    [TEXT.copy, <YesNoValue value={r.vendorKeepsCopy} path={`${at}.vendorKeepsCopy`} />],
    [TEXT.visible, <StatedValue value={r.visibleTo} path={`${at}.visibleTo`} />],
    [TEXT.shared, <StatedValue value={r.sharedWith} path={`${at}.sharedWith`} empty={TEXT.sharedNone} />],
    [TEXT.kept, <RetentionValue value={r.retention} path={`${at}.retention`} />],
    [TEXT.personal, <YesNoValue value={r.personalData} path={`${at}.personalData`} />],
  ];
}

export function VendorHolds({ facts }: { facts: StatementFacts }): JSX.Element {
  return (
    <section class="card" aria-labelledby="vendor-holds-title" id="vendor-holds">
      <h2 id="vendor-holds-title">{TEXT.title}</h2>
      {facts.vendorRecords.length === 0 ? (
        <p>{TEXT.none}</p>
      ) : (
        <>
          <p class="subtle">{TEXT.intro}</p>
          <ul class="categories">
            {facts.vendorRecords.map((r, i) => {
              return (
                <li key={r.id} class="category" id={`record-${r.id}`}>
                  <h3 class="category-name">{r.name}</h3>
                  <p class="subtle">{r.description}</p>
                  <dl class="category-facts">
                    {rows(r, `facts.vendorRecords[${i}]`).map(([term, value]) => (
                      <Fragment key={term}>
                        <dt>{term}</dt>
                        <dd>{value}</dd>
                      </Fragment>
                    ))}
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
