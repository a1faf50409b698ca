/**
 * The lenient reading of a record schema: the same schema with every strict object loose, so a field a
 * later version adds survives a read and a rewrite. Storage reads this way (stored-shapes.ts); the verifier reads
 * exports with the strict schema itself. One definition, two readings.
 */
import * as v from 'valibot';

type Schema = v.GenericSchema;
interface Parts {
  type: string;
  pipe?: unknown;
  entries?: v.ObjectEntries;
  options?: Schema[];
  key?: string;
  wrapped?: Schema;
  item?: Schema;
}

function loosen(schema: Schema): Schema {
  const parts = schema as unknown as Parts;
  // A pipe carries checks on a leaf value; objects and lists here have none, so it is left as written.
  if (parts.pipe !== undefined) return schema;
  switch (parts.type) {
    case 'strict_object':
    case 'object':
    case 'loose_object': {
      const entries: v.ObjectEntries = {};
      for (const [name, entry] of Object.entries(parts.entries ?? {})) entries[name] = loosen(entry);
      return v.looseObject(entries);
    }
    case 'variant':
      return v.variant(parts.key ?? '', (parts.options ?? []).map(loosen) as never);
    case 'union':
      return v.union((parts.options ?? []).map(loosen));
    case 'optional':
      return v.optional(loosen(parts.wrapped as Schema));
    case 'nullable':
      return v.nullable(loosen(parts.wrapped as Schema));
    case 'array':
      return v.array(loosen(parts.item as Schema));
    default:
      return schema;
  }
}

/** `schema` read leniently: unknown fields are kept, every other rule holds. Typed as the record itself. */
export function lenient<S extends Schema>(schema: S): v.GenericSchema<unknown, v.InferOutput<S>> {
  return loosen(schema);
}
