/**
 * The statement's facts in detail, below the privacy label: what is stored, where, how long, who can reach
 * it, and the rest. Each row has an id the label links to. The labels are the page's words; the facts' own
 * texts are statement content (`data-content`), in the translation's language when one is shown.
 */
import type { ComponentChildren, JSX } from 'preact';
import { factStates, type Evidence, type StatementFacts, type TruthFact } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { ClaimNotes, ProvenList, type ClaimRow } from './Claims';
import { Content, homeKey, NotStated, RetentionValue, StatedValue, YesNoValue } from './FactValue';

interface FactProps {
  /** The anchor the privacy label links to. */
  id?: string;
  term: string;
  /** The row's claims, with their verdicts, shown under the facts. */
  row?: ClaimRow;
  /** The truth-table fact the row words (its state is `data-says`, as on the label's cell and the claim). */
  fact?: TruthFact;
  facts: StatementFacts;
  evidence: Evidence;
  children: ComponentChildren;
}

function Fact({ id, term, row, fact, facts, evidence, children }: FactProps): JSX.Element {
  const says = fact === undefined ? undefined : factStates(facts, evidence.runsOnAtlassian)[fact].says;
  return (
    <div class="fact" data-truth={fact} data-says={says}>
      <dt id={id} tabIndex={id === undefined ? undefined : -1}>
        {term}
      </dt>
      <dd>
        {children}
        {row && <ClaimNotes facts={facts} evidence={evidence} row={row} />}
      </dd>
    </div>
  );
}

/** A prose fact of the statement, as its own paragraph. */
function Prose({ text }: { text: string | undefined }): JSX.Element | null {
  return text === undefined ? null : (
    <p class="subtle" data-content="statement">
      {text}
    </p>
  );
}

interface Props {
  facts: StatementFacts;
  evidence: Evidence;
  /** The language of the facts' texts when they are a translation. */
  lang?: string | undefined;
}

type SectionProps = Omit<Props, 'lang'>;

