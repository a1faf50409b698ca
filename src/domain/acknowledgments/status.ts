import { acknowledgmentStandsFor, changesSince } from '../statement/catalog';
import type { StatementCatalog } from '../statement/types';
import type { AcknowledgmentView, FirstMarker, SiteStatus } from './types';

function view(marker: FirstMarker): AcknowledgmentView {
  return { version: marker.version, accountId: marker.accountId, at: marker.at };
}

/**
 * The site's status from the first-acknowledgment marker of each version (as far as known): acknowledged
 * when the newest acknowledged version is the one in force or every version after it is editorial;
 * outdated when a material change came after it; never when no version was acknowledged.
 */
export function siteStatus(catalog: StatementCatalog, firsts: ReadonlyMap<number, FirstMarker>): SiteStatus {
  const versions = catalog.versions;
  for (const statement of [...versions].reverse()) {
    const marker = firsts.get(statement.source.version);
    if (!marker) continue;
    const later = changesSince(catalog, statement.source.version);
    if (acknowledgmentStandsFor(catalog, statement.source.version)) {
      return { state: 'acknowledged', first: view(marker), standsFor: later.map((next) => next.version) };
    }
    return { state: 'outdated', last: view(marker), changedSince: later };
  }
  return { state: 'never' };
}

/** The same status with every account ID removed, for callers who are not administrators. */
export function withoutAccounts(status: SiteStatus): SiteStatus {
  switch (status.state) {
    case 'acknowledged':
      return { ...status, first: { ...status.first, accountId: null } };
    case 'outdated':
      return { ...status, last: { ...status.last, accountId: null } };
    case 'never':
      return status;
  }
}
