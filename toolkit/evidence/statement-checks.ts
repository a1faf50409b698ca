/**
 * The statement's facts vs the manifest's evidence: egress, analytics, storage location, data residency
 * and the retention after uninstall. Each contradiction names both sides.
 */
import {
  isStated,
  statedEntries,
  type EgressDestination,
  type Stated,
  type StatementFacts,
  type StorageLocation,
} from '../../src/domain/statement/types';
import { dataResidency } from './eligibility';
import type { SourceNames } from './inventory-checks';
import { describeEgress, hostOf } from './manifest-facts';
import type { ManifestFacts, Problem } from '../../src/domain/evidence/types';

/** Where data counts as kept inside Atlassian (or the customer's own browser). */
export const INSIDE_ATLASSIAN: readonly StorageLocation[] = ['forge-hosted-storage', 'atlassian-product', 'browser'];

/** Days Forge keeps an uninstalled app's hosted storage before deleting it (Forge docs: hosted storage, data lifecycle). */
/** Whether the statement places data inside Atlassian (an unstated location is not). */
export function insideAtlassian(location: Stated<StorageLocation>): boolean {
  return isStated(location) && INSIDE_ATLASSIAN.includes(location);
}

export const FORGE_UNINSTALL_RETENTION_DAYS = 28;

/** Whether a statement destination (`api.example.com`, `*.example.com`, `*`) covers a manifest host. */
export function covers(statementDomain: string, host: string): boolean {
  const s = hostOf(statementDomain);
  if (s === '*' || s === host) return true;
  return s.startsWith('*.') && (host.endsWith(s.slice(1)) || host === s);
}

function destinationFor(facts: StatementFacts, host: string): EgressDestination | undefined {
  return statedEntries(facts.egress).find((d) => covers(d.domain, host));
}

export interface StatementCheck {
  problems: Problem[];
  warnings: string[];
}

/** One rule of the statement against the manifest: it adds to the problems and warnings. */
type StatementRule = (facts: StatementFacts, m: ManifestFacts, names: SourceNames, out: StatementCheck) => void;

/** The problem's message for egress the statement does not list. */
function undisclosed(facts: StatementFacts, names: SourceNames, what: string): string {
  const noEgress = isStated(facts.egress) && facts.egress.length === 0;
  return noEgress
    ? `statement says "no egress" (${names.statement}: facts.egress is empty) but ${names.manifest} declares ${what}`
    : `${names.manifest} declares ${what}, but ${names.statement} facts.egress does not list it`;
}

/** Each manifest egress entry is listed, with the same end-user-data flag. */
const egressListed: StatementRule = (facts, m, names, { problems }) => {
  for (const entry of m.egress) {
    if (entry.host === null) continue; // `{ remote }` entries: checked with the remote
    const destination = destinationFor(facts, entry.host);
    if (!destination) {
      problems.push({ kind: 'undeclared-egress', message: undisclosed(facts, names, describeEgress(entry)) });
      continue;
    }
    if (destination.endUserData === false && entry.inScopeEUD) {
      problems.push({
        kind: 'egress-eud-mismatch',
        message: `${names.statement} says egress to ${destination.domain} carries no end-user data (endUserData: false), but ${names.manifest} ${describeEgress(entry)} has inScopeEUD true (the default when unset)`,
      });
    }
    if (destination.endUserData === true && !entry.inScopeEUD) {
      problems.push({
        kind: 'egress-eud-mismatch',
        message: `${names.statement} says egress to ${destination.domain} carries end-user data, but ${names.manifest} marks ${describeEgress(entry)} inScopeEUD: false`,
      });
    }
  }
};

/** Each remote's hosts are listed. */
const remotesListed: StatementRule = (facts, m, names, { problems }) => {
  for (const remote of m.remotes) {
    const hosts = remote.hosts.length > 0 ? remote.hosts : [`remote:${remote.key}`];
    for (const host of hosts) {
      if (!destinationFor(facts, host))
        problems.push({
          kind: 'undeclared-egress',
          message: undisclosed(facts, names, `remote '${remote.key}' (${host})`),
        });
    }
  }
};

