/**
 * What the verifier agrees to read, checked on the raw text before `JSON.parse`, so that a hostile file
 * (deep nesting, `1e400`, a huge array of junk) gets a one-line reason instead of a stack overflow, an
 * exception from the canonicaliser or unbounded memory. Pure.
 */
import { QUOTE, BACKSLASH, OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET, MINUS } from './json-bytes';

/** Characters of file text read at most: ~270,000 receipts at ~775 characters each; parsing takes ~11× this in memory. */
export const MAX_EXPORT_CHARS = 200 * 1024 * 1024;
/** Nesting of arrays and objects: a real export needs 7 (a statement's facts); anything past this is hostile. */
export const MAX_DEPTH = 32;
/** Receipts and statement versions in one file. */
export const MAX_RECEIPTS = 300_000;
export const MAX_STATEMENTS = 10_000;
/** Problems kept in a report; the rest are only counted. */
export const MAX_PROBLEMS = 1_000;
/** Characters in one number token: the export's numbers are small integers. */
const MAX_NUMBER_CHARS = 32;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** Characters that can continue a JSON number token: digits, `.`, `e`, `E`, `+`, `-`. */
const continuesNumber = (code: number) =>
  isDigit(code) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === MINUS;

/** Why a number token is absurd, or undefined when it is an ordinary finite number within ±2^53. */
function absurdNumber(token: string): string | undefined {
  if (token.length > MAX_NUMBER_CHARS) return `a number ${MAX_NUMBER_CHARS}+ characters long`;
  const value = Number(token);
  if (!Number.isFinite(value)) return `the number ${token} (out of range)`;
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `the number ${token} (beyond 2^53)`;
  return undefined;
}

/**
 * One linear pass over the text outside strings: nesting depth and number tokens. Returns the reason the
 * text cannot be read as an export, or undefined. Malformed JSON is left to `JSON.parse`.
 */
export function preScan(text: string): string | undefined {
  if (text.length > MAX_EXPORT_CHARS)
    return `larger than ${MAX_EXPORT_CHARS / (1024 * 1024)} MiB of text (${text.length} characters)`;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels (at character ${i})`;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth -= 1;
    else if (code === MINUS || isDigit(code)) {
      let end = i + 1;
      while (end < text.length && continuesNumber(text.charCodeAt(end))) end += 1;
      const reason = absurdNumber(text.slice(i, Math.min(end, i + MAX_NUMBER_CHARS + 1)));
      if (reason) return `${reason} at character ${i}`;
      i = end - 1;
    }
  }
  return undefined;
}
