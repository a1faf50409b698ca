/** Line numbers of YAML nodes, by path, so problems point at the line a vendor has to fix. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type Path = readonly PropertyKey[];

export interface ParsedYaml {
  /** The plain JavaScript value; `undefined` when the text had syntax errors. */
  value: unknown;
  errors: { line: number; message: string }[];
  locate: YamlLocator;
}

export class YamlLocator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  /**
   * The 1-based line of the node at `path` (or of its key, with `key`). When the path does not exist (a
   * missing field) it is the line of the deepest ancestor that does.
   */
  line(path: Path, options: { key?: boolean } = {}): number {
    let node: unknown = this.doc?.contents ?? null;
    let keyNode: unknown;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = undefined;
        node = node.items[segment];
      } else {
        break;
      }
    }
    const target = (options.key && keyNode ? keyNode : node) as Node | null;
    const offset = target && 'range' in target && target.range ? target.range[0] : 0;
    return this.lines.linePos(offset).line;
  }
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = new YamlLocator(doc, lines);
  if (doc.errors.length > 0) {
    return {
      value: undefined,
      errors: doc.errors.map((e) => ({
        line: lines.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? e.message,
      })),
      locate,
    };
  }
  return { value: doc.toJS({ maxAliasCount: 50 }) as unknown, errors: [], locate };
}
