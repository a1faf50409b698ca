/**
 * The JSON Schema of policy/statement.yml, generated from the one zod schema (schema.ts) so editors
 * complete field names and flag mistakes as the vendor types. The rules zod checks in code (placeholders,
 * facts that contradict each other, the lock) are not in it: `npm run policy:check` has the last word.
 */
import { z } from 'zod';
import { statementFileSchema } from './schema';

export const JSON_SCHEMA_FILE = 'statement.schema.json';

/** The schema object, with a title and the link back to the documentation. */
export function statementJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(statementFileSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...generated,
    title: 'Privacy Panel data-handling statement (policy/statement.yml)',
    description:
      'Generated from toolkit/statement/schema.ts by `npm run policy:schema`; every field is documented in policy/README.md.',
  };
}

/** The file's text: stable, pretty-printed, one final newline. */
export function statementJsonSchemaText(): string {
  return `${JSON.stringify(statementJsonSchema(), null, 2)}\n`;
}
