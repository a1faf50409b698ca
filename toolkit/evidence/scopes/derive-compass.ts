/**
 * Derives `compass-graphql.json` from Atlassian's `@atlassian/forge-graphql-types` package: the types of the
 * Atlassian GraphQL API generated from its schema, where each field's documentation carries the schema's OAuth
 * scopes ("One of the following scopes will need to be present on OAuth requests to get data from this field",
 * then one `__scope__` per line). Kept: every type reachable from `Query.compass` and `Mutation.compass`, each
 * field with the type it returns and the scopes any one of which it needs (none listed: none needed there).
 *
 * Usage: npm pack @atlassian/forge-graphql-types@VERSION, unpack it, then
 *   tsx toolkit/evidence/scopes/derive-compass.ts PACKAGE_DIR   (writes toolkit/evidence/scopes/compass-graphql.json)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

type Fields = Record<string, [string, string[]]>;

/** `Maybe<Array<Maybe<CompassComponent>>>` → CompassComponent; scalars (`Scalars['ID']`) → null. */
function namedType(node: ts.TypeNode): string | null {
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if ((name === 'Maybe' || name === 'Array' || name === 'InputMaybe') && node.typeArguments?.[0])
      return namedType(node.typeArguments[0]);
    return name;
  }
  if (ts.isArrayTypeNode(node)) return namedType(node.elementType);
  return null;
}

function scopesOf(node: ts.Node, sf: ts.SourceFile): string[] {
  const doc = ts
    .getLeadingCommentRanges(sf.text, node.getFullStart())
    ?.map((r) => sf.text.slice(r.pos, r.end))
    .join('\n');
  const at = doc?.indexOf('following scopes will need') ?? -1;
  if (doc === undefined || at < 0) return [];
  const out: string[] = [];
  for (const line of doc.slice(at).split('\n').slice(1)) {
    const m = /^\s*\*\s*\*\s*__([a-z0-9:._-]+)__\s*$/i.exec(line);
    if (m?.[1]) out.push(m[1]);
    else if (out.length > 0 && !/^\s*\*\s*$/.test(line)) break;
  }
  return out;
}

interface Declared {
  objects: Map<string, Fields>;
  unions: Map<string, string[]>;
  /** Object types that extend another (`Payload & { … }`): [the type, its base]. */
  extend: [string, string][];
}

/** The object types (with their fields, an interface's included) and unions the file declares. */
function declaredTypes(sf: ts.SourceFile): Declared {
  const objects = new Map<string, Fields>();
  const unions = new Map<string, string[]>();
  const extend: [string, string][] = [];
  for (const st of sf.statements) {
    if (!ts.isTypeAliasDeclaration(st)) continue;
    const name = st.name.text;
    // An object type, or an interface's fields and its own (`Payload & { … }`).
    const parts = ts.isIntersectionTypeNode(st.type) ? st.type.types : [st.type];
    if (parts.some(ts.isTypeLiteralNode)) {
      const fields: Fields = {};
      for (const part of parts) {
        if (ts.isTypeReferenceNode(part)) extend.push([name, part.typeName.getText()]);
        if (!ts.isTypeLiteralNode(part)) continue;
        for (const m of part.members) {
          if (!ts.isPropertySignature(m) || !m.type || !ts.isIdentifier(m.name) || m.name.text === '__typename')
            continue;
          fields[m.name.text] = [namedType(m.type) ?? '', scopesOf(m, sf)];
        }
      }
      objects.set(name, fields);
    } else if (ts.isTypeReferenceNode(st.type) && !st.typeParameters) {
      unions.set(name, [st.type.typeName.getText()]); // a union of one member (`Format = FormatSuffix`)
    } else if (ts.isUnionTypeNode(st.type)) {
      const members = st.type.types.map((t) => (ts.isTypeReferenceNode(t) ? t.typeName.getText() : ''));
      if (members.every((m) => m !== '' && m !== 'null')) unions.set(name, members);
    }
  }
  for (const [name, base] of extend) objects.set(name, { ...objects.get(base), ...objects.get(name) });
  return { objects, unions, extend };
}

/** The types and unions reachable from `Query.compass` and `Mutation.compass`, fields trimmed to what the scanner needs. */
function reachable(
  { objects, unions, extend }: Declared,
  file: string,
): { types: Record<string, Fields>; unionsOut: Record<string, string[]> } {
  const types: Record<string, Fields> = {};
  const unionsOut: Record<string, string[]> = {};
  const queue: string[] = [];
  const reach = (t: string): void => {
    if (t === '' || t in types || t in unionsOut) return;
    const u = unions.get(t);
    if (u) {
      unionsOut[t] = u;
      u.forEach(reach);
      return;
    }
    const fields = objects.get(t);
    if (!fields) return;
    types[t] = fields;
    queue.push(t);
  };
  const roots: Record<string, string> = {};
  for (const root of ['Query', 'Mutation']) {
    const compass = objects.get(root)?.compass;
    if (!compass) throw new Error(`${root}.compass not found in ${file}`);
    roots[root === 'Query' ? 'query' : 'mutation'] = compass[0];
    types[root] = { compass };
    reach(compass[0]);
  }
  // Fields, and the types that implement an interface kept (`... on CompassEnumField` in a CompassField).
  for (let grew = true; grew;) {
    while (queue.length > 0) {
      const t = queue.shift() ?? '';
      for (const [ret] of Object.values(types[t] ?? {})) reach(ret);
    }
    for (const [name, base] of extend) if (base in types) reach(name);
    grew = queue.length > 0;
  }
  // Only what the scanner needs: a field's type when it is an object or union kept here, and its scopes.
  for (const fields of Object.values(types))
    for (const [name, [ret, scopes]] of Object.entries(fields))
      fields[name] = [ret in types || ret in unionsOut ? ret : '', scopes];
  return { types, unionsOut };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: derive-compass.ts PACKAGE_DIR (an unpacked @atlassian/forge-graphql-types)');
  const file = join(dir, 'dist', 'graphql-types.d.ts');
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const { types, unionsOut } = reachable(declaredTypes(sf), file);
  const out = join(__dirname, 'compass-graphql.json');
  const lines = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n');
  const derivedFrom = {
    package: `${pkg.name}@${pkg.version}`,
    file: 'dist/graphql-types.d.ts',
    sha256: createHash('sha256').update(text).digest('hex'),
  };
  const about =
    "Atlassian's GraphQL API under compass { … } (query and mutation), one type a line: each field as [the type it returns, when an object or union kept here, else '', the scopes any one of which it needs].";
  writeFileSync(
    out,
    `{\n  "derivedFrom": ${JSON.stringify(derivedFrom)},\n  "about": ${JSON.stringify(about)},\n  "types": {\n${lines(types)}\n  },\n  "unions": {\n${lines(unionsOut)}\n  }\n}\n`,
  );
  console.log(`${out}: ${Object.keys(types).length} types, ${Object.keys(unionsOut).length} unions`);
}

main();