/** The data categories stored, each with its purpose, place, retention and whether it is personal data. */
function StoredFact({ facts, evidence }: SectionProps): JSX.Element {
  const { t } = useI18n();
  const stored = facts.dataStored === 'not-stated' ? [] : facts.dataStored;
  const row = { facts, evidence };
  return (
    <Fact id="fact-stored" term={t('facts.stored')} row="stored" fact="personal-data" {...row}>
      {facts.dataStored === 'not-stated' ? (
        <p>
          <NotStated path="facts.dataStored" />
        </p>
      ) : stored.length === 0 ? (
        <p>{t('facts.nothing')}</p>
      ) : (
        <ul class="categories">
          {stored.map((c, i) => (
            <li key={c.id} class="category">
              <p class="category-name" data-content="statement">
                {c.name}
              </p>
              <Prose text={c.description} />
              <dl class="category-facts">
                <dt>{t('facts.purpose')}</dt>
                <dd>
                  <StatedValue value={c.purpose} path={`facts.dataStored[${i}].purpose`} />
                </dd>
                <dt>{t('facts.where')}</dt>
                <dd>
                  {c.location === 'not-stated' ? (
                    <NotStated path={`facts.dataStored[${i}].location`} />
                  ) : (
                    t(`location.${c.location}`)
                  )}
                </dd>
                <dt>{t('facts.keptFor')}</dt>
                <dd>
                  <RetentionValue value={c.retention} path={`facts.dataStored[${i}].retention`} />
                </dd>
                <dt>{t('facts.personalData')}</dt>
                <dd>
                  <YesNoValue value={c.personalData} path={`facts.dataStored[${i}].personalData`} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Fact>
  );
}

/** Where the stored data lives, and where the app runs. */
function WhereFact({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich, list } = useI18n();
  const stored = facts.dataStored === 'not-stated' ? [] : facts.dataStored;
  const states = factStates(facts, evidence.runsOnAtlassian);
  const locations = [
    ...new Set(stored.flatMap((c) => (c.location === 'not-stated' ? [] : [t(`location.${c.location}`)]))),
  ];
  const row = { facts, evidence };
  return (
    <Fact id="fact-where" term={t('facts.whereItLives')} row="where" fact="storage" {...row}>
      <p>
        {states.storage.says === 'not-stated' ? (
          <NotStated path="facts.dataStored" />
        ) : locations.length > 0 ? (
          locations.join('; ')
        ) : states.storage.says === 'empty' ? (
          t('facts.nowhere')
        ) : null}
        {states.storage.unstated.length > 0 && (
          <>
            {locations.length > 0 && '; '}
            {rich('label.locationNotStated', { names: <Content>{list(states.storage.unstated)}</Content> })}
          </>
        )}
      </p>
      <Prose text={facts.hosting.description} />
    </Fact>
  );
}

/** How long each category is kept, and what happens after uninstall. */
function HowLongFact({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich } = useI18n();
  const stored = facts.dataStored === 'not-stated' ? [] : facts.dataStored;
  const { uninstall } = facts;
  const row = { facts, evidence };
  return (
    <Fact id="fact-how-long" term={t('facts.howLong')} row="howLong" fact="retention" {...row}>
      <ul>
        {stored.map((c, i) => (
          <li key={c.id}>
            {rich('facts.retentionOf', {
              name: <Content>{c.name}</Content>,
              retention: <RetentionValue value={c.retention} path={`facts.dataStored[${i}].retention`} />,
            })}
          </li>
        ))}
        <li>
          {uninstall.description !== undefined && (
            <>{rich('facts.afterUninstall', { description: <Content>{uninstall.description}</Content> })} </>
          )}
          {uninstall.deletedAfterDays === 'not-stated'
            ? rich('facts.deletedAfterNotStated', { value: <NotStated path="facts.uninstall.deletedAfterDays" /> })
            : t('facts.deletedAfter', { count: uninstall.deletedAfterDays })}
        </li>
      </ul>
    </Fact>
  );
}

/** Who at the vendor can reach the data, and which of it is personal data. */
function WhoFact({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich, list } = useI18n();
  const personal = factStates(facts, evidence.runsOnAtlassian)['personal-data'];
  const { access } = facts;
  const row = { facts, evidence };
  return (
    <Fact id="fact-who" term={t('facts.who')} row="who" fact="staff" {...row}>
      <p>
        {access.vendorStaff === 'not-stated'
          ? rich('facts.staffNotStated', { value: <NotStated path="facts.access.vendorStaff" /> })
          : t(access.vendorStaff ? 'facts.staffYes' : 'facts.staffNo')}
      </p>
      <Prose text={access.description} />
      <p class="subtle" data-truth="personal-data" data-says={personal.says}>
        {personal.says === 'listed'
          ? rich('facts.personalHeld', { list: <Content>{list(personal.names)}</Content> })
          : personal.says === 'partly-stated'
            ? rich('facts.personalPartly', {
                list: <Content>{list(personal.names)}</Content>,
                names: <Content>{list(personal.unstated)}</Content>,
              })
            : personal.says === 'no'
              ? t('facts.noPersonal')
              : personal.says === 'empty'
                ? t('facts.nothing')
                : rich('facts.personalNotStated', { value: <NotStated path="facts.dataStored[].personalData" /> })}
      </p>
    </Fact>
  );
}

/** What is stored, where, how long and who can reach it. */
function StorageFacts(props: SectionProps): JSX.Element {
  return (
    <>
      <StoredFact {...props} />
      <WhereFact {...props} />
      <HowLongFact {...props} />
      <WhoFact {...props} />
    </>
  );
}

/** What leaves the app's home, to whom and why. */
function EgressFact({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich } = useI18n();
  const home = homeKey(facts.hosting.model);
  const row = { facts, evidence };
  return (
    <Fact id="fact-egress" term={t(`facts.egress.${home}`)} row="egress" fact="egress" {...row}>
      {facts.egress === 'not-stated' ? (
        <p>
          <NotStated path="facts.egress" />
        </p>
      ) : facts.egress.length === 0 ? (
        <p class="fact-strong">{t(`facts.noEgress.${home}`)}</p>
      ) : (
        <ul>
          {facts.egress.map((e, i) => (
            <li key={`${e.domain}-${e.name}`}>
              {rich('facts.egressLine', {
                name: <Content>{e.name}</Content>,
                domain:
                  e.domain === 'not-stated' ? (
                    rich('facts.hostNotStated', { value: <NotStated path={`facts.egress[${i}].domain`} /> })
                  ) : (
                    <code>{e.domain}</code>
                  ),
                purpose: <Content>{e.purpose}</Content>,
                endUserData: <YesNoValue value={e.endUserData} path={`facts.egress[${i}].endUserData`} />,
              })}
            </li>
          ))}
        </ul>
      )}
    </Fact>
  );
}

/** Analytics, sub-processors and logs. */
function ProcessingFacts({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich } = useI18n();
  const { logs } = facts;
  const row = { facts, evidence };
  return (
    <>
      <Fact id="fact-analytics" term={t('facts.analytics')} row="analytics" fact="analytics" {...row}>
        <p>
          <YesNoValue
            value={facts.analytics.collected}
            path="facts.analytics.collected"
            words={[t('facts.analyticsCollected'), t('facts.analyticsNone')]}
          />
        </p>
        <Prose text={facts.analytics.description} />
      </Fact>
      <Fact id="fact-subprocessors" term={t('facts.subProcessors')} row="subProcessors" fact="sub-processors" {...row}>
        {facts.subProcessors === 'not-stated' ? (
          <p>
            <NotStated path="facts.subProcessors" />
          </p>
        ) : facts.subProcessors.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul>
            {facts.subProcessors.map((s, i) => (
              <li key={s.name}>
                {rich('facts.subProcessorLine', {
                  name: <Content>{s.name}</Content>,
                  country: <StatedValue value={s.country} path={`facts.subProcessors[${i}].country`} />,
                  purpose: <Content>{s.purpose}</Content>,
                })}
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact id="fact-logs" term={t('facts.logs')} row="logs" fact="logs" {...row}>
        <p>
          {rich('facts.logsLine', {
            location:
              logs.location === 'not-stated' ? (
                <NotStated path="facts.logs.location" />
              ) : (
                t(`logLocation.${logs.location}`)
              ),
            endUserData: <YesNoValue value={logs.endUserData} path="facts.logs.endUserData" />,
          })}
        </p>
        <Prose text={logs.description} />
      </Fact>
    </>
  );
}

/** Data residency, Runs on Atlassian and security. */
function PlatformFacts({ facts, evidence }: SectionProps): JSX.Element {
  const { t, rich } = useI18n();
  const row = { facts, evidence };
  const model = facts.hosting.model;
  return (
    <>
      <Fact id="fact-residency" term={t('facts.residency')} row="residency" fact="data-residency" {...row}>
        <p>
          <YesNoValue
            value={facts.dataResidency.supported}
            path="facts.dataResidency.supported"
            words={[t('facts.residencySupported'), t('facts.residencyNot')]}
          />
        </p>
        <Prose text={facts.dataResidency.description} />
      </Fact>
      <Fact id="fact-runs-on-atlassian" term={t('proven.runsOnAtlassian')} row="runs" fact="runs-on-atlassian" {...row}>
        <p>
          {model === 'not-stated'
            ? rich('facts.hostingNotStated', { value: <NotStated path="facts.hosting.model" /> })
            : model === 'forge'
              ? t('facts.runsForge')
              : t('facts.runsElsewhere', { model: t(`hosting.${model}`) })}
        </p>
      </Fact>
      <Fact id="fact-security" term={t('facts.security')} fact="security" {...row}>
        {facts.security.measures === 'not-stated' ? (
          <p>
            <NotStated path="facts.security.measures" />
          </p>
        ) : (
          <ul>
            {facts.security.measures.map((m) => (
              <li key={m} data-content="statement">
                {m}
              </li>
            ))}
          </ul>
        )}
        <Prose text={facts.security.description} />
      </Fact>
    </>
  );
}

/** What leaves, analytics, sub-processors, logs, residency, Runs on Atlassian and security. */
function FlowFacts(props: SectionProps): JSX.Element {
  return (
    <>
      <EgressFact {...props} />
      <ProcessingFacts {...props} />
      <PlatformFacts {...props} />
    </>
  );
}

export function FactsSummary({ facts, evidence, lang }: Props): JSX.Element {
  const { t, rich, list } = useI18n();
  return (
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <dl class="facts" lang={lang}>
        <Fact id="fact-scope" term={t('facts.scope')} facts={facts} evidence={evidence}>
          <ul>
            {facts.scope.apps.map((a) => (
              <li key={a.name}>
                {rich('facts.scopeApp', { name: <Content>{a.name}</Content>, hosting: t(`hosting.${a.hosting}`) })}
              </li>
            ))}
          </ul>
          {facts.scope.excludes.length > 0 && (
            <p class="subtle">{rich('facts.excludes', { list: <Content>{list(facts.scope.excludes)}</Content> })}</p>
          )}
        </Fact>
        <StorageFacts facts={facts} evidence={evidence} />
        {facts.dataAccessed.length > 0 && (
          <Fact term={t('facts.accessed')} facts={facts} evidence={evidence}>
            <ul>
              {facts.dataAccessed.map((a) => (
                <li key={a.name}>
                  {rich('facts.accessedLine', {
                    name: <Content>{a.name}</Content>,
                    purpose: <Content>{a.purpose}</Content>,
                  })}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        <FlowFacts facts={facts} evidence={evidence} />
      </dl>
      <ProvenList facts={facts} evidence={evidence} />
    </section>
  );
}
