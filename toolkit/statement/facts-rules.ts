/**
 * Facts that contradict each other, and duplicate ids. Checked on the raw parsed value, defensively, so
 * they are reported alongside shape problems elsewhere in the file.
 */
import type { RuleId } from './problems';
import type { Path } from './yaml-lines';

export interface FactFinding {
  path: Path;
  rule: RuleId;
  message: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ON_HOST = new Set(['server', 'data-center']);
const IN_CLOUD = new Set(['forge', 'connect']);

/** Reports the second and later occurrence of each value of `field` in the list at `path`. */
export function duplicates(items: unknown, field: string, path: Path, rule: RuleId, what: string): FactFinding[] {
  const seen = new Map<string, number>();
  const out: FactFinding[] = [];
  list(items).forEach((item, index) => {
    const value = isRec(item) ? item[field] : undefined;
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      out.push({
        path: [...path, index, field],
        rule,
        message: `${what} "${value}" is used twice (first at ${String(path[path.length - 1])}[${first}])`,
      });
  });
  return out;
}

export function factFindings(facts: unknown): FactFinding[] {
  if (!isRec(facts)) return [];
  const out: FactFinding[] = [
    ...duplicates(facts['dataStored'], 'id', ['facts', 'dataStored'], 'duplicate-category-id', 'data category id'),
    ...duplicates(facts['vendorRecords'], 'id', ['facts', 'vendorRecords'], 'duplicate-record-id', 'vendor record id'),
    ...duplicates(facts['egress'], 'domain', ['facts', 'egress'], 'duplicate-egress-domain', 'egress domain').filter(
      (f) => !f.message.startsWith('egress domain "not-stated"'),
    ),
  ];
  const egressEmpty = Array.isArray(facts['egress']) && facts['egress'].length === 0;
  const model = isRec(facts['hosting']) ? facts['hosting']['model'] : undefined;
  /** The hosting model when the statement states one. */
  const hosting = model === 'not-stated' ? undefined : model;

  list(facts['dataStored']).forEach((category, index) => {
    if (!isRec(category)) return;
    const location = category['location'];
    const name = typeof category['name'] === 'string' ? category['name'] : `dataStored[${index}]`;
    const path = ['facts', 'dataStored', index, 'location'];
    if (location === 'vendor-infrastructure' && egressEmpty) {
      out.push({
        path,
        rule: 'facts-vendor-storage-without-egress',
        message: `"${name}" is stored on vendor infrastructure, but egress is empty: nothing could reach it. Declare the destination under facts.egress or correct the location`,
      });
    }
    if (typeof hosting === 'string' && location === 'customer-infrastructure' && IN_CLOUD.has(hosting)) {
      out.push({
        path,
        rule: 'facts-location-hosting-mismatch',
        message: `"${name}" is stored on customer infrastructure, which a ${hosting} cloud app cannot reach`,
      });
    }
    if (typeof hosting === 'string' && location === 'forge-hosted-storage' && ON_HOST.has(hosting)) {
      out.push({
        path,
        rule: 'facts-location-hosting-mismatch',
        message: `"${name}" is stored in Forge hosted storage, which a ${hosting} app does not have`,
      });
    }
  });

  const analytics = facts['analytics'];
  if (isRec(analytics) && analytics['collected'] === true && egressEmpty) {
    out.push({
      path: ['facts', 'analytics', 'collected'],
      rule: 'facts-analytics-without-egress',
      message: 'analytics are collected, but egress is empty: declare where they are sent under facts.egress',
    });
  }
  const logs = facts['logs'];
  const logLocation = isRec(logs) ? logs['location'] : undefined;
  if (logLocation === 'vendor' && egressEmpty) {
    out.push({
      path: ['facts', 'logs', 'location'],
      rule: 'facts-logs-without-egress',
      message: 'logs are kept by the vendor, but egress is empty: declare where they are sent under facts.egress',
    });
  }
  const logsMismatch =
    typeof hosting === 'string' &&
    ((logLocation === 'atlassian-forge-logs' && hosting !== 'forge') ||
      (logLocation === 'customer-servers' && IN_CLOUD.has(hosting)));
  if (logsMismatch) {
    out.push({
      path: ['facts', 'logs', 'location'],
      rule: 'facts-location-hosting-mismatch',
      message: `logs in ${logLocation} are not possible for a ${hosting} app`,
    });
  }
  out.push(...rightTargets(facts));
  return out;
}

/** Each right's `appliesTo` must name a vendor record or a stored data category by its id. */
function rightTargets(facts: Rec): FactFinding[] {
  const ids = new Set(
    [...list(facts['vendorRecords']), ...list(facts['dataStored'])].flatMap((item) =>
      isRec(item) && typeof item['id'] === 'string' ? [item['id']] : [],
    ),
  );
  return list(facts['rights']).flatMap((right, index) => {
    const target = isRec(right) ? right['appliesTo'] : undefined;
    if (typeof target !== 'string' || ids.has(target)) return [];
    return [
      {
        path: ['facts', 'rights', index, 'appliesTo'],
        rule: 'right-target-unknown' as const,
        message: `"${target}" names no vendor record or data category: use the id of one under facts.vendorRecords or facts.dataStored`,
      },
    ];
  });
}
