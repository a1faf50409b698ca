/**
 * Each stored record is defined once: one valibot schema, its type inferred from it, read leniently by
 * storage and strictly by the verifier. The sources are searched for what would define a record twice: a
 * hand-written interface or type beside a schema (same name, or the same fields), and a second `isRecord`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import * as storedShapes from '../../src/domain/storage/stored-shapes';
import * as receiptTypes from '../../src/domain/receipts/types';
import * as exportSchemas from '../../toolkit/export/schema';
import * as keptReceipts from '../../toolkit/export/kept-receipt-schema';
import * as lockSchemas from '../../toolkit/statement/lock-schema';
import { lenient } from '../../src/domain/storage/lenient-read';
import { SHAPES } from '../../src/domain/storage/stored-shapes';
import { KEY_FAMILIES } from '../../src/domain/storage/inventory';

const ROOT = resolve(__dirname, '../..');
const SCHEMA_FILES = [
  'src/domain/storage/stored-shapes.ts',
  'src/domain/receipts/types.ts',
  'toolkit/export/schema.ts',
  'toolkit/statement/lock-schema.ts',
  'toolkit/export/kept-receipt.ts',
  'toolkit/export/kept-receipt-schema.ts',
];
/** Interfaces in the schema modules that are not records: a decoder and a verifier problem. */
const NOT_RECORDS = new Set(['Shape', 'ShapeIssue']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
const ALL = ['src', 'toolkit', 'dev', 'scripts', 'static/admin/src', 'bin'].flatMap(sources);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Exported type aliases of a schema module: name → right-hand side. */
function exportedTypes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(/^export type (\w+)(?:<[^=]*>)? =\s*([\s\S]*?);$/gm))
    out.set(match[1]!, match[2]!.replace(/\s+/g, ' '));
  return out;
}

