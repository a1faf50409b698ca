/**
 * The privacy label: the facts an admin decides on, on one compact card, first on the page. Each cell has
 * its value, an evidence badge (verified and from what, the vendor's statement, not stated, contradicted)
 * and a link to its row in the details below.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { Claim, Evidence, StatementFacts, StorageLocation } from '../../../../src/contract';
import { verdictLabel } from './Claims';
import { homeOf, NotStated } from './FactValue';

const TEXT = {
  title: 'Privacy label',
  intro: 'The facts that matter most, each with where it comes from. Details follow below.',
  details: 'Details',
  detailsOf: (term: string) => ` about ${term.toLowerCase()}`,
  leaves: (home: string) => `Data that leaves ${home}`,
  nothingLeaves: 'None',
  destinations: (n: number) => (n === 1 ? '1 destination' : `${n} destinations`),
  hostNotStated: 'host not stated',
  stored: 'Where data is stored',
  nothingStored: 'Nothing stored',
  personal: 'Personal data held',
  noPersonal: 'None',
  personalNotStated: (names: string) => `not stated for ${names}`,
  subProcessors: 'Sub-processors',
  none: 'None',
  staff: 'Vendor staff access',
  staffWords: ['Vendor staff can reach it', 'No one at the vendor'],
  analytics: 'Analytics',
  analyticsWords: ['Collected', 'None collected'],
  residency: 'Data residency',
  residencyWords: ['Supported', 'Not supported'],
  runs: 'Runs on Atlassian',
  runsYes: 'Eligible',
  runsNo: 'Not eligible',
  runsElsewhere: (model: string) => `No: a ${model} app`,
  vendorStatement: "Vendor's statement",
  notStated: 'Not stated',
  hosting: { forge: 'Forge', connect: 'Connect', 'data-center': 'Data Center', server: 'Server' },
  locations: {
    'forge-hosted-storage': 'Forge hosted storage',
    'atlassian-product': 'Inside the Atlassian product',
    'vendor-infrastructure': "The vendor's systems",
    'customer-infrastructure': 'Your own servers',
    browser: 'Your browser',
  } satisfies Record<StorageLocation, string>,
} as const;

type Badge = { kind: Claim['verdict'] | 'not-stated'; text: string };

interface Cell {
  id: string;
  term: string;
  /** The row of the details this cell summarises. */
  target: string;
  value: ComponentChildren;
  badge: Badge;
}

const NOT_STATED_BADGE: Badge = { kind: 'not-stated', text: TEXT.notStated };

/** The badge of a stated value: the build's verdict on its claim when there is one, else the vendor's word. */
function badgeOf(evidence: Evidence, claimId: Claim['id'] | undefined): Badge {
  const claim = claimId ? evidence.claims.find((c) => c.id === claimId) : undefined;
  return claim
    ? { kind: claim.verdict, text: verdictLabel(claim) }
    : { kind: 'vendor-statement', text: TEXT.vendorStatement };
}

function leavesCell(facts: StatementFacts, evidence: Evidence): Cell {
  const term = TEXT.leaves(homeOf(facts.hosting.model));
  const base = { id: 'leaves', term, target: 'fact-egress', badge: badgeOf(evidence, 'egress') };
  if (facts.egress.length === 0) return { ...base, value: TEXT.nothingLeaves };
  const hosts = facts.egress.map((e) => (e.domain === 'not-stated' ? `${e.name} (${TEXT.hostNotStated})` : e.domain));
  return { ...base, value: `${TEXT.destinations(hosts.length)}: ${hosts.join(', ')}` };
}

function personalCell(facts: StatementFacts, evidence: Evidence): Cell {
  const base = { id: 'personal', term: TEXT.personal, target: 'fact-stored' };
  const held = facts.dataStored.filter((c) => c.personalData === true).map((c) => c.name);
  const unknown = facts.dataStored.filter((c) => c.personalData === 'not-stated');
  if (held.length === 0 && unknown.length > 0 && unknown.length === facts.dataStored.length)
    return { ...base, value: <NotStated path="facts.dataStored[].personalData" />, badge: NOT_STATED_BADGE };
  const parts = [
    ...held,
    ...(unknown.length > 0 ? [TEXT.personalNotStated(unknown.map((c) => c.name).join(', '))] : []),
  ];
  return {
    ...base,
    value: parts.length === 0 ? TEXT.noPersonal : parts.join('; '),
    badge: badgeOf(evidence, 'personal-data'),
  };
}

