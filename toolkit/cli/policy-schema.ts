/** `npm run policy:schema`: writes policy/statement.schema.json from the valibot schema (a test fails when it is stale). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_FILE, statementJsonSchemaText } from '../statement/json-schema';
import { REPO_ROOT } from './policy-files';

const file = join(REPO_ROOT, 'policy', JSON_SCHEMA_FILE);
writeFileSync(file, statementJsonSchemaText());
console.log(`wrote policy/${JSON_SCHEMA_FILE}`);
