/**
 * Duplicate object keys, found on the raw text: `JSON.parse` keeps the last of two equal keys, so a forged
 * first `receipts`, `salt` or `accountId` followed by the real one would otherwise pass unseen. One linear
 * pass; malformed JSON is left to `JSON.parse`. Pure.
 */
import { clip } from './clip';
import type { ProblemCode } from './codes';
import { preScan } from './limits';
import { QUOTE, BACKSLASH, OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET, COMMA } from './json-bytes';

export { isRecord } from '../../src/domain/is-record';

export interface DuplicateKey {
  /** JSON path of the second occurrence, e.g. `receipts[3].accountId`. */
  path: string;
}

type Frame = { object: true; keys: Set<string>; key: string; expectKey: boolean } | { object: false; index: number };

/** `a.b[2].c`; keys that are not plain names are quoted (and clipped, so that a long key prints short). */
export function jsonPath(parts: readonly (string | number)[]): string {
  return parts
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      if (/^[A-Za-z_$][\w$]{0,79}$/.test(part)) return `${i === 0 ? '' : '.'}${part}`;
      return `[${JSON.stringify(clip(part, 40))}]`;
    })
    .join('');
}

function pathOf(stack: readonly Frame[]): string {
  return jsonPath(stack.map((frame) => (frame.object ? frame.key : frame.index)));
}

/** The duplicate keys in `text`, at most `max` of them (the rest are not looked for). */
export function duplicateKeys(text: string, max = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return found; // malformed: JSON.parse will say where
        }
        top.expectKey = false;
        top.key = key;
        if (top.keys.has(key)) {
          found.push({ path: pathOf(stack) });
          if (found.length >= max) return found;
        } else top.keys.add(key);
      }
      i = end;
    } else if (code === OPEN_BRACE) stack.push({ object: true, keys: new Set(), key: '', expectKey: true });
    else if (code === OPEN_BRACKET) stack.push({ object: false, index: 0 });
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) stack.pop();
    else if (code === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index += 1;
    }
  }
  return found;
}

/**
 * The text as a JSON object and the paths of its duplicate keys, or the reason it is not one: refused
 * before parsing by ./limits, not JSON, or not an object.
 */
export function parseStrictly(
  text: string,
): { value: Record<string, unknown>; duplicates: string[] } | { refused: string; code: ProblemCode } {
  const refused = preScan(text);
  if (refused) return { refused, code: 'PPV-FILE-UNREADABLE' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { refused: `not JSON: ${clip(reason, 200)}`, code: 'PPV-FILE-UNREADABLE' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { refused: 'not a JSON object', code: 'PPV-FILE-UNREADABLE' };
  return { value: parsed as Record<string, unknown>, duplicates: duplicateKeys(text).map((d) => d.path) };
}
