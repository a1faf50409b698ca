import type { StatementVersions, VersionDiff } from '../contract';
import { findVersion } from '../domain/statement/catalog';
import { diffStatements } from '../domain/statement/diff';
import type { ResolverDeps } from './deps';
import { ResolverError } from './errors';
import { callerOf } from './guard';
import { parseDiff, parseEmpty } from './payloads';

/** Every published version verbatim: public text, no personal data, no storage read. */
export async function getStatementVersions(
  deps: ResolverDeps,
  payload: unknown,
  context: unknown,
): Promise<StatementVersions> {
  parseEmpty(payload);
  callerOf(context);
  return { versions: deps.catalog.versions.map(({ source, hash }) => ({ source, hash })) };
}

export async function diffVersions(deps: ResolverDeps, payload: unknown, context: unknown): Promise<VersionDiff> {
  const { from, to } = parseDiff(payload);
  callerOf(context);
  const older = findVersion(deps.catalog, from);
  const newer = findVersion(deps.catalog, to);
  if (!older) throw new ResolverError('INVALID_INPUT', `from: version ${from} was never published`, 'from');
  if (!newer) throw new ResolverError('INVALID_INPUT', `to: version ${to} was never published`, 'to');
  return diffStatements(older.source, newer.source);
}
