/**
 * The evidence beside the facts: each claim with a verdict badge and, on request, the lines that back it.
 * `ClaimNotes` sits inside a row of the details; `ProvenList` holds the claims that have no row there.
 * The claims' labels and evidence lines are the build's own English text (src/generated/evidence.json).
 */
import type { JSX } from 'preact';
import type { Claim, Eligibility, Evidence } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';

/** "Verified from the manifest", "Verified from the code and the manifest", "Vendor's statement", … */
export function verdictLabel(claim: Pick<Claim, 'verdict' | 'basis'>, { t, list }: Translator): string {
  if (claim.verdict !== 'verified') return t(`verdict.${claim.verdict}`);
  const from = claim.basis.map((b) => t(`basis.${b}`));
  return from.length === 0 ? t('verdict.verified') : t('verdict.verifiedFrom', { basis: list(from) });
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

function ClaimNote({ claim }: { claim: Claim }): JSX.Element {
  const { t, rich } = useI18n();
  const label = (
    <span class="claim-label" data-content="evidence" lang="en">
      {claim.label}
    </span>
  );
  return (
    <div class="claim" data-claim={claim.id}>
      <p class="claim-line">
        <VerdictBadge claim={claim} /> {label}
      </p>
      {claim.evidence.length > 0 && (
        <details class="claim-evidence">
          <summary>
            {t('claims.evidence')}
            <span class="visually-hidden">
              {' '}
              {rich('claims.evidenceFor', {
                label: (
                  <span data-content="evidence" lang="en">
                    {claim.label}
                  </span>
                ),
              })}
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
export function ClaimNotes({ evidence, row }: { evidence: Evidence; row: ClaimRow }): JSX.Element | null {
  const ids: readonly Claim['id'][] = ROW_CLAIMS[row];
  const claims = ids.flatMap((id) => evidence.claims.filter((c) => c.id === id));
  if (claims.length === 0) return null;
  return (
    <div class="claims">
      {claims.map((c) => (
        <ClaimNote key={c.id} claim={c} />
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

function ProvenItem({
  term,
  children,
  claim,
}: {
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
      {claim && <ClaimNote claim={claim} />}
    </li>
  );
}

/** "What the app proves about itself": the claims without a row above (Runs on Atlassian, scopes, any new ones). */
export function ProvenList({ evidence }: { evidence: Evidence }): JSX.Element {
  const { t } = useI18n();
  const find = (id: Claim['id']): Claim | undefined => evidence.claims.find((c) => c.id === id);
  const scopes = evidence.scopeUse.map((s) => s.scope);
  const others = evidence.claims.filter((c) => !ROWED.has(c.id) && c.id !== 'runs-on-atlassian' && c.id !== 'scopes');
  return (
    <div class="proven">
      <h3 id="proven-title">{t('proven.title')}</h3>
      <ul class="proven-list" aria-labelledby="proven-title">
        <ProvenItem term={t('proven.runsOnAtlassian')} claim={find('runs-on-atlassian')}>
          <EligibilityText eligibility={evidence.runsOnAtlassian} />
        </ProvenItem>
        <ProvenItem term={t('proven.scopes')} claim={find('scopes')}>
          {scopes.length > 0 ? <code>{scopes.join(', ')}</code> : t('proven.noScopes')}
        </ProvenItem>
        {others.map((c) => (
          <li key={c.id}>
            <ClaimNote claim={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}
