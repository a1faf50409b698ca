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

/** `ack:` value: this account acknowledged this version; points at its receipt. */
export interface AcknowledgmentMarker {
  seq: number;
  receiptId: string;
  at: string;
}

/** `first:` value: the first acknowledgment of a version on this installation. */
export interface FirstMarker {
  version: number;
  seq: number;
  accountId: string | null;
  at: string;
}