/** Hand-written object types in a source: interfaces and `type X = { … }`, with their top-level fields. */
function handWritten(text: string): { name: string; fields: string[] }[] {
  const out: { name: string; fields: string[] }[] = [];
  for (const match of text.matchAll(
    /^(?:export )?(?:interface (\w+)[^{\n]*|type (\w+)(?:<[^=]*>)? = )\{\n([\s\S]*?)^\}/gm,
  )) {
    const fields = [...match[3]!.matchAll(/^ {2}(?:readonly )?(\w+)\??:/gm)].map((field) => field[1]!);
    out.push({ name: (match[1] ?? match[2])!, fields: fields.sort() });
  }
  return out;
}

/**
 * Every record schema: the stored records, the receipt an admin keeps and the lock, with their field names. The export file's envelope
 * (toolkit/export/schema.ts) is left out: its statements and translations are checked by their hash, not by
 * a schema, so its types (toolkit/export/format.ts) say more than its schema does.
 */
function recordSchemas(): { name: string; fields: string[] }[] {
  const modules = [storedShapes, receiptTypes, keptReceipts, lockSchemas] as Record<string, unknown>[];
  const out: { name: string; fields: string[] }[] = [];
  for (const module of modules)
    for (const [name, value] of Object.entries(module)) {
      const schema = value as { kind?: string; entries?: Record<string, unknown> };
      if (schema?.kind === 'schema' && schema.entries) out.push({ name, fields: Object.keys(schema.entries).sort() });
    }
  return out;
}

describe('one schema per record', () => {
  it('every record type in the schema modules is inferred from its schema', () => {
    for (const file of SCHEMA_FILES) {
      const text = read(file);
      const interfaces = [...text.matchAll(/^export interface (\w+)/gm)].map((m) => m[1]!);
      expect({ file, interfaces: interfaces.filter((name) => !NOT_RECORDS.has(name)) }).toEqual({
        file,
        interfaces: [],
      });
      for (const [name, right] of exportedTypes(text)) {
        // Inferred, or built only from inferred types (Omit, a union member's field): never written out.
        const inferred = /^v\.InferOutput<typeof \w+>$/.test(right);
        const derived = !right.includes('{') && !/\b(?:string|number|boolean)\b/.test(right);
        expect({ file, name, right, ok: inferred || derived }).toEqual({ file, name, right, ok: true });
      }
    }
  });

  it('no hand-written type elsewhere repeats a record (by its name or by its fields)', () => {
    const inferredNames = new Set(SCHEMA_FILES.flatMap((file) => [...exportedTypes(read(file)).keys()]));
    const shapes = recordSchemas().filter((schema) => schema.fields.length >= 2);
    expect(shapes.length).toBeGreaterThan(15);
    const repeats: string[] = [];
    for (const file of ALL)
      for (const declared of handWritten(read(file))) {
        if (inferredNames.has(declared.name)) repeats.push(`${file}: ${declared.name} (a record's name)`);
        const same = shapes.find((schema) => schema.fields.join() === declared.fields.join());
        if (same) repeats.push(`${file}: ${declared.name} has the fields of ${same.name}`);
      }
    expect(repeats).toEqual([]);
  });

  it('the search finds a hand-written twin (a probe)', () => {
    const probe = 'export interface Marker {\n  seq: number;\n  receiptId: string;\n  at: string;\n}\n';
    const [found] = handWritten(probe);
    expect(found).toEqual({ name: 'Marker', fields: ['at', 'receiptId', 'seq'] });
    const complete = recordSchemas().find((schema) => schema.name === 'completeMarkerSchema');
    expect(complete?.fields).toEqual(found!.fields);
  });

  it('every key family is decoded by a schema of the schema modules', () => {
    expect(Object.keys(SHAPES).sort()).toEqual(Object.keys(KEY_FAMILIES).sort());
    const text = read('src/domain/storage/stored-shapes.ts');
    const block = /export const SHAPES = \{([\s\S]*?)\} as const;/.exec(text)![1]!;
    for (const line of block.split('\n').filter((l) => /^\s+\w+:/.test(l)))
      expect(line).toMatch(/^\s+\w+: shape\((?:v\.partial\()?\w+Schema\)?\),$/);
  });

  it('there is one isRecord, in src/domain/is-record.ts', () => {
    const guard = /value !== null && !Array\.isArray\(value\)/;
    const defining = ALL.filter((file) => guard.test(read(file)) || /function isRecord\b/.test(read(file)));
    expect(defining).toEqual(['src/domain/is-record.ts']);
  });

  it('valibot is the one validation library: no source imports zod, and package.json does not list it', () => {
    const zod = ALL.filter((file) => /from 'zod(?:\/[\w-]+)?'|require\('zod/.test(read(file)));
    expect(zod).toEqual([]);
    const manifest = JSON.parse(read('package.json')) as Record<string, Record<string, string> | undefined>;
    const listed = ['dependencies', 'devDependencies', 'peerDependencies'].filter((group) => manifest[group]?.['zod']);
    expect(listed).toEqual([]);
    expect(read('toolkit/statement/schema.ts')).toMatch(/from 'valibot'/);
  });
});

describe('one definition, two readings', () => {
  const receipt = {
    schema: receiptTypes.RECEIPT_SCHEMA,
    seq: 1,
    receiptId: 'r-1',
    kind: 'acknowledgment',
    method: 'admin-page-button',
    notice: { statementId: 's', version: 1, hash: 'a'.repeat(64), effectiveDate: '2026-01-01' },
    product: 'jira',
    installation: 'ari:cloud:jira::site/x',
    at: '2026-01-01T00:00:00.000Z',
    prevHash: '0'.repeat(64),
    hash: 'b'.repeat(64),
    subject: { commitment: 'c'.repeat(64), saltDigest: 'd'.repeat(64) },
  };
  const later = { receipt: { ...receipt, subject: { ...receipt.subject, scheme: 'v2' } }, accountId: 'acc' };

  it('storage keeps a field a later version adds; the verifier names it', () => {
    expect(SHAPES.receipt.parse(later)).toEqual({ ok: true, value: later });
    const strict = v.safeParse(receiptTypes.storedReceiptSchema, later);
    expect(strict.success).toBe(false);
    expect(exportSchemas.shapeIssues(strict.issues ?? [], 'receipts[0]')).toEqual([
      expect.objectContaining({ path: 'receipts[0].receipt.subject.scheme', code: 'PPV-JSON-UNKNOWN-FIELD' }),
    ]);
  });

  it('both readings keep every other rule: a receipt without its salt digest is refused by both', () => {
    const { saltDigest: _dropped, ...subject } = receipt.subject;
    const bare = { receipt: { ...receipt, subject }, accountId: 'acc' };
    expect(SHAPES.receipt.parse(bare)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^receipt\.subject\.saltDigest: /),
    });
    expect(v.safeParse(receiptTypes.storedReceiptSchema, bare).success).toBe(false);
    expect(v.safeParse(lenient(receiptTypes.storedReceiptSchema), bare).success).toBe(false);
  });
});
