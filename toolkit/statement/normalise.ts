/**
 * The one normal form of a section's Markdown, applied before hashing: LF line ends, no trailing spaces or
 * tabs on any line, no byte-order mark, no trailing blank lines, exactly one final newline. Line numbers are
 * unchanged (only a lone CR counts as a line end, as editors show it). Linear in the text's length, whatever
 * it holds (a regular expression like `/[ \t]+$/` is quadratic on a long run of spaces).
 */

/** `line` without its trailing spaces and tabs. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0) {
    const code = line.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0x09) break;
    end -= 1;
  }
  return end === line.length ? line : line.slice(0, end);
}

export function normaliseMarkdown(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(trimTrailingBlanks);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
