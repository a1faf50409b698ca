/** A JSON object (not null, not a list), its fields still unknown. The one such guard in the repository. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
