/**
 * The evidence beside the facts: each claim with a verdict badge and, on request, the lines that back it.
 * `ClaimNotes` sits inside a row of the details; `ProvenList` holds the claims that have no row there.
 * A claim's sentence is worded here from the catalogs (`claim.<id>.<state>`), and its badge comes from the
 * truth table, as the label's cell does: the same fact never reads two ways. The evidence lines are the
 * build's own English text (src/generated/evidence.json).
 */
import type { ComponentChildren, JSX } from 'preact';
import {
  claimMatches,
  claimTextKey,
  factStates,
  truthOf,
  type Claim,
  type Eligibility,
  type Evidence,
  type FactState,
  type StatementFacts,
  type TruthFact,
} from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';
import { Content } from './FactValue';

/** "Verified from the manifest", "Verified from the code and the manifest", "Vendor's statement", … */
export function verdictLabel(claim: Pick<Claim, 'verdict' | 'basis'>, { t, list }: Translator): string {
  if (claim.verdict !== 'verified') return t(`verdict.${claim.verdict}`);
  const from = claim.basis.map((b) => t(`basis.${b}`));
  return from.length === 0 ? t('verdict.verified') : t('verdict.verifiedFrom', { basis: list(from) });
}

export interface FactBadge {
  kind: Claim['verdict'];
  text: string;
  /** What the fact says (the truth table's state), shown as `data-says` wherever the fact appears. */
  says: FactState['says'];
}

/**
 * The badge of a fact as the statement shown states it: the build's claim lends its evidence only when it
 * says exactly that (`claimMatches`); otherwise the fact is the vendor's word (or not stated).
 */
export function factBadge(facts: StatementFacts, evidence: Evidence, fact: TruthFact, i18n: Translator): FactBadge {
  const state = factStates(facts, evidence.runsOnAtlassian)[fact];
  const claim = evidence.claims.find((c) => c.id === fact);
  const known = claim && claimMatches(claim, state) ? claim.evidenceState : 'not-checkable';
  const { badge } = truthOf(state.says, facts.hosting.model, known);
  const basis = claim?.basis ?? [];
  return { kind: badge, text: verdictLabel({ verdict: badge, basis }, i18n), says: state.says };
}

/** Statement texts (names, hosts) as content, joined by the locale's list format (marked by private-use characters). */
export function contentList(items: readonly string[], { list }: Translator): ComponentChildren {
  const joined = list(items.map((_, i) => `\uE000${i}\uE001`));
  return joined
    .split(/\uE000(\d+)\uE001/)
    .map((part, i) => (i % 2 === 1 ? <Content key={part}>{items[Number(part)]}</Content> : part));
}

/** A fact's sentence in the page's words: `claim.<fact>.<state>`, its parts filled in. */
export function ClaimWords({
  fact,
  state,
}: {
  fact: TruthFact;
  state: Omit<FactState, 'says'> & Pick<Claim, 'says'>;
}): JSX.Element {
  const i18n = useI18n();
  const { t, rich } = i18n;
  const names =
    fact === 'storage'
      ? i18n.list(state.names.map((n) => t(`label.location.${n}` as 'label.location.browser')))
      : contentList(state.names, i18n);
  return (
    <>
      {rich(claimTextKey(fact, state.says), {
        list: names,
        unstated: contentList(state.unstated, i18n),
        count: String(state.count ?? ''),
        model: state.model ? t(`hosting.${state.model}`) : '',
      })}
    </>
  );
}

/** Which claims each row of the details shows; the rest go to `ProvenList`. */
export const ROW_CLAIMS = {
  stored: ['inventory'],
  where: ['storage', 'hosting'],
  howLong: ['uninstall'],
  who: ['personal-data'],
  egress: ['egress'],
  analytics: ['analytics'],
  subProcessors: ['sub-processors'],
  logs: ['logs'],
  residency: ['data-residency'],
  runs: ['runs-on-atlassian'],
} as const satisfies Record<string, readonly Claim['id'][]>;

export type ClaimRow = keyof typeof ROW_CLAIMS;

const ROWED: ReadonlySet<Claim['id']> = new Set(Object.values(ROW_CLAIMS).flat());

export function VerdictBadge({ claim }: { claim: Pick<Claim, 'verdict' | 'basis'> }): JSX.Element {
  const i18n = useI18n();
  return <span class={`verdict verdict-${claim.verdict}`}>{verdictLabel(claim, i18n)}</span>;
}

