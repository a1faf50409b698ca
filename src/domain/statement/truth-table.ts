/**
 * The one truth table: for every fact a statement can hold, what the privacy label's cell, the details
 * row and the build's claim say, and which badge they carry. Every reader (the page, `buildClaims`, the
 * Marketplace answers, the CLI) asks here, so no two places can word one fact differently. Pure.
 *
 * The rules, in order:
 * 1. A fact the statement does not state says "not stated" and carries the not-stated badge: never "no",
 *    never counted as "none".
 * 2. The build's evidence is this app's own manifest and code: it proves (or contradicts) a fact only when
 *    the statement describes a Forge app. For any other (or an unstated) hosting model the fact is the
 *    vendor's word.
 * 3. "Verified" only where the build proved exactly the sentence shown: a fact whose cell mixes stated and
 *    unstated parts is never verified, and the cell names the unstated parts.
 */
import {
  CLAIM_IDS,
  EVIDENCE_STATES,
  VALUE_STATES,
  type Eligibility,
  type EvidenceState,
  type ValueState,
} from '../evidence/types';

export { EVIDENCE_STATES, VALUE_STATES, type EvidenceState, type ValueState };
import {
  isStated,
  NOT_STATED,
  type HostingModel,
  type Stated,
  type StatementFacts,
  type StorageLocation,
  type YesNo,
} from './types';

export const HOSTING_STATES = ['forge', 'connect', 'server', 'data-center', NOT_STATED] as const;
export type HostingState = Stated<HostingModel>;

/** The badge every place shows beside the fact. */
export type Badge = 'verified' | 'contradicted' | 'vendor-statement' | 'not-stated';

export interface Truth {
  badge: Badge;
  /** What the label cell, the details row and the claim all say: the same state, worded by the catalogs. */
  says: ValueState;
  /** The cell lists what is not stated beside what is (`partly-stated`). */
  namesUnstated: boolean;
  /** Whether this app's evidence is about the app the statement describes (a Forge app). */
  evidenceApplies: boolean;
}

/** The truth table itself: one row per (value, hosting model, evidence state). */
export function truthOf(value: ValueState, hosting: HostingState, evidence: EvidenceState): Truth {
  const evidenceApplies = hosting === 'forge';
  const namesUnstated = value === 'partly-stated';
  const row = (badge: Badge): Truth => ({ badge, says: value, namesUnstated, evidenceApplies });
  if (value === 'not-stated') return row('not-stated');
  if (!evidenceApplies) return row('vendor-statement');
  if (evidence === 'contradicted') return row('contradicted');
  if (evidence === 'proven' && !namesUnstated) return row('verified');
  return row('vendor-statement');
}

/** The facts the truth table covers: every claim the build makes, and the label's cells without one. */
export const TRUTH_FACTS = [...CLAIM_IDS, 'staff', 'vendor-records', 'retention', 'security'] as const;
export type TruthFact = (typeof TRUTH_FACTS)[number];

/** The facts the build itself establishes (about this app), with nothing of the statement in them. */
export const BUILD_ONLY_FACTS: readonly TruthFact[] = ['inventory', 'scopes'];

/** Which value states each fact can take: the catalogs word exactly these (`claim.<fact>.<state>`). */
export const FACT_STATES = {
  egress: ['not-stated', 'empty', 'listed', 'partly-stated'],
  analytics: ['yes', 'no', 'not-stated'],
  storage: ['not-stated', 'empty', 'listed', 'partly-stated'],
  inventory: ['yes'],
  'personal-data': ['no', 'not-stated', 'empty', 'listed', 'partly-stated'],
  'data-residency': ['yes', 'no', 'not-stated'],
  'runs-on-atlassian': ['yes', 'no', 'not-stated', 'listed'],
  scopes: ['yes'],
  hosting: ['yes', 'not-stated', 'listed'],
  uninstall: ['not-stated', 'listed'],
  logs: ['yes', 'no', 'not-stated'],
  'sub-processors': ['not-stated', 'empty', 'listed'],
  staff: ['yes', 'no', 'not-stated'],
  'vendor-records': ['not-stated', 'empty', 'listed'],
  retention: ['not-stated', 'empty', 'listed', 'partly-stated'],
  security: ['not-stated', 'listed'],
} as const satisfies Record<TruthFact, readonly ValueState[]>;

/** What the statement says about one fact: its state, the stated parts and the unstated ones (by name). */
export interface FactState {
  says: ValueState;
  /** The stated parts: statement content (names, hosts, measures) or, for `storage`, location ids. */
  names: string[];
  /** The names of the parts the statement leaves unstated (`partly-stated`). */
  unstated: string[];
  /** A number the sentence needs (days after uninstall). */
  count?: number;
  /** The hosting model the sentence names (`runs-on-atlassian`, `hosting`: `listed` means not Forge). */
  model?: HostingModel;
}

const only = (says: ValueState, names: string[] = [], unstated: string[] = []): FactState => ({
  says,
  names,
  unstated,
});

export function yesNoState(value: YesNo): FactState {
  if (value === NOT_STATED) return only('not-stated');
  return only(value ? 'yes' : 'no');
}

