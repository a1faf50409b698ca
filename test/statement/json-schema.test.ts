import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { JSON_SCHEMA_FILE, statementJsonSchemaText } from '../../toolkit/statement/json-schema';
import { POLICY_DIR } from '../../toolkit/cli/policy-files';
import { fixtureFiles, MODELS, replaceOnce } from './helpers';

const schemaText = readFileSync(join(POLICY_DIR, JSON_SCHEMA_FILE), 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(schemaText) as object);
const statementText = readFileSync(join(POLICY_DIR, 'statement.yml'), 'utf8');

describe('the JSON Schema of statement.yml', () => {
  it('is generated from the valibot schema and up to date (npm run policy:schema)', () => {
    expect(schemaText).toBe(statementJsonSchemaText());
  });

  it("is referenced from statement.yml's first line, for editors", () => {
    expect(statementText.split('\n')[0]).toBe(`# yaml-language-server: $schema=./${JSON_SCHEMA_FILE}`);
  });

  it('validates the default statement', () => {
    expect(validate(parse(statementText))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it.each(MODELS)('validates the %s fixture', (model) => {
    const valid = validate(parse(fixtureFiles(model).statementText ?? ''));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt field, naming it', () => {
    const misspelt = replaceOnce(statementText, '    vendorStaff: false', '    vendorStaf: false');
    expect(validate(parse(misspelt))).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/facts/access',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'vendorStaf' },
      }),
    );
  });

  it('rejects a value outside an enumeration and a guessed yes/no', () => {
    const wrong = replaceOnce(statementText, 'noSale: true', 'noSale: probably');
    expect(validate(parse(wrong))).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/facts/commitments/noSale')).toBe(true);
  });
});
