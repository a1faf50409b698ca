/**
 * The one line `add` puts in a host's package.json (the `build:privacy-panel` script), spliced into the
 * text so the rest of the file keeps every byte; `remove` takes out exactly that line.
 */
import { PANEL } from './keys';

export interface TextSplice {
  start: number;
  end: number;
  text: string;
}

function scriptLine(indent: string): string {
  return `${indent}${JSON.stringify(PANEL.script)}: ${JSON.stringify(PANEL.scriptCommand)},\n`;
}

/** Inserts the script as the first entry of a multi-line `"scripts"` object; null when there is none. */
export function scriptSplice(text: string): TextSplice | null {
  const open = /^([ \t]*)"scripts"\s*:\s*\{[ \t]*\r?\n/m.exec(text);
  if (!open) return null;
  const at = open.index + open[0].length;
  const next = /^([ \t]*)"/m.exec(text.slice(at));
  if (!next || text.slice(at, at + next.index).trim() !== '') return null;
  if (text.includes(`"${PANEL.script}"`)) return null;
  return { start: at, end: at, text: scriptLine(next[1] ?? '  ') };
}

/** package.json without the line `add` put in; unchanged when it is not there. */
export function removeScript(text: string): string {
  return text.replace(
    new RegExp(
      `^[ \\t]*${JSON.stringify(PANEL.script).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}: ${JSON.stringify(PANEL.scriptCommand)},\\r?\\n`,
      'm',
    ),
    '',
  );
}
