/**
 * The README's layout table and docs/contributing.md name only paths that exist. A backticked path is read from
 * the repository's root; in the layout table, a path may also be read from the folder its row is about
 * (`guard.ts` in the `src/resolvers/` row). Patterns (`<locale>`, `*`) and non-paths (`npm run build`) are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** What a backticked token must look like to be taken for a path: a folder, or a file with an extension. */
const PATH = /^(?:[\w.-]+\/)*[\w.-]+(?:\/|\.[a-z]{1,5})$/;
const NOT_A_PATH = /[<>*{}\s()]|^@|^\.\.?\//;

function paths(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)]
    .map((m) => m[1] ?? '')
    .filter((token) => !NOT_A_PATH.test(token) && PATH.test(token) && (token.includes('/') || /\.\w+$/.test(token)));
}

const exists = (path: string): boolean => existsSync(join(ROOT, path));

/** The rows of the README's table under "| Folder | What it holds |". */
function layoutRows(readme: string): { folders: string[]; text: string }[] {
  const start = readme.indexOf('| Folder | What it holds |');
  if (start < 0) throw new Error('README.md: the layout table ("| Folder | What it holds |") is missing');
  const rows: { folders: string[]; text: string }[] = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [, first = '', ...rest] = line.split('|');
    rows.push({ folders: paths(first).filter((p) => p.endsWith('/')), text: `${first}|${rest.join('|')}` });
  }
  return rows;
}

test('every path the README layout table names exists', () => {
  const rows = layoutRows(read('README.md'));
  expect(rows.length).toBeGreaterThan(10);
  const missing = rows.flatMap(({ folders, text }) =>
    paths(text).filter((path) => !exists(path) && !folders.some((folder) => exists(join(folder, path)))),
  );
  expect(missing).toEqual([]);
});

test('every path docs/contributing.md names exists', () => {
  const named = paths(read('docs/contributing.md'));
  expect(named.length).toBeGreaterThan(50);
  expect(named.filter((path) => !exists(path))).toEqual([]);
});

test('a path that does not exist is found', () => {
  expect(paths('see `src/domain/nowhere.ts` and `npm run build`').filter((path) => !exists(path))).toEqual([
    'src/domain/nowhere.ts',
  ]);
});
