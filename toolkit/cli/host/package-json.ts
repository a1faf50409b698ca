/**
 * The one line `add` puts in a host's package.json (the `build:privacy-panel` script), spliced into the
 * text so the rest of the file keeps every byte; `remove` takes out exactly that line.
 */
import { PANEL } from './panel-names';

export interface TextSplice {
  start: number;
  end: number;
  text: string;
}

function scriptLine(indent: string): string {
  return `${indent}${JSON.stringify(PANEL.script)}: ${JSON.stringify(PANEL.scriptCommand)},\n`;
}

/** The `"scripts"` object `add` writes into a package.json that has none, as its first entry. */
function scriptsBlock(indent: string): string {
  return `${indent}"scripts": {\n${scriptLine(indent.repeat(2)).replace(/,\n$/, '\n')}${indent}},\n`;
}

/**
 * Inserts the script as the first entry of a multi-line `"scripts"` object, or, in a package.json with no
 * `"scripts"`, a `"scripts"` object holding it as the first entry of the file; null when neither fits.
 */
export function scriptSplice(text: string): TextSplice | null {
  if (text.includes(`"${PANEL.script}"`)) return null;
  if (!/^\s*"scripts"\s*:/m.test(text)) {
    const top = /^\{[ \t]*\r?\n([ \t]+)"/.exec(text);
    if (!top) return null;
    const at = text.indexOf('\n') + 1;
    return { start: at, end: at, text: scriptsBlock(top[1] ?? '  ') };
  }
  const open = /^([ \t]*)"scripts"\s*:\s*\{[ \t]*\r?\n/m.exec(text);
  if (!open) return null;
  const at = open.index + open[0].length;
  const next = /^([ \t]*)"/m.exec(text.slice(at));
  if (!next || text.slice(at, at + next.index).trim() !== '') return null;
  return { start: at, end: at, text: scriptLine(next[1] ?? '  ') };
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** package.json without the line (or the `"scripts"` object) `add` put in; unchanged when it is not there. */
export function removeScript(text: string): string {
  const block = new RegExp(
    `^[ \\t]*"scripts": \\{\\r?\\n[ \\t]*${escaped(JSON.stringify(PANEL.script))}: ${escaped(JSON.stringify(PANEL.scriptCommand))}\\r?\\n[ \\t]*\\},\\r?\\n`,
    'm',
  );
  if (block.test(text)) return text.replace(block, '');
  return text.replace(
    new RegExp(
      `^[ \\t]*${escaped(JSON.stringify(PANEL.script))}: ${escaped(JSON.stringify(PANEL.scriptCommand))},\\r?\\n`,
      'm',
    ),
    '',
  );
}
