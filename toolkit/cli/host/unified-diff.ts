/**
 * A unified diff (`git apply` and `patch -p1` take it) of one file's text before and after `add`, with
 * three lines of context and the "\ No newline at end of file" mark where a side has no final newline.
 * Line diff by longest common subsequence: host manifests are a few hundred lines.
 */

interface Line {
  text: string;
  /** False for a last line with no newline after it. */
  eol: boolean;
}

function linesOf(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines = parts.map((t) => ({ text: t, eol: true }));
  if (last !== '') lines.push({ text: last, eol: false });
  return lines;
}

const same = (a: Line, b: Line): boolean => a.text === b.text && a.eol === b.eol;

type Op = { kind: ' ' | '-' | '+'; line: Line; oldIndex: number; newIndex: number };

function ops(a: Line[], b: Line[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] = same(a[i] as Line, b[j] as Line)
        ? (below[j + 1] as number) + 1
        : Math.max(below[j] as number, row[j + 1] as number);
  }
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i] as Line, b[j] as Line)) {
      out.push({ kind: ' ', line: a[i] as Line, oldIndex: i++, newIndex: j++ });
    } else if (j < m && (i === n || ((lcs[i] as Uint32Array)[j + 1] ?? 0) >= ((lcs[i + 1] as Uint32Array)[j] ?? 0))) {
      out.push({ kind: '+', line: b[j] as Line, oldIndex: i, newIndex: j++ });
    } else {
      out.push({ kind: '-', line: a[i] as Line, oldIndex: i++, newIndex: j });
    }
  }
  return out;
}

const CONTEXT = 3;

function range(start: number, count: number): string {
  // A hunk that adds to an empty side names the line before it (0 for the file's start).
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The diff of `file` (a path relative to the app, written as a/ and b/), or [] when nothing changed. */
export function unifiedDiff(file: string, before: string, after: string): string[] {
  const all = ops(linesOf(before), linesOf(after));
  const changed = all.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changed.length === 0) return [];
  const out = [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] as number;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] as number) - last <= 2 * CONTEXT) last = changed[++k] as number;
    k++;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(all.length - 1, last + CONTEXT);
    const hunk = all.slice(from, to + 1);
    const start = hunk[0] as Op;
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(start.oldIndex, oldCount)} +${range(start.newIndex, newCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line.text}`);
      if (!op.line.eol) out.push('\\ No newline at end of file');
    }
  }
  return out;
}
