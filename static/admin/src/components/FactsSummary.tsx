/**
 * The statement's facts in detail, below the privacy label: what is stored, where, how long, who can reach
 * it, and the rest. Each row has an id the label links to.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Evidence, StatementFacts, StorageLocation } from '../../../../src/contract';
import { ClaimNotes, ProvenList, type ClaimRow } from './Claims';
import { homeOf, NotStated, RetentionValue, StatedValue, YesNoValue } from './FactValue';

const LOCATION_LABELS: Record<StorageLocation, string> = {
  'forge-hosted-storage': 'Forge hosted storage, run by Atlassian',
  'atlassian-product': 'Inside the Atlassian product',
  'vendor-infrastructure': "The vendor's own systems",
  'customer-infrastructure': "The customer's own systems",
  browser: "The user's browser",
};

const HOSTING_LABELS = { forge: 'Forge', connect: 'Connect', 'data-center': 'Data Center', server: 'Server' } as const;

const ANALYTICS_WORDS = ['Collected', 'None collected'] as const;
const RESIDENCY_WORDS = ['Supported', 'Not supported'] as const;

const LOG_LOCATIONS = {
  'atlassian-forge-logs': "Atlassian's Forge logs",
  'customer-servers': 'Your own servers',
  vendor: "The vendor's systems",
  none: 'No logs are kept',
} as const;

interface FactProps {
  /** The anchor the privacy label links to. */
  id?: string;
  term: string;
  /** The row's claims, with their verdicts, shown under the facts. */
  row?: ClaimRow;
  evidence: Evidence;
  children: ComponentChildren;
}

function Fact({ id, term, row, evidence, children }: FactProps): JSX.Element {
  return (
    <div class="fact">
      <dt id={id} tabIndex={id === undefined ? undefined : -1}>
        {term}
      </dt>
      <dd>
        {children}
        {row && <ClaimNotes evidence={evidence} row={row} />}
      </dd>
    </div>
  );
}

