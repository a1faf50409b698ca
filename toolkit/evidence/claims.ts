/**
 * The claims panel: each statement claim next to the evidence for it, with a verdict from the truth table
 * (src/domain/statement/truth-table.ts). A claim is `contradicted` exactly when `npm run evidence:check`
 * fails on it; it is `verified` only when this app's evidence proves exactly its sentence and the
 * statement describes a Forge app; a fact the statement leaves unstated is `not-stated`.
 */
import { claimSentence } from '../../src/domain/evidence/claim-text';
import type { KeyFamily } from '../../src/domain/storage/inventory';
import {
  BUILD_ONLY_FACTS,
  factStates,
  truthOf,
  type EvidenceState,
  type FactState,
} from '../../src/domain/statement/truth-table';
import { isStated, type StatementFacts } from '../../src/domain/statement/types';
import { describeEgress } from './manifest-facts';
import type { SourceNames } from './inventory-checks';
import { FORGE_UNINSTALL_RETENTION_DAYS, insideAtlassian } from './statement-checks';
import {
  CLAIM_IDS,
  type Claim,
  type ClaimId,
  type Eligibility,
  type EvidenceBasis,
  type ManifestFacts,
  type Problem,
  type ProblemKind,
  type ScopeUse,
} from '../../src/domain/evidence/types';

export interface ClaimInputs {
  facts: StatementFacts;
  manifest: ManifestFacts;
  families: readonly KeyFamily[];
  runsOnAtlassian: Eligibility;
  dataResidency: Eligibility;
  scopeUse: readonly ScopeUse[];
  problems: readonly Problem[];
  names: SourceNames;
}

/** Which problem kinds contradict which claim. */
export const CONTRADICTS: Record<ClaimId, readonly ProblemKind[]> = {
  egress: ['undeclared-egress', 'egress-eud-mismatch', 'code-egress-undeclared'],
  analytics: ['analytics-undisclosed'],
  storage: ['storage-claim', 'inventory-location-mismatch'],
  inventory: ['inventory-category-missing', 'statement-category-unstored'],
  'personal-data': ['personal-data-mismatch'],
  'data-residency': ['residency-claim'],
  'runs-on-atlassian': [],
  scopes: ['missing-scope', 'unused-scope', 'missing-module', 'removed-api'],
  hosting: [],
  uninstall: ['uninstall-claim'],
  logs: [],
  'sub-processors': [],
};

/** What each claim is proved from, when the build can prove it. */
const BASIS: Record<ClaimId, EvidenceBasis[]> = {
  egress: ['manifest'],
  analytics: ['manifest'],
  storage: ['manifest'],
  inventory: ['code'],
  'personal-data': ['code', 'manifest'],
  'data-residency': ['manifest'],
  'runs-on-atlassian': ['manifest'],
  scopes: ['manifest', 'code'],
  hosting: ['manifest'],
  uninstall: ['platform'],
  logs: [],
  'sub-processors': [],
};

interface Proof {
  state: EvidenceState;
  evidence: string[];
}

const proven = (yes: boolean, otherwise: EvidenceState = 'vendor-word'): EvidenceState => (yes ? 'proven' : otherwise);

function claim(x: ClaimInputs, id: ClaimId, state: FactState, proof: Proof): Claim {
  const against = x.problems.filter((p) => CONTRADICTS[id].includes(p.kind)).map((p) => p.message);
  const evidenceState: EvidenceState = against.length > 0 ? 'contradicted' : proof.state;
  const { badge } = truthOf(state.says, x.facts.hosting.model, evidenceState);
  return {
    id,
    label: claimSentence({ fact: id, ...state }),
    says: state.says,
    names: state.names,
    unstated: state.unstated,
    ...(state.count === undefined ? {} : { count: state.count }),
    ...(state.model === undefined ? {} : { model: state.model }),
    evidenceState,
    verdict: badge,
    basis: BASIS[id],
    evidence: [...against, ...proof.evidence],
  };
}

function reasonsOr(e: Eligibility, ok: string): string[] {
  return e.eligible ? [ok] : e.reasons;
}

/** What the proofs read: the inputs, with the lines and tests of the manifest they share. */
interface ProofContext {
  x: ClaimInputs;
  facts: StatementFacts;
  m: ManifestFacts;
  mf: string;
  states: ReturnType<typeof factStates>;
  remoteLines: string[];
  nothingLeaves: boolean;
  allInside: boolean;
}

type Proofs<K extends ClaimId> = Record<K, Proof>;

function proofContext(x: ClaimInputs): ProofContext {
  const { facts, manifest: m } = x;
  const mf = x.names.manifest;
  const stored = isStated(facts.dataStored) ? facts.dataStored : [];
  return {
    x,
    facts,
    m,
    mf,
    states: factStates(facts, x.runsOnAtlassian),
    remoteLines:
      m.remotes.length === 0 ? [`${mf} declares no remotes`] : m.remotes.map((r) => `${mf} declares remote '${r.key}'`),
    nothingLeaves: m.egress.length === 0 && m.remotes.length === 0,
    allInside: isStated(facts.dataStored) && stored.every((c) => insideAtlassian(c.location)),
  };
}

