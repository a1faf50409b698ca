/**
 * The wiring `add` prints for a sub-page host, read back by file, and pasted as a vendor would: for the
 * tests that compile it and the bench that bundles it (never run on a vendor's code by `add` itself).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The code `add` prints for a sub-page host, by file: `  in FILE …` then the code lines, indented four spaces. */
export function printedWiring(notes: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let file: string | null = null;
  for (const note of notes) {
    const heading = /^ {2}in ([^\s,]+)[ ,(]/.exec(note);
    if (heading) {
      file = heading[1] ?? null;
      if (file && !out.has(file)) out.set(file, []);
    } else if (file && note.startsWith('    ') && !/^ {4}(inside your|\(or pass)/.test(note)) {
      out.get(file)?.push(note.trim());
    }
  }
  return out;
}

/**
 * What the vendor does with the printed wiring of the host's function modules (files under src/): the lines
 * appended at the end of each file (ES module imports may stand anywhere at the top level; the resolver's
 * definitions are read when it is called). Returns the files' texts before, to restore them.
 */
export function applyServerWiring(dir: string, notes: readonly string[]): Map<string, string> {
  const before = new Map<string, string>();
  for (const [file, lines] of printedWiring(notes)) {
    if (!file.startsWith('src/')) continue;
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    before.set(file, text);
    fs.writeFileSync(full, `${text}\n${lines.join('\n')}\n`);
  }
  return before;
}
