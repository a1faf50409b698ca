/**
 * Edits a host's manifest.yml as text, located through the `yaml` Document API: every change is whole
 * lines spliced in between `# privacy-panel:begin <id>` and `# privacy-panel:end <id>` comments, so the
 * rest of the file (comments, order, quoting, blank lines) keeps every byte, and `remove` cuts exactly
 * those lines back out. A flow collection that must grow (`scopes: []`) is replaced by a block one, with
 * the original lines kept inside the block as `# privacy-panel:was` comments for `remove` to restore.
 */
import YAML, { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { EXIT, ToolkitError } from '../../errors';

export const MARKER = '# privacy-panel:';
const BEGIN = /^([ \t]*)# privacy-panel:begin (\S+)( joined)?[ \t]*$/;
/** On a begin line: `add` put a newline before the block, after a last line that had none. */
const JOINED = ' joined';
const WAS = /^[ \t]*# privacy-panel:was (.*)$/;

/** manifest.yml is valid YAML but not in a shape the panel's blocks can be spliced into. */
export class ManifestShapeError extends ToolkitError {
  readonly code = 'PP-MANIFEST-SHAPE';
  readonly exitCode = EXIT.findings;
}

/** One splice: replace [start, end) (whole lines; empty for an insertion) with `text` (whole lines). */
export interface Splice {
  id: string;
  start: number;
  end: number;
  text: string;
  /** Items appended to a list come before keys added to the map that holds it, when both land on one line. */
  kind: 'items' | 'key' | 'replace';
}

export type Path = readonly (string | number)[];

export function parseManifest(text: string): Document {
  return YAML.parseDocument(text, { keepSourceTokens: false });
}

export function hasMarkers(text: string): boolean {
  return text.split('\n').some((line) => BEGIN.test(line));
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The offset just after the line holding the character before `pos` (pos itself if it starts a line). */
function lineEndAfter(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

function rangeOf(node: Node | null | undefined, what: string): [number, number, number] {
  if (!node?.range) throw new ManifestShapeError(`${what} has no position in manifest.yml`);
  return node.range;
}

/** The column of the `-` of a block sequence's first item. */
function dashColumn(text: string, seq: YAMLSeq): number {
  const first = seq.items[0] as Node | undefined;
  const [start] = rangeOf(first, 'a list item');
  let i = start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (text[i] !== '-') throw new ManifestShapeError('a list item is not in block style');
  return column(text, i);
}

/** Spaces per nesting level, and whether lists sit indented under their key, as the host writes them. */
export interface Style {
  unit: number;
  indentSeq: boolean;
}

export function detectStyle(text: string, doc: Document): Style {
  const modules = doc.get('modules', true);
  let unit = 2;
  if (isMap(modules) && modules.items[0])
    unit = Math.max(1, column(text, rangeOf(modules.items[0].key as Node, 'modules')[0]));
  let indentSeq = true;
  if (isMap(modules)) {
    for (const pair of modules.items) {
      if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
        indentSeq = dashColumn(text, pair.value) > column(text, rangeOf(pair.key as Node, 'a module type')[0]);
        break;
      }
    }
  }
  return { unit, indentSeq };
}

function indentLines(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .filter((line, i, all) => !(i === all.length - 1 && line === ''))
    .map((line) => (line === '' ? '' : `${pad}${line}`))
    .join('\n');
}

function stringify(value: unknown, style: Style): string {
  return YAML.stringify(value, { indent: style.unit, indentSeq: style.indentSeq, lineWidth: 0 });
}

function wrap(id: string, indent: number, body: string, was = '', joined = false): string {
  const pad = ' '.repeat(indent);
  const kept = was
    ? `${was
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => `${pad}${MARKER}was ${line}`)
        .join('\n')}\n`
    : '';
  return `${pad}${MARKER}begin ${id}${joined ? JOINED : ''}\n${kept}${body}\n${pad}${MARKER}end ${id}\n`;
}

function lastPair(map: YAMLMap): Pair | undefined {
  return map.items[map.items.length - 1];
}

/** The end (a line start) of a map's or sequence's last entry. */
function collectionEnd(text: string, node: YAMLMap | YAMLSeq, what: string): number {
  if (isMap(node)) {
    const last = lastPair(node);
    const end = last?.value ? rangeOf(last.value as Node, what)[1] : rangeOf(last?.key as Node, what)[1];
    return lineEndAfter(text, end);
  }
  const item = node.items[node.items.length - 1] as Node | undefined;
  return lineEndAfter(text, rangeOf(item, what)[1]);
}

function ensureTrailingNewline(text: string, at: number): string {
  return at === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
}

/**
 * Appends `items` to the list at `path`, creating the list (under the nearest existing map) when missing.
 * `id` names the block for `remove`.
 */
export function appendToList(
  text: string,
  doc: Document,
  path: Path,
  items: readonly unknown[],
  id: string,
  style: Style,
): Splice {
  const where = path.join('.');
  const node = doc.getIn(path, true);
  if (isSeq(node) && !node.flow && node.items.length > 0) {
    const indent = dashColumn(text, node);
    const at = collectionEnd(text, node, where);
    const body = indentLines(stringify(items, style), indent);
    const nl = ensureTrailingNewline(text, at);
    return { id, start: at, end: at, text: nl + wrap(id, indent, body, '', nl !== ''), kind: 'items' };
  }
  if (node !== undefined && !(isSeq(node) || (isScalar(node) && (node.value === null || node.value === '')))) {
    throw new ManifestShapeError(`${where} in manifest.yml must be a list`);
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (node !== undefined) {
    // An empty or flow list: replace its key's lines with a block list holding the old items and ours.
    const pair = (parent as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key) as Pair;
    const [keyStart] = rangeOf(pair.key as Node | null, where);
    const start = lineStart(text, keyStart);
    const end = lineEndAfter(text, rangeOf(node, where)[1]);
    if (text.slice(start, end).includes('#'))
      throw new ManifestShapeError(
        `${where} in manifest.yml: write it as a block list (one "- item" per line), then run add again`,
      );
    const old = isSeq(node) ? node.toJSON() : [];
    const indent = column(text, keyStart);
    const body = indentLines(stringify({ [String(key)]: [...old, ...items] }, style), indent);
    return { id, start, end, text: wrap(id, indent, body, text.slice(start, end)), kind: 'replace' };
  }
  return addKey(text, doc, parentPath, String(key), items, id, style);
}

/** Adds `key: value` as the last entry of the map at `path` (the document root for []), creating maps on the way. */
export function addKey(
  text: string,
  doc: Document,
  path: Path,
  key: string,
  value: unknown,
  id: string,
  style: Style,
): Splice {
  const where = path.length === 0 ? 'the top level' : path.join('.');
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (node === undefined || (isScalar(node) && node.value === null)) {
    if (path.length === 0) throw new ManifestShapeError('manifest.yml is empty');
    return addKey(text, doc, path.slice(0, -1), String(path[path.length - 1]), { [key]: value }, id, style);
  }
  if (!isMap(node) || node.flow) throw new ManifestShapeError(`${where} in manifest.yml must be a block mapping`);
  const first = node.items[0];
  const indent = first ? column(text, rangeOf(first.key as Node, where)[0]) : 0;
  const at = first ? collectionEnd(text, node, where) : text.length;
  const body = indentLines(stringify({ [key]: value }, style), indent);
  const nl = ensureTrailingNewline(text, at);
  return { id, start: at, end: at, text: nl + wrap(id, indent, body, '', nl !== ''), kind: 'key' };
}

/** A splice's edit on the manifest's data: `items` appended to the list at `path`, or `value` set there. */
export type ManifestEdit = { path: Path; items: readonly unknown[] } | { path: Path; value: unknown };

const isMapValue = (v: unknown): v is Record<string | number, unknown> => typeof v === 'object' && v !== null;

/**
 * The manifest's data after `edits`, as parsing the spliced text would give it: the splices and these edits
 * are made together (plan.ts), so what `add` builds after needs no second parse. `manifest` is not changed.
 */
export function editedManifest(
  manifest: Record<string, unknown>,
  edits: readonly ManifestEdit[],
): Record<string, unknown> {
  const out = structuredClone(manifest);
  for (const edit of edits) {
    let at: Record<string | number, unknown> = out;
    for (const step of edit.path.slice(0, -1)) {
      const next = at[step];
      at = isMapValue(next) ? next : (at[step] = {});
    }
    const last = edit.path[edit.path.length - 1] ?? '';
    if ('value' in edit) at[last] = structuredClone(edit.value);
    else {
      const list: unknown = at[last];
      const items: readonly unknown[] = structuredClone(edit.items);
      at[last] = [...(Array.isArray(list) ? (list as unknown[]) : []), ...items];
    }
  }
  return out;
}

const KIND_ORDER = { replace: 0, items: 1, key: 2 } as const;

/**
 * Applies splices (non-overlapping) from the end backwards, so earlier offsets stay valid. Insertions at
 * one offset go in kind order (list items before new keys), then in the order given.
 */
export function applySplices(
  text: string,
  splices: readonly Pick<Splice, 'start' | 'end' | 'text' | 'kind'>[],
): string {
  let out = text;
  for (const s of inFileOrder(splices).reverse()) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Splices in the order their text appears in the result. */
export function inFileOrder<T extends Pick<Splice, 'start' | 'kind'>>(splices: readonly T[]): T[] {
  return splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || KIND_ORDER[a.s.kind] - KIND_ORDER[b.s.kind] || a.i - b.i)
    .map(({ s }) => s);
}

/** Takes every begin/end block back out, restoring `was` lines: the manifest as it was before `add`. */
export function removeBlocks(text: string): { text: string; ids: string[] } {
  const lines = text.split('\n');
  const out: string[] = [];
  const ids: string[] = [];
  let joined = false;
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i] ?? '');
    if (!begin) {
      out.push(lines[i] ?? '');
      continue;
    }
    const id = begin[2] ?? '';
    if (begin[3]) joined = true;
    const end = lines.findIndex((line, j) => j > i && line.trim() === `${MARKER}end ${id}`);
    if (end < 0) throw new ManifestShapeError(`manifest.yml: "${MARKER}begin ${id}" has no matching end line`);
    for (const line of lines.slice(i + 1, end)) {
      const was = WAS.exec(line);
      if (was) out.push(was[1] ?? '');
    }
    ids.push(id);
    i = end;
  }
  // The manifest had no final newline: add gave it one before its block at the end; take it back.
  if (joined && out.length > 1 && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n'), ids };
}
