/**
 * The JSON Schema of policy/statement.yml, generated from the one valibot schema (schema.ts) by
 * @valibot/to-json-schema, so editors complete field names and flag mistakes as the vendor types. The rules
 * checked in code (each `check` of schema-parts.ts: kebab-case ids, dates, emails, URLs, placeholders, facts
 * that contradict each other, the lock) are not in it: `npm run policy:check` has the last word. A
 * development module (`npm run policy:schema`, its test): the CLI only needs the file's name (policy.ts).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { statementFileSchema } from './schema';
export { JSON_SCHEMA_FILE } from './policy';

/** The schema object, with a title and the link back to the documentation. */
export function statementJsonSchema(): Record<string, unknown> {
  // `check` holds code, not JSON Schema; a transform (a purpose's final full stop) is past the input type.
  const generated = toJsonSchema(statementFileSchema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    ignoreActions: ['check'],
  });
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
