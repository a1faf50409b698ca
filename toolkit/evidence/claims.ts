/**
 * The claims panel: each statement claim next to the evidence for it, with a verdict. Verdicts come from
 * the checks' problems, so a claim is `contradicted` exactly when `npm run evidence:check` fails on it.
 */
import type { KeyFamily } from '../../src/domain/inventory';
import type { StatementFacts } from '../../src/domain/statement/types';
import { describeEgress } from './manifest-facts';
import type { SourceNames } from './inventory-checks';
import { FORGE_UNINSTALL_RETENTION_DAYS, INSIDE_ATLASSIAN } from './statement-checks';
import type {
  Claim,
  ClaimId,
  Eligibility,
  EvidenceBasis,
  ManifestFacts,
  Problem,
  ProblemKind,
  ScopeUse,
  Verdict,
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

function claim(id: ClaimId, label: string, fallback: Verdict, evidence: string[], problems: readonly Problem[]): Claim {
  const against = problems.filter((p) => CONTRADICTS[id].includes(p.kind)).map((p) => p.message);
  const basis = BASIS[id];
  return against.length > 0
    ? { id, label, verdict: 'contradicted', basis, evidence: [...against, ...evidence] }
    : { id, label, verdict: fallback, basis, evidence };
}

function reasonsOr(e: Eligibility, ok: string): string[] {
  return e.eligible ? [ok] : e.reasons;
}

export function buildClaims(x: ClaimInputs): Claim[] {
  const { facts, manifest: m, names, problems } = x;
  const mf = names.manifest;
  const egressLines =
    m.egress.length === 0
      ? [`${mf} declares no permissions.external entries`]
      : m.egress.map((e) => `${mf} declares ${describeEgress(e)}${e.inScopeEUD ? '' : ' (inScopeEUD: false)'}`);
  const remoteLines =
    m.remotes.length === 0 ? [`${mf} declares no remotes`] : m.remotes.map((r) => `${mf} declares remote '${r.key}'`);
  const platform = 'Forge rejects calls to any domain not declared in manifest.yml';
  const nothingLeaves = m.egress.length === 0 && m.remotes.length === 0;

  const personal = facts.dataStored.filter((c) => c.personalData === true);
  const personalFamilies = x.families.filter((f) => f.personalData);
  const allInside = facts.dataStored.every((c) => INSIDE_ATLASSIAN.includes(c.location));
  const locations = [...new Set(facts.dataStored.map((c) => c.location))];

  const claims: Claim[] = [
    claim(
      'egress',
      facts.egress.length === 0
        ? 'Sends no data outside Atlassian'
        : `Sends data outside Atlassian only to ${facts.egress.map((d) => d.domain).join(', ')}`,
      'verified',
      [...egressLines, ...remoteLines, platform],
      problems,
    ),
    claim(
      'analytics',
      facts.analytics.collected === 'not-stated'
        ? 'Analytics: not stated'
        : facts.analytics.collected
          ? 'Collects analytics'
          : 'Collects no analytics',
      facts.analytics.collected === false && nothingLeaves ? 'verified' : 'vendor-statement',
      nothingLeaves
        ? ['Nothing can leave Atlassian: no egress and no remotes in ' + mf]
        : [facts.analytics.description],
      problems,
    ),
    claim(
      'storage',
      allInside && locations.length === 1 && locations[0] === 'forge-hosted-storage'
        ? 'Stores data only in Forge hosted storage'
        : `Stores data in: ${locations.join(', ') || 'nowhere'}`,
      allInside ? 'verified' : 'vendor-statement',
      [...m.storage.map((s) => `${mf} ${s.declaredBy} (${s.kind})`), ...remoteLines],
      problems,
    ),
    claim(
      'inventory',
      'Every stored key belongs to a declared data category',
      'verified',
      x.families.map(
        (f) => `${f.pattern} → '${f.category}'${f.personalData ? ' (personal data)' : ''} (${names.inventory})`,
      ),
      problems,
    ),
    claim(
      'personal-data',
      personal.length === 0
        ? 'Stores no personal data'
        : `Stores personal data in: ${personal.map((c) => c.name).join(', ')}`,
      'verified',
      [
        ...(personalFamilies.length === 0
          ? [`No key family in ${names.inventory} holds personal data`]
          : personalFamilies.map((f) => `Key family '${f.name}' holds personal data: ${f.purpose}`)),
        m.scopes.includes('report:personal-data')
          ? `${mf} declares report:personal-data (account closures are reported)`
          : `${mf} does not declare report:personal-data`,
      ],
      problems,
    ),
    claim(
      'data-residency',
      facts.dataResidency.supported === true ? 'Supports data residency' : 'Makes no data residency claim',
      facts.dataResidency.supported === true ? 'verified' : 'vendor-statement',
      reasonsOr(
        x.dataResidency,
        `All in-scope data stays in Forge hosted storage, which follows the product's pinned location (${mf})`,
      ),
      problems,
    ),
    claim(
      'runs-on-atlassian',
      x.runsOnAtlassian.eligible ? 'Eligible for Runs on Atlassian' : 'Not eligible for Runs on Atlassian',
      'verified',
      [
        ...reasonsOr(
          x.runsOnAtlassian,
          `${mf} declares no external domains, remotes, Connect modules, providers or dynamic web triggers`,
        ),
        '`forge eligibility` at deploy time is authoritative',
      ],
      problems,
    ),
    claim(
      'scopes',
      'Requests only the permissions its code uses',
      // A scope no call proves (its calls could not all be resolved) is not called unused, nor verified.
      x.scopeUse.every((s) => s.usedBy.length > 0) ? 'verified' : 'vendor-statement',
      x.scopeUse.map((s) => `${s.scope}: ${s.usedBy.join(', ') || 'not proved by any call the build could read'}`),
      problems,
    ),
    claim(
      'hosting',
      facts.hosting.model === 'forge' ? 'Runs on Atlassian Forge' : `Hosting: ${facts.hosting.model}`,
      facts.hosting.model === 'forge' && m.remotes.length === 0 && m.connectModules.length === 0
        ? 'verified'
        : 'vendor-statement',
      [m.appId ? `${mf} app.id ${m.appId}` : `${mf} has no app.id`, ...remoteLines],
      problems,
    ),
    claim(
      'uninstall',
      typeof facts.uninstall.deletedAfterDays !== 'number'
        ? 'Data after uninstall'
        : `Data is deleted ${facts.uninstall.deletedAfterDays} days after uninstall`,
      facts.uninstall.deletedAfterDays === FORGE_UNINSTALL_RETENTION_DAYS && allInside && m.remotes.length === 0
        ? 'verified'
        : 'vendor-statement',
      [
        `Forge hosted storage is deleted ${FORGE_UNINSTALL_RETENTION_DAYS} days after uninstall; a reinstall starts empty`,
        facts.uninstall.description,
      ],
      problems,
    ),
    claim(
      'logs',
      facts.logs.endUserData === 'not-stated'
        ? 'Logs: not stated whether they contain end-user data'
        : facts.logs.endUserData
          ? 'Logs may contain end-user data'
          : 'Logs contain no end-user data',
      'vendor-statement',
      [
        facts.logs.description,
        'Forge function logs stay with Atlassian unless the app sends them out; site admins can turn off developer log access',
      ],
      problems,
    ),
    claim(
      'sub-processors',
      facts.subProcessors.length === 0
        ? 'Uses no sub-processors'
        : `Sub-processors: ${facts.subProcessors.map((s) => s.name).join(', ')}`,
      'vendor-statement',
      facts.subProcessors.map((s) => `${s.name} (${s.country}): ${s.purpose}`),
      problems,
    ),
  ];
  return claims;
}