/** Each listed destination is one the manifest declares. */
const listedDeclared: StatementRule = (facts, m, names, { warnings }) => {
  for (const d of statedEntries(facts.egress)) {
    const used =
      m.egress.some((e) => e.host !== null && covers(d.domain, e.host)) ||
      m.remotes.some((r) => r.hosts.some((h) => covers(d.domain, h)));
    if (!used)
      warnings.push(
        `${names.statement} lists egress to ${d.domain}, which ${names.manifest} does not declare (Forge would block it)`,
      );
  }
};

const analyticsDisclosed: StatementRule = (facts, m, names, { problems }) => {
  const analytics = m.egress.filter((e) => e.category === 'analytics');
  if (facts.analytics.collected === false) {
    for (const entry of analytics) {
      problems.push({
        kind: 'analytics-undisclosed',
        message: `${names.statement} says no analytics are collected (facts.analytics.collected: false) but ${names.manifest} declares analytics egress ${describeEgress(entry)}`,
      });
    }
  }
};

const residencyHolds: StatementRule = (facts, m, names, { problems }) => {
  const residency = dataResidency(m);
  if (facts.dataResidency.supported === true && !residency.eligible) {
    for (const reason of residency.reasons) {
      problems.push({
        kind: 'residency-claim',
        message: `statement claims data residency support (${names.statement}: facts.dataResidency.supported is true) but ${reason}`,
      });
    }
  }
};

/** Where the statement stores each category against the storage and remotes the manifest enables. */
const storageHolds: StatementRule = (facts, m, names, { problems, warnings }) => {
  const stored = statedEntries(facts.dataStored);
  const forgeCategories = stored.filter((c) => c.location === 'forge-hosted-storage');
  if (forgeCategories.length > 0 && m.storage.length === 0) {
    problems.push({
      kind: 'storage-claim',
      message: `${names.statement} says category '${forgeCategories[0]?.id}' is stored in Forge hosted storage, but ${names.manifest} enables none (no storage:app scope, app.storage.entities or sql module)`,
    });
  }
  const allInside = isStated(facts.dataStored) && stored.every((c) => insideAtlassian(c.location));
  if (allInside) {
    for (const remote of m.remotes.filter((r) => r.storesData)) {
      problems.push({
        kind: 'storage-claim',
        message: `${names.statement} places every data category inside Atlassian, but ${names.manifest} remote '${remote.key}' stores data (storage.inScopeEUD or a storage operation)`,
      });
    }
  }
  const outside = stored.filter((c) => isStated(c.location) && !insideAtlassian(c.location));
  if (outside.length > 0 && m.remotes.length === 0 && !m.egress.some((e) => e.inScopeEUD)) {
    warnings.push(
      `${names.statement} places ${outside.map((c) => `'${c.id}'`).join(', ')} outside Atlassian, but ${names.manifest} declares no remote or end-user-data egress that could carry it there`,
    );
  }
};

/** The uninstall retention of an app that keeps everything in Forge hosted storage. */
const uninstallHolds: StatementRule = (facts, m, names, { problems }) => {
  const stored = statedEntries(facts.dataStored);
  const allInside = isStated(facts.dataStored) && stored.every((c) => insideAtlassian(c.location));
  const days = facts.uninstall.deletedAfterDays;
  const forgeOnly = m.remotes.length === 0 && m.connectModules.length === 0 && allInside;
  if (typeof days === 'number' && forgeOnly && m.storage.length > 0 && days !== FORGE_UNINSTALL_RETENTION_DAYS) {
    problems.push({
      kind: 'uninstall-claim',
      message: `${names.statement} says data is deleted ${days} days after uninstall (facts.uninstall.deletedAfterDays), but Forge hosted storage keeps it ${FORGE_UNINSTALL_RETENTION_DAYS} days after uninstall, and this app stores nothing elsewhere (${names.manifest})`,
    });
  }
};

const RULES: readonly StatementRule[] = [
  egressListed,
  remotesListed,
  listedDeclared,
  analyticsDisclosed,
  residencyHolds,
  storageHolds,
  uninstallHolds,
];

export function checkStatement(facts: StatementFacts, m: ManifestFacts, names: SourceNames): StatementCheck {
  const out: StatementCheck = { problems: [], warnings: [] };
  for (const rule of RULES) rule(facts, m, names, out);
  return out;
}