/** A list: not stated, empty, every entry stated, or some entries with their key part unstated. */
export function listState<T>(
  value: Stated<readonly T[]>,
  nameOf: (item: T) => string,
  statedPart: (item: T) => string | null = nameOf,
): FactState {
  if (!isStated(value)) return only('not-stated');
  if (value.length === 0) return only('empty');
  const names: string[] = [];
  const unstated: string[] = [];
  for (const item of value) {
    const part = statedPart(item);
    if (part === null) unstated.push(nameOf(item));
    else if (!names.includes(part)) names.push(part);
  }
  return unstated.length === 0 ? only('listed', names) : only('partly-stated', names, unstated);
}

const stated = <T extends string>(value: Stated<T>): T | null => (isStated(value) ? value : null);

function personalState(facts: StatementFacts): FactState {
  const base = listState(
    facts.dataStored,
    (c) => c.name,
    (c) => (c.personalData === NOT_STATED ? null : c.name),
  );
  if (base.says !== 'listed' && base.says !== 'partly-stated') return base;
  const categories = isStated(facts.dataStored) ? facts.dataStored : [];
  const held = categories.filter((c) => c.personalData === true).map((c) => c.name);
  if (base.unstated.length === categories.length) return only('not-stated');
  if (base.unstated.length > 0) return only('partly-stated', held, base.unstated);
  return held.length === 0 ? only('no') : only('listed', held);
}

function retentionState(facts: StatementFacts): FactState {
  const days = facts.uninstall.deletedAfterDays;
  const categories = isStated(facts.dataStored) ? facts.dataStored : [];
  const unstated = categories.filter((c) => c.retention === NOT_STATED).map((c) => c.name);
  const known = categories.filter((c) => c.retention !== NOT_STATED).map((c) => c.name);
  const withDays = (state: FactState): FactState => (isStated(days) ? { ...state, count: days } : state);
  if (!isStated(facts.dataStored) || (categories.length > 0 && known.length === 0))
    return isStated(days) ? withDays(only('partly-stated', [], unstated)) : only('not-stated');
  if (categories.length === 0) return withDays(only(isStated(days) ? 'listed' : 'empty'));
  if (unstated.length > 0 || !isStated(days)) return withDays(only('partly-stated', known, unstated));
  return withDays(only('listed', known));
}

function runsState(facts: StatementFacts, runs: Eligibility | undefined): FactState {
  const model = facts.hosting.model;
  if (model === NOT_STATED) return only('not-stated');
  if (model !== 'forge') return { ...only('listed'), model };
  if (runs === undefined) return only('not-stated');
  return only(runs.eligible ? 'yes' : 'no');
}

/** What the statement says about each fact. `runs` is the build's Runs on Atlassian verdict for this app. */
export function factStates(facts: StatementFacts, runs?: Eligibility): Record<TruthFact, FactState> {
  const model = facts.hosting.model;
  return {
    egress: listState(
      facts.egress,
      (e) => e.name,
      (e) => stated(e.domain),
    ),
    analytics: yesNoState(facts.analytics.collected),
    storage: listState(
      facts.dataStored,
      (c) => c.name,
      (c) => stated<StorageLocation>(c.location),
    ),
    inventory: only('yes'),
    'personal-data': personalState(facts),
    'data-residency': yesNoState(facts.dataResidency.supported),
    'runs-on-atlassian': runsState(facts, runs),
    scopes: only('yes'),
    hosting: model === NOT_STATED ? only('not-stated') : model === 'forge' ? only('yes') : { ...only('listed'), model },
    uninstall: isStated(facts.uninstall.deletedAfterDays)
      ? { ...only('listed'), count: facts.uninstall.deletedAfterDays }
      : only('not-stated'),
    logs: yesNoState(facts.logs.endUserData),
    'sub-processors': listState(facts.subProcessors, (s) => s.name),
    staff: yesNoState(facts.access.vendorStaff),
    'vendor-records': listState(facts.vendorRecords, (r) => r.name),
    retention: retentionState(facts),
    security: isStated(facts.security.measures) ? only('listed', facts.security.measures) : only('not-stated'),
  };
}

/** The fact's truth, given what the build knows about it. */
export function factTruth(state: FactState, hosting: HostingState, evidence: EvidenceState): Truth {
  return truthOf(state.says, hosting, evidence);
}

/**
 * Whether the build's claim may lend its verdict to the fact as the page reads it now: only when the claim
 * says exactly what the statement shown says (same state, same parts). Otherwise the page falls back to
 * the vendor's word: a verdict about another sentence verifies nothing.
 */
export function claimMatches(
  claim: { says: ValueState; names: readonly string[]; unstated: readonly string[] },
  state: FactState,
): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return claim.says === state.says && same(claim.names, state.names) && same(claim.unstated, state.unstated);
}

/**
 * Whether the statement holds that Forge deletes all the app's data 28 days after uninstall: a Forge app,
 * that number of days, and every category stored inside Atlassian. Only then may the page say so.
 */
export function forgeDeletionHolds(facts: StatementFacts, forgeDays: number): boolean {
  if (facts.hosting.model !== 'forge' || facts.uninstall.deletedAfterDays !== forgeDays) return false;
  if (!isStated(facts.dataStored)) return false;
  return facts.dataStored.every((c) => c.location === 'forge-hosted-storage' || c.location === 'atlassian-product');
}
