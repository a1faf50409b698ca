import type { AcknowledgeResult } from '../contract';
import { acknowledge as recordAcknowledgment } from '../domain/acknowledgments/acknowledge';
import { siteStatus } from '../domain/acknowledgments/status';
import type { ResolverDeps } from './deps';
import { ResolverError } from './errors';
import { requireAdministrator } from './guard';
import { parseAcknowledge } from './payloads';
import { currentStatement } from '../domain/statement/catalog';
import { findTranslation, type ShownText } from '../domain/statement/translation';
import type { StatementCatalog } from '../domain/statement/types';

/** The published translation the admin says they read; INVALID_INPUT when the catalog has no such text. */
function shownTranslation(catalog: StatementCatalog, shown: { locale: string; hash: string }): ShownText {
  const found = findTranslation(catalog, shown.hash);
  if (!found || found.source.locale !== shown.locale) {
    throw new ResolverError(
      'INVALID_INPUT',
      'shown.hash: no published translation has this locale and hash',
      'shown.hash',
    );
  }
  return { locale: found.source.locale, hash: found.hash, translates: found.source.translates };
}

export async function acknowledge(deps: ResolverDeps, payload: unknown, context: unknown): Promise<AcknowledgeResult> {
  const seen = parseAcknowledge(payload);
  const caller = await requireAdministrator(deps, context);
  const current = currentStatement(deps.catalog);
  if (deps.catalog.draft) {
    throw new ResolverError(
      'DRAFT_STATEMENT',
      `version: version ${current.source.version} is a draft, not published yet; it can be read, never acknowledged`,
      'version',
    );
  }
  if (seen.version !== current.source.version) {
    throw new ResolverError(
      'STALE_STATEMENT',
      `version: you acknowledged version ${seen.version}, but version ${current.source.version} is in force; review it and acknowledge again`,
      'version',
    );
  }
  if (seen.hash !== current.hash) {
    throw new ResolverError(
      'STALE_STATEMENT',
      `hash: the text you saw is not the text of version ${current.source.version}; reload it`,
      'hash',
    );
  }
  const shown = seen.shown ? shownTranslation(deps.catalog, seen.shown) : undefined;
  const outcome = await recordAcknowledgment(
    { store: deps.store, clock: deps.clock, ids: deps.ids, backoff: deps.backoff },
    {
      statement: current,
      accountId: caller.accountId,
      product: caller.product,
      installation: caller.installation,
      ...(shown ? { shown } : {}),
    },
  );
  const { receipt } = outcome.receipt;
  return {
    created: outcome.created,
    acknowledgment: { version: current.source.version, accountId: caller.accountId, at: outcome.marker.at },
    receipt: { seq: receipt.seq, receiptId: receipt.receiptId, hash: receipt.hash },
    status: siteStatus(deps.catalog, new Map([[current.source.version, outcome.first]])),
  };
}
