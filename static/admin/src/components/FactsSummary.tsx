/** The statement's facts as a scannable summary: what is stored, where, how long, who can reach it, and the rest. */
import type { ComponentChildren, JSX } from 'preact';
import type { Evidence } from '../../../../src/domain/evidence/types';
import type { StatementFacts, StorageLocation } from '../../../../src/domain/statement/types';
import { ClaimNotes, ProvenList, type ClaimRow } from './Claims';

const LOCATION_LABELS: Record<StorageLocation, string> = {
  'forge-hosted-storage': 'Forge hosted storage, run by Atlassian',
  'atlassian-product': 'Inside the Atlassian product',
  'vendor-infrastructure': "The vendor's own systems",
  'customer-infrastructure': "The customer's own systems",
  browser: "The user's browser",
};

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

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

export function FactsSummary({ facts, evidence }: { facts: StatementFacts; evidence: Evidence }): JSX.Element {
  const locations = [...new Set(facts.dataStored.map((c) => LOCATION_LABELS[c.location]))];
  const personal = facts.dataStored.filter((c) => c.personalData).map((c) => c.name);
  return (
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title">At a glance</h2>
      <dl class="facts">
        <Fact term="What is stored" row="stored" evidence={evidence}>
          {facts.dataStored.length === 0 ? (
            <p>Nothing.</p>
          ) : (
            <ul class="categories">
              {facts.dataStored.map((c) => (
                <li key={c.id} class="category">
                  <p class="category-name">{c.name}</p>
                  <p class="subtle">{c.description}</p>
                  <dl class="category-facts">
                    <dt>Purpose</dt>
                    <dd>{c.purpose}</dd>
                    <dt>Where</dt>
                    <dd>{LOCATION_LABELS[c.location]}</dd>
                    <dt>Kept for</dt>
                    <dd>{c.retention}</dd>
                    <dt>Personal data</dt>
                    <dd>{yesNo(c.personalData)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term="Where it lives" row="where" evidence={evidence}>
          <p>{locations.length > 0 ? locations.join('; ') : 'Nowhere: nothing is stored.'}</p>
          <p class="subtle">{facts.hosting.description}</p>
        </Fact>
        <Fact term="How long" row="howLong" evidence={evidence}>
          <ul>
            {facts.dataStored.map((c) => (
              <li key={c.id}>
                {c.name}: {c.retention}
              </li>
            ))}
            <li>
              After uninstall: {facts.uninstall.description}
              {facts.uninstall.deletedAfterDays !== undefined &&
                ` (deleted after ${facts.uninstall.deletedAfterDays} days)`}
            </li>
          </ul>
        </Fact>
        <Fact term="Who can reach it" row="who" evidence={evidence}>
          <p>
            Site admins, on this page. Other users see the statement and whether it was acknowledged, without names.
          </p>
          <p class="subtle">
            {personal.length > 0 ? `Personal data held: ${personal.join(', ')}.` : 'No personal data is held.'}
          </p>
        </Fact>
        {facts.dataAccessed.length > 0 && (
          <Fact term="Read from the product, not stored" evidence={evidence}>
            <ul>
              {facts.dataAccessed.map((a) => (
                <li key={a.name}>
                  {a.name}: {a.purpose}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        <Fact term="Data sent outside Atlassian" row="egress" evidence={evidence}>
          {facts.egress.length === 0 ? (
            <p class="fact-strong">None: nothing leaves Atlassian</p>
          ) : (
            <ul>
              {facts.egress.map((e) => (
                <li key={e.domain}>
                  {e.name} (<code>{e.domain}</code>): {e.purpose}. End-user data: {yesNo(e.endUserData)}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term="Analytics" row="analytics" evidence={evidence}>
          <p>{facts.analytics.collected ? 'Collected' : 'None collected'}</p>
          <p class="subtle">{facts.analytics.description}</p>
        </Fact>
        <Fact term="Sub-processors" row="subProcessors" evidence={evidence}>
          {facts.subProcessors.length === 0 ? (
            <p>None</p>
          ) : (
            <ul>
              {facts.subProcessors.map((s) => (
                <li key={s.name}>
                  {s.name} ({s.country}): {s.purpose}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term="Logs" row="logs" evidence={evidence}>
          <p>
            End-user data in logs: {yesNo(facts.logs.endUserData)}. Kept outside Atlassian:{' '}
            {yesNo(facts.logs.storedOutsideAtlassian)}.
          </p>
          <p class="subtle">{facts.logs.description}</p>
        </Fact>
        <Fact term="Data residency" row="residency" evidence={evidence}>
          <p>{facts.dataResidency.supported ? 'Supported' : 'Not supported'}</p>
          <p class="subtle">{facts.dataResidency.description}</p>
        </Fact>
        <Fact term="Contact" evidence={evidence}>
          <p>
            {facts.contact.email}
            {facts.contact.url ? ` · ${facts.contact.url}` : ''}
          </p>
        </Fact>
      </dl>
      <ProvenList evidence={evidence} />
    </section>
  );
}