/** Where the app's data can go: egress, analytics, where it runs and is hosted. */
function leavingProofs(c: ProofContext): Proofs<'egress' | 'analytics' | 'runs-on-atlassian' | 'hosting'> {
  const { x, facts, m, mf, remoteLines, nothingLeaves } = c;
  const egressLines =
    m.egress.length === 0
      ? [`${mf} declares no permissions.external entries`]
      : m.egress.map((e) => `${mf} declares ${describeEgress(e)}${e.inScopeEUD ? '' : ' (inScopeEUD: false)'}`);
  const platform = 'Forge rejects calls to any domain not declared in manifest.yml';
  return {
    egress: { state: 'proven', evidence: [...egressLines, ...remoteLines, platform] },
    analytics: {
      state: proven(facts.analytics.collected === false && nothingLeaves),
      evidence: nothingLeaves
        ? ['Nothing can leave Atlassian: no egress and no remotes in ' + mf]
        : [facts.analytics.description ?? 'The statement describes no analytics'],
    },
    'runs-on-atlassian': {
      state: 'proven',
      evidence: [
        ...reasonsOr(
          x.runsOnAtlassian,
          `${mf} declares no external domains, remotes, Connect modules, providers or dynamic web triggers`,
        ),
        '`forge eligibility` at deploy time is authoritative',
      ],
    },
    hosting: {
      state: proven(m.remotes.length === 0 && m.connectModules.length === 0),
      evidence: [m.appId ? `${mf} app.id ${m.appId}` : `${mf} has no app.id`, ...remoteLines],
    },
  };
}

/** What the app keeps: storage, its inventory and personal data, residency, uninstall. */
function dataProofs(
  c: ProofContext,
): Proofs<'storage' | 'inventory' | 'personal-data' | 'data-residency' | 'uninstall'> {
  const { x, facts, m, mf, states, remoteLines, allInside } = c;
  const { names } = x;
  const personalFamilies = x.families.filter((f) => f.personalData);
  const storesNothing = m.storage.length === 0 && m.remotes.length === 0;
  return {
    storage: {
      state: proven(states.storage.says === 'empty' ? storesNothing : allInside),
      evidence: [...m.storage.map((s) => `${mf} ${s.declaredBy} (${s.kind})`), ...remoteLines],
    },
    inventory: {
      state: 'proven',
      evidence: x.families.map(
        (f) => `${f.pattern} → '${f.category}'${f.personalData ? ' (personal data)' : ''} (${names.inventory})`,
      ),
    },
    'personal-data': {
      state: proven(states['personal-data'].says !== 'empty' || x.families.length === 0),
      evidence: [
        ...(personalFamilies.length === 0
          ? [`No key family in ${names.inventory} holds personal data`]
          : personalFamilies.map((f) => `Key family '${f.name}' holds personal data: ${f.purpose}`)),
        m.scopes.includes('report:personal-data')
          ? `${mf} declares report:personal-data (account closures are reported)`
          : `${mf} does not declare report:personal-data`,
      ],
    },
    'data-residency': {
      state: proven(facts.dataResidency.supported === true && x.dataResidency.eligible),
      evidence: reasonsOr(
        x.dataResidency,
        `All in-scope data stays in Forge hosted storage, which follows the product's pinned location (${mf})`,
      ),
    },
    uninstall: {
      state: proven(
        facts.uninstall.deletedAfterDays === FORGE_UNINSTALL_RETENTION_DAYS && allInside && m.remotes.length === 0,
      ),
      evidence: [
        `Forge hosted storage is deleted ${FORGE_UNINSTALL_RETENTION_DAYS} days after uninstall; a reinstall starts empty`,
        ...(facts.uninstall.description === undefined ? [] : [facts.uninstall.description]),
      ],
    },
  };
}

/** The scopes, and what only the statement says (logs, sub-processors). */
function otherProofs(c: ProofContext): Proofs<'scopes' | 'logs' | 'sub-processors'> {
  const { x, facts } = c;
  return {
    // A scope no call proves (its calls could not all be resolved) is not called unused, nor verified.
    scopes: {
      state: proven(x.scopeUse.every((s) => s.usedBy.length > 0)),
      evidence: x.scopeUse.map(
        (s) => `${s.scope}: ${s.usedBy.join(', ') || 'not proved by any call the build could read'}`,
      ),
    },
    logs: {
      state: 'not-checkable',
      evidence: [
        ...(facts.logs.description === undefined ? [] : [facts.logs.description]),
        'Forge function logs stay with Atlassian unless the app sends them out; site admins can turn off developer log access',
      ],
    },
    'sub-processors': {
      state: 'not-checkable',
      evidence: isStated(facts.subProcessors)
        ? facts.subProcessors.map((s) => `${s.name} (${s.country}): ${s.purpose}`)
        : [],
    },
  };
}

export function buildClaims(x: ClaimInputs): Claim[] {
  const c = proofContext(x);
  const proofs: Proofs<ClaimId> = { ...leavingProofs(c), ...dataProofs(c), ...otherProofs(c) };
  // What the build alone establishes is about this app: it says nothing of another hosting model's app.
  const ids = CLAIM_IDS.filter((id) => x.facts.hosting.model === 'forge' || !BUILD_ONLY_FACTS.includes(id));
  return ids.map((id) => claim(x, id, c.states[id], proofs[id]));
}
