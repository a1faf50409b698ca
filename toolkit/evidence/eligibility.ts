/**
 * Runs on Atlassian and data-residency eligibility, derived from the manifest alone
 * (Atlassian's Forge docs: platform/forge/runs-on-atlassian, data-residency, in-scope-end-user-data).
 */
import { describeEgress } from './manifest-facts';
import type { EgressEntry, Eligibility, ManifestFacts } from '../../src/domain/evidence/types';

/** The one kind of external entry Runs on Atlassian allows: analytics egress that carries no in-scope EUD. */
export function isExemptAnalytics(entry: EgressEntry): boolean {
  return entry.category === 'analytics' && !entry.inScopeEUD && entry.remote === null;
}

function verdict(reasons: string[]): Eligibility {
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

/** Remote-compute reasons shared by both checks. */
function remoteReasons(m: ManifestFacts): string[] {
  return [
    ...m.remotes.map(
      (r) => `manifest.yml declares remote '${r.key}'${r.baseUrls.length ? ` (${r.baseUrls.join(', ')})` : ''}`,
    ),
    ...m.connectModules.map((c) => `manifest.yml declares Connect module ${c} (connectModules)`),
    ...m.providers.map((p) => `manifest.yml declares external auth provider '${p}' (providers.auth)`),
    ...m.endpoints
      .filter((e) => e.remote !== null)
      .map((e) => `manifest.yml declares endpoint '${e.key}' on remote '${e.remote}'`),
  ];
}

export function runsOnAtlassian(m: ManifestFacts): Eligibility {
  return verdict([
    ...m.egress
      .filter((e) => e.remote === null && !isExemptAnalytics(e))
      .map(
        (e) =>
          `manifest.yml declares ${describeEgress(e)}${e.category === 'analytics' ? ' (analytics with inScopeEUD true)' : ''}`,
      ),
    ...remoteReasons(m),
    ...m.dynamicWebTriggers.map(
      (w) => `manifest.yml declares dynamic web trigger '${w}' (response.type is dynamic unless set to static)`,
    ),
  ]);
}

/**
 * Data residency as this app can prove it: all in-scope End-User Data stays in Forge hosted storage
 * (KVS, custom entities, SQL), nothing with in-scope EUD leaves, and no remote or Connect back end exists.
 */
export function dataResidency(m: ManifestFacts): Eligibility {
  return verdict([
    ...remoteReasons(m),
    ...m.egress
      .filter((e) => e.remote === null && e.inScopeEUD)
      .map((e) => `manifest.yml sends in-scope end-user data out: ${describeEgress(e)} (inScopeEUD defaults to true)`),
    ...m.sqlWithoutResidency.map((k) => `manifest.yml declares SQL module '${k}' with dareCompliant: false`),
  ]);
}
