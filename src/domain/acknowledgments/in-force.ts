import { acknowledgmentStandsFor, inForceOn, summaryOf } from '../statement/catalog';
import type { StatementCatalog, StatementVersionSummary } from '../statement/types';
import type { Store } from '../platform-ports';
import { acknowledgmentsOf } from './by-version';
import type { AcknowledgmentView } from './types';

export interface InForceAnswer {
  date: string;
  inForce: StatementVersionSummary | null;
  /** The versions whose acknowledgment stands for the one in force on `date`. */
  standing: number[];
  acknowledged: AcknowledgmentView[];
  truncated: boolean;
}

/** "Which statement was in force on DATE, and who had acknowledged it by then?", at most `max` names. */
export async function inForceAnswer(
  store: Store,
  catalog: StatementCatalog,
  date: string,
  max: number,
): Promise<InForceAnswer> {
  const statement = inForceOn(catalog, date);
  if (!statement) return { date, inForce: null, standing: [], acknowledged: [], truncated: false };
  const version = statement.source.version;
  const standing = catalog.versions
    .map((v) => v.source.version)
    .filter((v) => acknowledgmentStandsFor(catalog, v, version));
  const found = await acknowledgmentsOf(store, standing, { atOrBefore: `${date}T23:59:59.999Z`, max: max + 1 });
  return {
    date,
    inForce: summaryOf(statement),
    standing,
    acknowledged: found.slice(0, max),
    truncated: found.length > max,
  };
}
