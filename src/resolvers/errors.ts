import type { ApiError, ErrorCode } from '../contract';
import { InvalidCursorError, StorageUnavailableError, StoredShapeError } from '../domain/platform-ports';
import { AdminCheckUnavailableError } from '../platform/admin-gate';

/** A refusal with a code the client understands. Thrown inside resolvers, turned into `Result` at the edge. */
export class ResolverError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ResolverError';
  }
}

export const forbidden = (): ResolverError =>
  new ResolverError('FORBIDDEN', 'Only site administrators can do this, and we could not confirm that you are one.');

/** The rule a stored value broke, cut short: a rule message may quote part of the value. */
const bounded = (text: string): string => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/** Never a stack trace, never an internal message: the client gets a code, a sentence and maybe a field. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ResolverError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      retryable: false,
    };
  }
  if (error instanceof InvalidCursorError) {
    return {
      code: 'INVALID_INPUT',
      message: 'cursor: not a cursor this list gave out; start again from the first page',
      field: 'cursor',
      retryable: false,
    };
  }
  if (error instanceof StorageUnavailableError) {
    return {
      code: 'STORAGE_UNAVAILABLE',
      message: 'Storage is busy or did not answer in time. Nothing was changed; please try again.',
      retryable: true,
      // Forge's client does not pass Retry-After on; a quota window is a minute.
      ...(error.reason === 'rate-limited' ? { retryAfterSeconds: error.retryAfterSeconds ?? 60 } : {}),
    };
  }
  if (error instanceof StoredShapeError) {
    // Names the key and the rule, never the value (it is not ours, and may be anything).
    return {
      code: 'STORED_DATA_INVALID',
      message: `${error.key}: the value stored there is not a valid ${error.family} record (${bounded(error.problem)}); something other than the panel wrote it. Nothing was changed.`,
      retryable: false,
    };
  }
  if (error instanceof AdminCheckUnavailableError) {
    return {
      code: 'ADMIN_CHECK_UNAVAILABLE',
      message: 'We could not confirm in time that you are a site administrator. Nothing was changed; please try again.',
      retryable: true,
    };
  }
  console.error(`privacy-panel: unexpected ${error instanceof Error ? error.name : typeof error}`);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again later.', retryable: true };
}
