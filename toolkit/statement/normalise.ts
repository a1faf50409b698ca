/**
 * The one normal form of a section's Markdown, applied before hashing: LF line ends, no trailing spaces or
 * tabs on any line, no byte-order mark, no trailing blank lines, exactly one final newline. Line numbers are
 * unchanged (only a lone CR counts as a line end, as editors show it).
 */
export function normaliseMarkdown(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
