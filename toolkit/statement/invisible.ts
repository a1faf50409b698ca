/**
 * Characters that change what a reader sees without showing themselves: bidirectional overrides and
 * isolates (which reorder text on screen), zero-width characters and soft hyphens (which hide inside words:
 * "de\u00ADlete" reads as "delete" but matches no search for it) and Unicode tag characters
 * (U+E0000–U+E007F, which carry invisible ASCII, e.g. instructions for a machine reader). A statement
 * must read the same to every admin and in every diff, so `policy:check` refuses them. A byte-order mark
 * at the very start of a file is an encoding marker, not text, and is allowed there.
 */
import { problem, type StatementProblem } from './problems';

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

function nameOf(code: number): string {
  if (code >= 0xe0000 && code <= 0xe007f) return 'tag character';
  return NAMES[code] ?? 'invisible character';
}

/** One problem per line holding such characters, naming the first and counting the rest. */
export function invisibleCharacterProblems(text: string, file: string): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text; // same columns, BOM allowed
  body.split(/\r\n?|\n/).forEach((line, index) => {
    const found = [...line.matchAll(INVISIBLE)];
    const first = found[0];
    if (!first) return;
    const code = first[0].codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    const column = line.slice(0, first.index).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '.').length + 1; // in characters, not UTF-16 units
    const more = found.length > 1 ? ` (and ${found.length - 1} more on this line)` : '';
    problems.push(
      problem(
        file,
        index + 1,
        'invisible-character',
        `U+${hex} (${nameOf(code)}) at column ${column}${more}: it changes what a reader sees without showing; remove it`,
      ),
    );
  });
  return problems;
}
