/**
 * The schema of policy/published.lock.json, with its type inferred: `policy:check` reads the lock with it
 * (lock.ts), and the verifier reads a published lock passed as `--lock` with it (toolkit/export/anchors.ts).
 * Browser-safe: the offline verifier's page bundles it.
 */
import * as v from 'valibot';
import { isCalendarDate } from './calendar-date';

export const HEX64_MESSAGE = 'must be 64 lowercase hexadecimal characters';
export const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, HEX64_MESSAGE));
const version = v.pipe(v.number(), v.integer(), v.minValue(1));

export const lockEntrySchema = v.strictObject({
  version,
  hash: hex64,
  effectiveDate: v.pipe(v.string(), v.check(isCalendarDate, 'must be a real date written YYYY-MM-DD')),
});
export const lockSchema = v.strictObject({ versions: v.array(lockEntrySchema) });

export type LockEntry = v.InferOutput<typeof lockEntrySchema>;
