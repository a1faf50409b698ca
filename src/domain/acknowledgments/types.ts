import type { StatementVersionSummary } from '../statement/types';

export type VersionSummary = StatementVersionSummary;

/** An acknowledgment as the page shows it. `accountId` is null when the account was erased (or hidden from non-admins). */
export interface AcknowledgmentView {
  version: number;
  accountId: string | null;
  at: string;
}

export type SiteStatus =
  /** The version in force is acknowledged, or an earlier one whose later changes were all editorial (`standsFor`). */
  | { state: 'acknowledged'; first: AcknowledgmentView; standsFor: number[] }
  /** Only an older version was acknowledged, and a material change came after it. */
  | { state: 'outdated'; last: AcknowledgmentView; changedSince: VersionSummary[] }
  | { state: 'never' };

/** `ack:` (completed) and `first:` values: storage/stored-shapes.ts holds them beside their decoders. */
export type { CompleteMarker as AcknowledgmentMarker, FirstRecord as FirstMarker } from '../storage/stored-shapes';
