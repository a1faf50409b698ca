/**
 * "Your rights": the requests the statement says you can make (opt out, access, erasure, a private
 * request…), how and how fast; how to reach the vendor; what it promises; how it announces changes.
 */
import type { JSX } from 'preact';
import type { Right, StatementFacts } from '../../../../src/contract';
import { NotStated, StatedValue, YesNoValue } from './FactValue';

const TEXT = {
  title: 'Your rights',
  requests: 'Requests you can make',
  noRequests: 'The statement describes no requests.',
  how: 'How',
  response: 'Answered within',
  contact: 'Contact',
  email: 'Email',
  page: 'Web page',
  promises: 'What the vendor promises',
  noSale: 'Does not sell data',
  noMarketing: 'Does not share data for marketing',
  changes: 'When this statement changes',
  channels: {
    'policy-page': 'on the policy page',
    'marketplace-listing': 'linked from the Marketplace listing',
    email: 'by email',
    'in-app': 'in the app',
  },
  announced: 'Announced',
  kinds: {
    'opt-out': 'Opt out',
    access: 'See your data',
    erasure: 'Have it deleted',
    correction: 'Have it corrected',
    'private-request': 'Keep a request private',
    objection: 'Object or refuse',
  } satisfies Record<Right['kind'], string>,
};

function Contact({ facts }: { facts: StatementFacts }): JSX.Element {
  const contact = facts.contact;
  if (contact === 'not-stated') return <NotStated path="facts.contact" />;
  return (
    <ul class="plain-list">
      {contact.email !== undefined && (
        <li>
          {TEXT.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </li>
      )}
      {contact.url !== undefined && (
        <li>
          {TEXT.page}: <a href={contact.url}>{contact.url}</a>
        </li>
      )}
    </ul>
  );
}

export function YourRights({ facts }: { facts: StatementFacts }): JSX.Element {
  const recordName = (id: string) => facts.vendorRecords.find((r) => r.id === id)?.name ?? id;
  const channels = facts.changes.channels;
  return (
    <section class="card" aria-labelledby="rights-title" id="your-rights">
      <h2 id="rights-title">{TEXT.title}</h2>
      <h3>{TEXT.requests}</h3>
      {facts.rights.length === 0 ? (
        <p>{TEXT.noRequests}</p>
      ) : (
        <ul class="categories">
          {facts.rights.map((r, i) => (
            <li key={`${r.kind}-${r.appliesTo}`} class="category">
              <p class="category-name">
                {TEXT.kinds[r.kind]}: {recordName(r.appliesTo)}
              </p>
              <dl class="category-facts">
                <dt>{TEXT.how}</dt>
                <dd>
                  <StatedValue value={r.how} path={`facts.rights[${i}].how`} />
                </dd>
                <dt>{TEXT.response}</dt>
                <dd>
                  <StatedValue value={r.responseTime} path={`facts.rights[${i}].responseTime`} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <h3>{TEXT.contact}</h3>
      <Contact facts={facts} />
      <h3>{TEXT.promises}</h3>
      <dl class="category-facts">
        <dt>{TEXT.noSale}</dt>
        <dd>
          <YesNoValue value={facts.commitments.noSale} path="facts.commitments.noSale" />
        </dd>
        <dt>{TEXT.noMarketing}</dt>
        <dd>
          <YesNoValue value={facts.commitments.noMarketingSharing} path="facts.commitments.noMarketingSharing" />
        </dd>
      </dl>
      <h3>{TEXT.changes}</h3>
      <p>
        {TEXT.announced}{' '}
        {channels === 'not-stated' ? (
          <NotStated path="facts.changes.channels" />
        ) : (
          channels.map((c) => TEXT.channels[c]).join(', ')
        )}
      </p>
      {facts.changes.description !== undefined && <p class="subtle">{facts.changes.description}</p>}
    </section>
  );
}