function ClaimNote({
  claim,
  facts,
  evidence,
}: {
  claim: Claim;
  facts: StatementFacts;
  evidence: Evidence;
}): JSX.Element {
  const i18n = useI18n();
  const { t, rich } = i18n;
  const badge = factBadge(facts, evidence, claim.id, i18n);
  const label = (
    <span class="claim-label">
      <ClaimWords fact={claim.id} state={claim} />
    </span>
  );
  return (
    <div class="claim" data-claim={claim.id} data-says={claim.says} data-badge={badge.kind}>
      <p class="claim-line">
        <span class={`verdict verdict-${badge.kind}`}>{badge.text}</span> {label}
      </p>
      {claim.evidence.length > 0 && (
        <details class="claim-evidence">
          <summary>
            {t('claims.evidence')}
            <span class="visually-hidden">
              {' '}
              {rich('claims.evidenceFor', { label: <ClaimWords fact={claim.id} state={claim} /> })}
            </span>
          </summary>
          <ul data-content="evidence" lang="en">
            {claim.evidence.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The claims for one row of the details, in the order the row lists them. */
export function ClaimNotes({
  facts,
  evidence,
  row,
}: {
  facts: StatementFacts;
  evidence: Evidence;
  row: ClaimRow;
}): JSX.Element | null {
  const ids: readonly Claim['id'][] = ROW_CLAIMS[row];
  const claims = ids.flatMap((id) => evidence.claims.filter((c) => c.id === id));
  if (claims.length === 0) return null;
  return (
    <div class="claims">
      {claims.map((c) => (
        <ClaimNote key={c.id} claim={c} facts={facts} evidence={evidence} />
      ))}
    </div>
  );
}

function EligibilityText({ eligibility }: { eligibility: Eligibility }): JSX.Element {
  const { t, rich } = useI18n();
  if (eligibility.eligible) return <>{t('proven.eligible')}</>;
  const reasons = (
    <span data-content="evidence" lang="en">
      {eligibility.reasons.join('; ')}
    </span>
  );
  return <>{rich('proven.notEligible', { reasons })}</>;
}

interface ProvenProps {
  facts: StatementFacts;
  evidence: Evidence;
}

function ProvenItem({
  term,
  children,
  claim,
  facts,
  evidence,
}: ProvenProps & {
  term: string;
  children: JSX.Element | string;
  claim: Claim | undefined;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <li>
      <p class="proven-fact">
        <span class="proven-term">{t('common.labelled', { label: term })}</span> {children}
      </p>
      {claim && <ClaimNote claim={claim} facts={facts} evidence={evidence} />}
    </li>
  );
}

/**
 * "What the app proves about itself": the claims without a row above (Runs on Atlassian, scopes, any new
 * ones). This app's manifest and code say nothing about an app of another (or an unstated) hosting model:
 * then the list says so instead.
 */
export function ProvenList({ facts, evidence }: ProvenProps): JSX.Element {
  const { t } = useI18n();
  const model = facts.hosting.model;
  const find = (id: Claim['id']): Claim | undefined => evidence.claims.find((c) => c.id === id);
  const scopes = evidence.scopeUse.map((s) => s.scope);
  const others = evidence.claims.filter((c) => !ROWED.has(c.id) && c.id !== 'runs-on-atlassian' && c.id !== 'scopes');
  return (
    <div class="proven">
      <h3 id="proven-title">{t('proven.title')}</h3>
      {model !== 'forge' ? (
        <p class="proven-not-forge">
          {model === 'not-stated'
            ? t('proven.hostingNotStated')
            : t('proven.notForge', { model: t(`hosting.${model}`) })}
        </p>
      ) : (
        <ul class="proven-list" aria-labelledby="proven-title">
          <ProvenItem
            term={t('proven.runsOnAtlassian')}
            claim={find('runs-on-atlassian')}
            facts={facts}
            evidence={evidence}
          >
            <EligibilityText eligibility={evidence.runsOnAtlassian} />
          </ProvenItem>
          <ProvenItem term={t('proven.scopes')} claim={find('scopes')} facts={facts} evidence={evidence}>
            {scopes.length > 0 ? <code>{scopes.join(', ')}</code> : t('proven.noScopes')}
          </ProvenItem>
          {others.map((c) => (
            <li key={c.id}>
              <ClaimNote claim={c} facts={facts} evidence={evidence} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
