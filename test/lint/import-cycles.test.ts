/**
 * `npm run lint` fails on an import cycle, type-only imports included (.dependency-cruiser.cjs). Two probe
 * folders are cruised with the house config: one whose modules reach each other only through `import type`
 * (the cycle ESLint's import plugins do not see), one without a cycle. Then the repository itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Cruise {
  code: number;
  output: string;
}

function cruise(cwd: string, folders: readonly string[]): Cruise {
  try {
    const output = execFileSync(DEPCRUISE, [...folders, '--config', CONFIG, '--output-type', 'err'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string };
    return { code: failed.status ?? -1, output: failed.stdout };
  }
}

function probe(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pp-cycles-'));
  writeFileSync(join(dir, 'tsconfig.dev.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('a cycle made only of type imports fails, naming both modules', () => {
  const dir = probe({
    'a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
    'b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  });
  made.push(dir);
  const result = cruise(dir, ['a.ts', 'b.ts']);
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('no-import-cycle');
  expect(result.output).toMatch(/a\.ts[\s\S]*b\.ts/);
});

test('modules that import one way only pass', () => {
  const dir = probe({
    'a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
    'b.ts': 'export interface B { n: number }\n',
  });
  made.push(dir);
  expect(cruise(dir, ['a.ts', 'b.ts'])).toEqual({
    code: 0,
    output: expect.stringContaining('no dependency violations'),
  });
});

test('the repository has no import cycle', () => {
  const result = cruise(ROOT, ['src', 'toolkit', 'dev', 'scripts', 'static/admin/src', 'test', 'bin']);
  expect(result.output).not.toContain('no-import-cycle');
  expect(result.code).toBe(0);
});
