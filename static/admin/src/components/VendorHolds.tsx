/**
 * "What the vendor holds about you": records the vendor keeps that do not come through the app (Marketplace
 * contacts, support requests, website data…), each with its sources, whether the vendor keeps a copy, who
 * can see it, who it is shared with and how long it is kept.
 */
import type { JSX } from 'preact';
import type { StatementFacts, VendorRecordSource } from '../../../../src/contract';
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
              const at = `facts.vendorRecords[${i}]`;
              return (
                <li key={r.id} class="category" id={`record-${r.id}`}>
                  <h3 class="category-name">{r.name}</h3>
                  <p class="subtle">{r.description}</p>
                  <dl class="category-facts">
                    <dt>{TEXT.from}</dt>
                    <dd>{r.sources.map((s) => TEXT.sources[s]).join(', ')}</dd>
                    <dt>{TEXT.purpose}</dt>
                    <dd>
                      <StatedValue value={r.purpose} path={`${at}.purpose`} />
                    </dd>
                    <dt>{TEXT.copy}</dt>
                    <dd>
                      <YesNoValue value={r.vendorKeepsCopy} path={`${at}.vendorKeepsCopy`} />
                    </dd>
                    <dt>{TEXT.visible}</dt>
                    <dd>
                      <StatedValue value={r.visibleTo} path={`${at}.visibleTo`} />
                    </dd>
                    <dt>{TEXT.shared}</dt>
                    <dd>
                      <StatedValue value={r.sharedWith} path={`${at}.sharedWith`} empty={TEXT.sharedNone} />
                    </dd>
                    <dt>{TEXT.kept}</dt>
                    <dd>
                      <RetentionValue value={r.retention} path={`${at}.retention`} />
                    </dd>
                    <dt>{TEXT.personal}</dt>
                    <dd>
                      <YesNoValue value={r.personalData} path={`${at}.personalData`} />
                    </dd>
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
