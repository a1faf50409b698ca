/**
 * The `.gitignore` lines `add` writes so the preview's storage (`.preview/`, written by `privacy-panel
 * preview`) stays out of the vendor's repository, and `remove` takes back out byte for byte: a file `add`
 * created is deleted, a last line `add` had to end with a newline gets its old ending back.
 */
const COMMENT = '# privacy-panel: the preview keeps its storage here';
const ENTRY = '.preview/';
/** The mark on the comment when `add` created the file, or put a newline after a last line that had none. */
const CREATED = ' (file written by privacy-panel add)';
const JOINED = ' (newline before this written by privacy-panel add)';

/** Whether a line already ignores `.preview/`. */
function covers(text: string): boolean {
  return text.split(/\r?\n/).some((line) => /^\/?\.preview\/?(\*\*?)?\s*$/.test(line.trim()));
}

/** The .gitignore after `add`: `before` is its text, or undefined when there is none. Null: nothing to add. */
export function gitignoreAfter(before: string | undefined): string | null {
  if (before === undefined) return `${COMMENT}${CREATED}\n${ENTRY}\n`;
  if (covers(before)) return null;
  const joined = before !== '' && !before.endsWith('\n');
  return `${before}${joined ? '\n' : ''}${COMMENT}${joined ? JOINED : ''}\n${ENTRY}\n`;
}

/** The .gitignore before `add`: undefined when `add` created it (delete the file); unchanged without our lines. */
export function gitignoreBefore(after: string): string | undefined {
  const lines = after.split('\n');
  const at = lines.findIndex((line) => line.startsWith(COMMENT));
  if (at < 0 || lines[at + 1] !== ENTRY) return after;
  const comment = lines[at] ?? '';
  const rest = [...lines.slice(0, at), ...lines.slice(at + 2)];
  if (comment.endsWith(CREATED) && rest.every((l) => l === '')) return undefined;
  const text = rest.join('\n');
  return comment.endsWith(JOINED) && text.endsWith('\n') ? text.slice(0, -1) : text;
}