export function FactsSummary({ facts, evidence }: { facts: StatementFacts; evidence: Evidence }): JSX.Element {
  const locations = [...new Set(facts.dataStored.map((c) => LOCATION_LABELS[c.location]))];
  const personal = facts.dataStored.filter((c) => c.personalData === true).map((c) => c.name);
  const home = homeOf(facts.hosting.model);
  const { access, logs, uninstall } = facts;
  return (
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Details</h2>
      <dl class="facts">
        <Fact id="fact-scope" term="Apps covered" evidence={evidence}>
          <ul>
            {facts.scope.apps.map((a) => (
              <li key={a.name}>
                {a.name} ({HOSTING_LABELS[a.hosting]})
              </li>
            ))}
          </ul>
          {facts.scope.excludes.length > 0 && <p class="subtle">Not covered: {facts.scope.excludes.join('; ')}</p>}
        </Fact>
        <Fact id="fact-stored" term="What is stored" row="stored" evidence={evidence}>
          {facts.dataStored.length === 0 ? (
            <p>Nothing.</p>
          ) : (
            <ul class="categories">
              {facts.dataStored.map((c, i) => (
                <li key={c.id} class="category">
                  <p class="category-name">{c.name}</p>
                  <p class="subtle">{c.description}</p>
                  <dl class="category-facts">
                    <dt>Purpose</dt>
                    <dd>{c.purpose}</dd>
                    <dt>Where</dt>
                    <dd>{LOCATION_LABELS[c.location]}</dd>
                    <dt>Kept for</dt>
                    <dd>
                      <RetentionValue value={c.retention} path={`facts.dataStored[${i}].retention`} />
                    </dd>
                    <dt>Personal data</dt>
                    <dd>
                      <YesNoValue value={c.personalData} path={`facts.dataStored[${i}].personalData`} />
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact id="fact-where" term="Where it lives" row="where" evidence={evidence}>
          <p>{locations.length > 0 ? locations.join('; ') : 'Nowhere: nothing is stored.'}</p>
          {facts.hosting.description !== undefined && <p class="subtle">{facts.hosting.description}</p>}
        </Fact>
        <Fact id="fact-how-long" term="How long" row="howLong" evidence={evidence}>
          <ul>
            {facts.dataStored.map((c, i) => (
              <li key={c.id}>
                {c.name}: <RetentionValue value={c.retention} path={`facts.dataStored[${i}].retention`} />
              </li>
            ))}
            <li>
              After uninstall: {uninstall.description}{' '}
              {uninstall.deletedAfterDays === 'not-stated' ? (
                <>
                  (deleted after: <NotStated path="facts.uninstall.deletedAfterDays" />)
                </>
              ) : (
                `(deleted after ${uninstall.deletedAfterDays} days)`
              )}
            </li>
          </ul>
        </Fact>
        <Fact id="fact-who" term="Who can reach it" row="who" evidence={evidence}>
          <p>
            {access.vendorStaff === 'not-stated' ? (
              <>
                Vendor staff: <NotStated path="facts.access.vendorStaff" />
              </>
            ) : access.vendorStaff ? (
              'Vendor staff can reach the data the app stores.'
            ) : (
              "No one at the vendor: only the app's code reaches the data it stores."
            )}
          </p>
          {access.description !== undefined && <p class="subtle">{access.description}</p>}
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
        <Fact id="fact-egress" term={`Data sent outside ${home}`} row="egress" evidence={evidence}>
          {facts.egress.length === 0 ? (
            <p class="fact-strong">None: nothing leaves {home}</p>
          ) : (
            <ul>
              {facts.egress.map((e, i) => (
                <li key={`${e.domain}-${e.name}`}>
                  {e.name} (
                  {e.domain === 'not-stated' ? (
                    <>
                      host: <NotStated path={`facts.egress[${i}].domain`} />
                    </>
                  ) : (
                    <code>{e.domain}</code>
                  )}
                  ): {e.purpose}. End-user data:{' '}
                  <YesNoValue value={e.endUserData} path={`facts.egress[${i}].endUserData`} />
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact id="fact-analytics" term="Analytics" row="analytics" evidence={evidence}>
          <p>
            <YesNoValue value={facts.analytics.collected} path="facts.analytics.collected" words={ANALYTICS_WORDS} />
          </p>
          <p class="subtle">{facts.analytics.description}</p>
        </Fact>
        <Fact id="fact-subprocessors" term="Sub-processors" row="subProcessors" evidence={evidence}>
          {facts.subProcessors.length === 0 ? (
            <p>None</p>
          ) : (
            <ul>
              {facts.subProcessors.map((s, i) => (
                <li key={s.name}>
                  {s.name} (<StatedValue value={s.country} path={`facts.subProcessors[${i}].country`} />
                  ): {s.purpose}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact id="fact-logs" term="Logs" row="logs" evidence={evidence}>
          <p>
            Kept in:{' '}
            {logs.location === 'not-stated' ? <NotStated path="facts.logs.location" /> : LOG_LOCATIONS[logs.location]}.
            End-user data in logs: <YesNoValue value={logs.endUserData} path="facts.logs.endUserData" />.
          </p>
          <p class="subtle">{logs.description}</p>
        </Fact>
        <Fact id="fact-residency" term="Data residency" row="residency" evidence={evidence}>
          <p>
            <YesNoValue
              value={facts.dataResidency.supported}
              path="facts.dataResidency.supported"
              words={RESIDENCY_WORDS}
            />
          </p>
          {facts.dataResidency.description !== undefined && <p class="subtle">{facts.dataResidency.description}</p>}
        </Fact>
        <Fact id="fact-runs-on-atlassian" term="Runs on Atlassian" row="runs" evidence={evidence}>
          <p>
            {facts.hosting.model === 'forge'
              ? 'A Forge app: eligibility is checked against its manifest.'
              : `Not a Forge app (${HOSTING_LABELS[facts.hosting.model]}), so not eligible.`}
          </p>
        </Fact>
        <Fact id="fact-security" term="Security measures" evidence={evidence}>
          {facts.security.measures === 'not-stated' ? (
            <p>
              <NotStated path="facts.security.measures" />
            </p>
          ) : (
            <ul>
              {facts.security.measures.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {facts.security.description !== undefined && <p class="subtle">{facts.security.description}</p>}
        </Fact>
      </dl>
      <ProvenList evidence={evidence} />
    </section>
  );
}
