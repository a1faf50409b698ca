/**
 * Issue 10 §4: statement text that would mislead a reader or stall the compiler. Compile times of these
 * inputs are printed by `npm run bench`; here only the output is checked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileSource } from '../../toolkit/statement/compile';
import { invisibleCharacterProblems } from '../../toolkit/statement/invisible';
import { normaliseMarkdown } from '../../toolkit/statement/normalise';
import { HEADING_ID_PREFIX } from '../../toolkit/statement/slug';
import { REPO_ROOT } from '../../toolkit/cli/policy-files';
import { parseFixture, sourceOf } from './helpers';

const headingIds = (markdown: string): string[] =>
  compileSource({ ...sourceOf('forge-cloud'), sections: [{ id: 'one', title: 'One', markdown }] }).sections.flatMap(
    (s) => s.blocks.flatMap((b) => (b.t === 'heading' ? [b.id] : [])),
  );

/** Every literal `id="…"` in the admin page's source and shell. */
function pageIds(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(tsx?|html)$/.test(name)) files.push(path);
    }
  };
  walk(join(REPO_ROOT, 'static', 'admin', 'src'));
  files.push(join(REPO_ROOT, 'static', 'admin', 'index.html'));
  return [
    ...new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bid=["']([^"']+)["']/g)].map((m) => m[1]!))),
  ];
}

describe('heading ids never take the page’s own ids', () => {
  it('the page has ids to protect (sanity)', () => {
    expect(pageIds()).toEqual(expect.arrayContaining(['app', 'status', 'acknowledge']));
  });

  it('a heading named after each of the page’s ids (and `export`) gets a namespaced id', () => {
    const names = [...pageIds(), 'export', 'section-overview'];
    const ids = headingIds(names.map((n) => `## ${n}\n`).join('\n'));
    expect(ids).toHaveLength(names.length);
    for (const id of ids) expect(id.startsWith(HEADING_ID_PREFIX)).toBe(true);
    expect(ids.filter((id) => pageIds().includes(id) || id.startsWith('section-'))).toEqual([]);
    expect(ids).toContain('s-export');
  });

  it('stays out of the section anchors’ namespace and the page never uses the prefix', () => {
    expect(pageIds().filter((id) => id.startsWith(HEADING_ID_PREFIX))).toEqual([]);
    expect('section-x'.startsWith(HEADING_ID_PREFIX)).toBe(false);
  });

  it('does not change the hash of a published version (ids are compiled, the hash is over the source)', () => {
    const source = sourceOf('forge-cloud');
    expect(compileSource(source).hash).toBe(compileSource(structuredClone(source)).hash);
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'policy', 'published.lock.json'), 'utf8')) as {
      versions: { version: number; hash: string }[];
    };
    const v1 = JSON.parse(readFileSync(join(REPO_ROOT, 'policy', 'versions', 'v1.json'), 'utf8')) as Parameters<
      typeof compileSource
    >[0];
    expect(compileSource(v1).hash).toBe(lock.versions.find((v) => v.version === 1)!.hash);
  });
});

describe('pathological statements compile in linear time, with the right output', () => {
  it('a 160 KB run of spaces before text, and one ending a line', () => {
    const run = ' '.repeat(160 * 1024);
    expect(normaliseMarkdown(`${run}x`)).toBe(`${run}x\n`);
    expect(normaliseMarkdown(`a${run}\n${run}\tb \t\n\n`)).toBe('a\n' + `${run}\tb\n`);
    expect(normaliseMarkdown(run)).toBe('');
  });

  it('16,000 identical headings get 16,000 distinct ids in order', () => {
    const ids = headingIds('## Same\n\n'.repeat(16_000));
    expect(ids).toHaveLength(16_000);
    expect(new Set(ids).size).toBe(16_000);
    expect(ids.slice(0, 3)).toEqual(['s-same', 's-same-2', 's-same-3']);
    expect(ids[15_999]).toBe('s-same-16000');
  });

  it('a heading that looks like a suffixed one does not collide', () => {
    expect(headingIds('## Same\n\n## Same 2\n\n## Same\n\n## Same\n')).toEqual([
      's-same',
      's-same-2',
      's-same-3',
      's-same-4',
    ]);
  });
});

describe('invisible characters', () => {
  it('each kind is refused with its line, column and name', () => {
    const all = [
      ...Array.from({ length: 5 }, (_, i) => 0x200b + i),
      ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
      ...Array.from({ length: 5 }, (_, i) => 0x2060 + i),
      ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
      0xfeff,
    ];
    for (const code of all) {
      const problems = invisibleCharacterProblems(`ok\nab${String.fromCharCode(code)}c\n`, 'f.md');
      expect(problems).toEqual([
        {
          file: 'f.md',
          line: 2,
          rule: 'invisible-character',
          message: expect.stringMatching(new RegExp(`^U\\+${code.toString(16).toUpperCase()} \\(.+\\) at column 3:`)),
        },
      ]);
    }
  });

  it('a soft hyphen and each Unicode tag character are refused with their line and column in characters', () => {
    expect(invisibleCharacterProblems('ok\nde\u00ADlete\n', 'f.md')).toEqual([
      {
        file: 'f.md',
        line: 2,
        rule: 'invisible-character',
        message: expect.stringMatching(/^U\+00AD \(soft hyphen\) at column 3:/),
      },
    ]);
    for (const code of [0xe0000, 0xe0001, 0xe0020, 0xe0041, 0xe007f]) {
      // an astral character before it counts as one column, as a reader sees it
      const problems = invisibleCharacterProblems(`ok\n😀a${String.fromCodePoint(code)}b\n`, 'f.md');
      expect(problems).toEqual([
        {
          file: 'f.md',
          line: 2,
          rule: 'invisible-character',
          message: expect.stringMatching(
            new RegExp(`^U\\+${code.toString(16).toUpperCase()} \\(tag character\\) at column 3:`),
          ),
        },
      ]);
    }
    const hidden = 'ignore this'.replace(/./g, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)));
    expect(invisibleCharacterProblems(`a${hidden}\n`, 'f.md')[0]?.message).toMatch(/and 10 more on this line/);
    expect(invisibleCharacterProblems('U+E0041 written out, \u{E007F}'.slice(0, 21), 'f.md')).toEqual([]);
  });

  it('policy:check refuses a soft hyphen in a section and a tag character in statement.yml, with file and line', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (t) => t.replace('name: Brightmoor cloud apps', 'name: "Brightmoor cloud apps\u{E0049}"'),
    });
    expect(parsed.source).toBeUndefined();
    expect(parsed.problems.map((p) => p.rule)).toEqual(['invisible-character']);
    expect(parsed.problems[0]?.file).toMatch(/statement\.yml$/);
    expect(parsed.problems[0]?.line).toBeGreaterThan(1);
  });

  it('a leading byte-order mark and ordinary non-ASCII text are fine', () => {
    expect(invisibleCharacterProblems('\uFEFFid: x\nnom: Zoë — « ok » 日本\n', 'f.yml')).toEqual([]);
  });

  it('policy:check refuses a statement that hides one, and compiles nothing', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (t) => t.replace('name: Brightmoor cloud apps', 'name: "Brightmoor cloud apps\u2067"'),
    });
    expect(parsed.source).toBeUndefined();
    expect(parsed.problems.map((p) => p.rule)).toEqual(['invisible-character']);
  });
});