function yesNoCell(
  cell: Omit<Cell, 'value' | 'badge'>,
  value: boolean | 'not-stated',
  path: string,
  words: readonly [yes: string, no: string],
  badge: () => Badge,
): Cell {
  if (value === 'not-stated') return { ...cell, value: <NotStated path={path} />, badge: NOT_STATED_BADGE };
  return { ...cell, value: value ? words[0] : words[1], badge: badge() };
}

/** The yes/no cells: vendor staff access, analytics, data residency. */
function yesNoCells(facts: StatementFacts, evidence: Evidence): Cell[] {
  const rows = [
    ['staff', TEXT.staff, 'fact-who', facts.access.vendorStaff, 'access.vendorStaff', TEXT.staffWords, undefined],
    [
      'analytics',
      TEXT.analytics,
      'fact-analytics',
      facts.analytics.collected,
      'analytics.collected',
      TEXT.analyticsWords,
      'analytics',
    ],
    [
      'residency',
      TEXT.residency,
      'fact-residency',
      facts.dataResidency.supported,
      'dataResidency.supported',
      TEXT.residencyWords,
      'data-residency',
    ],
  ] as const;
  return rows.map(([id, term, target, value, path, words, claim]) =>
    yesNoCell({ id, term, target }, value, `facts.${path}`, words, () => badgeOf(evidence, claim)),
  );
}

function runsCell(facts: StatementFacts, evidence: Evidence): Cell {
  const base = { id: 'runs', term: TEXT.runs, target: 'fact-runs-on-atlassian' };
  const model = facts.hosting.model;
  if (model !== 'forge')
    return {
      ...base,
      value: TEXT.runsElsewhere(TEXT.hosting[model]),
      badge: { kind: 'vendor-statement', text: TEXT.vendorStatement },
    };
  const claim = evidence.claims.find((c) => c.id === 'runs-on-atlassian');
  if (!claim) return { ...base, value: <NotStated path="evidence.runsOnAtlassian" />, badge: NOT_STATED_BADGE };
  return {
    ...base,
    value: evidence.runsOnAtlassian.eligible ? TEXT.runsYes : TEXT.runsNo,
    badge: badgeOf(evidence, 'runs-on-atlassian'),
  };
}

export function labelCells(facts: StatementFacts, evidence: Evidence): Cell[] {
  const locations = [...new Set(facts.dataStored.map((c) => TEXT.locations[c.location]))];
  const subs = facts.subProcessors.map((s) => s.name);
  return [
    leavesCell(facts, evidence),
    {
      id: 'stored',
      term: TEXT.stored,
      target: 'fact-where',
      value: locations.length === 0 ? TEXT.nothingStored : locations.join('; '),
      badge: badgeOf(evidence, 'storage'),
    },
    personalCell(facts, evidence),
    {
      id: 'sub-processors',
      term: TEXT.subProcessors,
      target: 'fact-subprocessors',
      value: subs.length === 0 ? TEXT.none : subs.join(', '),
      badge: badgeOf(evidence, 'sub-processors'),
    },
    ...yesNoCells(facts, evidence),
    runsCell(facts, evidence),
  ];
}

export function PrivacyLabel({ facts, evidence }: { facts: StatementFacts; evidence: Evidence }): JSX.Element {
  return (
    <section class="card privacy-label" aria-labelledby="label-title" data-hosting={facts.hosting.model}>
      <h2 id="label-title">{TEXT.title}</h2>
      <p class="subtle">{TEXT.intro}</p>
      <dl class="label-grid">
        {labelCells(facts, evidence).map((cell) => (
          <div key={cell.id} class="label-cell" data-cell={cell.id}>
            <dt>{cell.term}</dt>
            <dd>
              <p class="label-value">{cell.value}</p>
              <p class="label-meta">
                <span class={`verdict verdict-${cell.badge.kind}`}>{cell.badge.text}</span>
                <a href={`#${cell.target}`} class="label-link">
                  {TEXT.details}
                  <span class="visually-hidden">{TEXT.detailsOf(cell.term)}</span>
                </a>
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
