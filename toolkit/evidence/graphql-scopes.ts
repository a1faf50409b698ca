/**
 * The scopes a GraphQL document sent to Atlassian's GraphQL API needs, read field by field against the schema's
 * own OAuth scopes (scopes/compass-graphql.json, derived from @atlassian/forge-graphql-types). Covers what is
 * under `compass { … }`; anything else, a field the facts do not have, or a document that cannot be read
 * statically is unknown (null), never "needs nothing". Pure.
 */
import compass from './scopes/compass-graphql.json';
import { PLACEHOLDER } from './route-scopes';
import { ownValue } from '../../src/domain/is-record';

type Fields = Readonly<Record<string, readonly [string, readonly string[]]>>;
const TYPES = compass.types as unknown as Readonly<Record<string, Fields>>;
const UNIONS = compass.unions as unknown as Readonly<Record<string, readonly string[]>>;

const TOKEN =
  /\s+|,|#[^\n]*|"""[\s\S]*?"""|"(?:\\.|[^"\\])*"|\.\.\.|[_A-Za-z][_0-9A-Za-z]*|-?\d[\d.eE+-]*|[{}()[\]:@$=!|&]/y;

function tokens(text: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return null;
    const t = m[0];
    if (!/^(\s|,|#)/.test(t)) out.push(t);
  }
  return out;
}

class Unknown extends Error {}

interface Selection {
  /** `field`, or `... on Type` / `...Fragment`. */
  kind: 'field' | 'inline' | 'spread';
  name: string;
  children: Selection[] | null;
}

class Parser {
  private i = 0;
  readonly operations: { root: string; selections: Selection[] }[] = [];
  readonly fragments = new Map<string, { on: string; selections: Selection[] }>();

  constructor(private readonly t: string[]) {}

  private peek(): string | undefined {
    return this.t[this.i];
  }

  private next(): string {
    const x = this.t[this.i++];
    if (x === undefined) throw new Unknown('end of document');
    return x;
  }

  private expect(x: string): void {
    if (this.next() !== x) throw new Unknown(`expected ${x}`);
  }

  /** Skips a balanced `( … )` or `[ … ]`, e.g. arguments and variable definitions. */
  private skipGroup(): void {
    let depth = 0;
    do {
      const x = this.next();
      if (x === '(' || x === '[' || x === '{') depth++;
      if (x === ')' || x === ']' || x === '}') depth--;
    } while (depth > 0);
  }

  private directives(): void {
    while (this.peek() === '@') {
      this.next();
      this.next();
      if (this.peek() === '(') this.skipGroup();
    }
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const out: Selection[] = [];
    while (this.peek() !== '}') {
      if (this.peek() === '...') {
        this.next();
        if (this.peek() === 'on') {
          this.next();
          const on = this.next();
          this.directives();
          out.push({ kind: 'inline', name: on, children: this.selectionSet() });
        } else if (this.peek() === '{' || this.peek() === '@') {
          this.directives();
          out.push({ kind: 'inline', name: '', children: this.selectionSet() });
        } else {
          out.push({ kind: 'spread', name: this.next(), children: null });
          this.directives();
        }
        continue;
      }
      let name = this.next();
      if (this.peek() === ':') {
        this.next();
        name = this.next();
      }
      if (this.peek() === '(') this.skipGroup();
      this.directives();
      out.push({ kind: 'field', name, children: this.peek() === '{' ? this.selectionSet() : null });
    }
    this.next();
    return out;
  }

  parse(): this {
    while (this.peek() !== undefined) {
      const head = this.peek();
      if (head === '{') {
        this.operations.push({ root: 'Query', selections: this.selectionSet() });
      } else if (head === 'query' || head === 'mutation' || head === 'subscription') {
        this.next();
        while (this.peek() !== '{') {
          if (this.peek() === '(') this.skipGroup();
          else if (this.peek() === '@') this.directives();
          else this.next();
        }
        const root = head === 'query' ? 'Query' : head === 'mutation' ? 'Mutation' : 'Subscription';
        this.operations.push({ root, selections: this.selectionSet() });
      } else if (head === 'fragment') {
        this.next();
        const name = this.next();
        this.expect('on');
        const on = this.next();
        this.directives();
        this.fragments.set(name, { on, selections: this.selectionSet() });
      } else throw new Unknown(`unexpected ${head}`);
    }
    return this;
  }
}

/**
 * For each field of the document that the schema gives scopes: the scopes any one of which it needs. Null when
 * the document cannot be read, or reaches a type or field the facts do not have.
 */
export function graphqlFieldScopes(document: string): string[][] | null {
  if (document.includes(PLACEHOLDER)) return null;
  const t = tokens(document);
  if (t === null) return null;
  const found = new Map<string, string[]>();
  try {
    const doc = new Parser(t).parse();
    const walk = (type: string, selections: readonly Selection[], depth: number): void => {
      if (depth > 40) throw new Unknown('too deep');
      const members = ownValue(UNIONS, type);
      for (const s of selections) {
        if (s.kind === 'spread') {
          const f = doc.fragments.get(s.name);
          if (!f) throw new Unknown(`fragment ${s.name}`);
          walk(f.on, f.selections, depth + 1);
        } else if (s.kind === 'inline') walk(s.name === '' ? type : s.name, s.children ?? [], depth + 1);
        else if (s.name !== '__typename') {
          if (members) throw new Unknown(`${s.name} on union ${type}`);
          const fields = ownValue(TYPES, type);
          const field = fields === undefined ? undefined : ownValue(fields, s.name);
          if (!field) throw new Unknown(`${type}.${s.name}`);
          const [ret, scopes] = field;
          if (scopes.length > 0) found.set([...scopes].sort().join(' '), [...scopes]);
          if (s.children) {
            if (ret === '') throw new Unknown(`${type}.${s.name} type`);
            walk(ret, s.children, depth + 1);
          }
        }
      }
    };
    if (doc.operations.length === 0) return null;
    for (const op of doc.operations) walk(op.root, op.selections, 0);
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
  return [...found.values()];
}
