/**
 * No function over 80 lines outside the tests (eslint.function-length.cjs): an 81-line probe fails where the
 * rule applies, an 80-line one passes, a disable comment needs a reason, and every one in the tree gives one.
 */
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule lives in a CommonJS file shared with eslint.config.mjs
const functionLength = require('../../eslint.function-length.cjs') as ESLint.Options['overrideConfig'];

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, functionLength ?? []].flat(),
});

/** A function of `lines` counted lines, with a comment and a blank line that do not count. */
function probe(lines: number, before = ''): string {
  const body = Array.from({ length: lines - 4 }, (_, i) => `  total += ${i};`).join('\n');
  return `${before}export function probe(): number {\n  // a comment\n\n  let total = 0;\n${body}\n  return total;\n}\n`;
}

async function tooLong(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages.map((m) => m.ruleId ?? m.message);
}

test.each([
  'src/domain/probe.ts',
  'toolkit/cli/probe.ts',
  'dev/preview/probe.ts',
  'scripts/probe.ts',
  'static/admin/src/probe.ts',
])('%s: 81 lines fail, 80 pass', async (file) => {
  expect(await tooLong(file, probe(81))).toEqual(['max-lines-per-function']);
  expect(await tooLong(file, probe(80))).toEqual([]);
});

test('a test may be long', async () => {
  expect(await tooLong('test/probe.test.ts', probe(200))).toEqual([]);
});

test('a disable comment on the line above lets a long function stay', async () => {
  const reason = '// eslint-disable-next-line max-lines-per-function -- one table, read top to bottom\n';
  expect(await tooLong('toolkit/cli/probe.ts', probe(200, reason))).toEqual([]);
});

test('every disable comment for the rule in the tree gives a reason', () => {
  const files = execFileSync('git', ['grep', '-l', 'max-lines-per-function', '--', '*.ts', '*.tsx'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && !file.startsWith('test/'));
  const bare = files.flatMap((file) =>
    readFileSync(resolve(ROOT, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, where: `${file}:${i + 1}` }))
      .filter(({ line }) => /eslint-disable(-next-line)?\s+max-lines-per-function/.test(line))
      .filter(({ line }) => !/max-lines-per-function\s+--\s+\S/.test(line))
      .map(({ where }) => where),
  );
  // No disable is left outside tests today; one added later must give its reason.
  expect(bare).toEqual([]);
});
