/**
 * The evidence beside the facts: each claim with a verdict badge and, on request, the lines that back it.
 * `ClaimNotes` sits inside a row of the details; `ProvenList` holds the claims that have no row there.
 */
import type { JSX } from 'preact';
import type { Claim, Eligibility, Evidence } from '../../../../src/domain/evidence/types';

const BASIS_WORDS: Record<Claim['basis'][number], string> = {
  manifest: 'the manifest',
  code: 'the code',
  platform: 'Forge platform rules',
};

/** "Verified from the manifest", "Verified from the code and the manifest", "Vendor's statement", … */
export function verdictLabel(claim: Pick<Claim, 'verdict' | 'basis'>): string {
  if (claim.verdict === 'vendor-statement') return "Vendor's statement";
  if (claim.verdict === 'contradicted') return 'Contradicted';
  const from = claim.basis.map((b) => BASIS_WORDS[b]);
  return from.length === 0 ? 'Verified' : `Verified from ${from.join(' and ')}`;
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
  return <span class={`verdict verdict-${claim.verdict}`}>{verdictLabel(claim)}</span>;
}

function ClaimNote({ claim }: { claim: Claim }): JSX.Element {
  return (
    <div class="claim" data-claim={claim.id}>
      <p class="claim-line">
        <VerdictBadge claim={claim} /> <span class="claim-label">{claim.label}</span>
      </p>
      {claim.evidence.length > 0 && (
        <details class="claim-evidence">
          <summary>
            Evidence<span class="visually-hidden"> for “{claim.label}”</span>
          </summary>
          <ul>
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

function eligibilityText(e: Eligibility): string {
  return e.eligible ? 'eligible' : `not eligible: ${e.reasons.join('; ')}`;
}

function ProvenItem({ term, text, claim }: { term: string; text: string; claim: Claim | undefined }): JSX.Element {
  return (
    <li>
      <p class="proven-fact">
        <span class="proven-term">{term}:</span> {text}
      </p>
      {claim && <ClaimNote claim={claim} />}
    </li>
  );
}

/** "What the app proves about itself": the claims without a row above (Runs on Atlassian, scopes, any new ones). */
export function ProvenList({ evidence }: { evidence: Evidence }): JSX.Element {
  const find = (id: Claim['id']): Claim | undefined => evidence.claims.find((c) => c.id === id);
  const scopes = evidence.scopeUse.map((s) => s.scope);
  const others = evidence.claims.filter((c) => !ROWED.has(c.id) && c.id !== 'runs-on-atlassian' && c.id !== 'scopes');
  return (
    <div class="proven">
      <h3 id="proven-title">What the app proves about itself</h3>
      <ul class="proven-list" aria-labelledby="proven-title">
        <ProvenItem
          term="Runs on Atlassian"
          text={eligibilityText(evidence.runsOnAtlassian)}
          claim={find('runs-on-atlassian')}
        />
        <ProvenItem term="Scopes" text={scopes.length > 0 ? scopes.join(', ') : 'none'} claim={find('scopes')} />
        {others.map((c) => (
          <li key={c.id}>
            <ClaimNote claim={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}
