/** A JSON object (not null, not a list), its fields still unknown. The one such guard in the repository. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `record[key]` only when the record itself holds `key`: a name read from code or a file (`toString`,
 * `constructor`) never finds what every object inherits.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
