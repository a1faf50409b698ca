/** Values from a file are echoed in problem lines clipped, so a 2 MB field prints as a few dozen characters. */
export const CLIP_CHARS = 80;

export function clip(value: string, max = CLIP_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}

/** A value from the file as it may be echoed: strings clipped and quoted, anything else by its type. */
export function shown(value: unknown, max = CLIP_CHARS): string {
  if (typeof value === 'string') return JSON.stringify(clip(value, max));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}
