import fc from 'fast-check';
import { compileSource } from '../../toolkit/statement/compile';
import { markdownToBlocks } from '../../toolkit/statement/markdown';
import { allNodes, sourceOf } from './helpers';
import type { Block, Inline } from '../../src/domain/statement/types';

const BLOCK_TYPES = new Set(['heading', 'paragraph', 'list', 'table', 'quote', 'code']);
const INLINE_TYPES = new Set(['text', 'code', 'em', 'strong', 'link', 'br']);
const SAFE_HREF = /^(https?:|mailto:)/i;

/** Every node is a known type with only known keys; every link is http(s) or mailto. */
function assertSafe(blocks: readonly Block[]): void {
  const keys: Record<string, string[]> = {
    heading: ['t', 'level', 'id', 'c'],
    paragraph: ['t', 'c'],
    list: ['t', 'ordered', 'start', 'items'],
    table: ['t', 'align', 'head', 'rows'],
    quote: ['t', 'c'],
    code: ['t', 'v'],
    text: ['t', 'v'],
    em: ['t', 'c'],
    strong: ['t', 'c'],
    link: ['t', 'href', 'c'],
    br: ['t'],
  };
  for (const node of allNodes(blocks)) {
    expect(BLOCK_TYPES.has(node.t) || INLINE_TYPES.has(node.t)).toBe(true);
    for (const key of Object.keys(node)) expect(keys[node.t]).toContain(key);
    if (node.t === 'link') expect(node.href).toMatch(SAFE_HREF);
    if (node.t === 'heading') expect([2, 3, 4]).toContain(node.level);
  }
}

const links = (blocks: readonly Block[]) =>
  allNodes(blocks).filter((n): n is Extract<Inline, { t: 'link' }> => n.t === 'link');
const texts = (blocks: readonly Block[]) =>
  allNodes(blocks)
    .map((n) => (n.t === 'text' ? n.v : ''))
    .join('');

describe('Markdown becomes a safe block tree', () => {
  const hostile = [
    'Before <script>alert(1)</script> after.',
    '',
    '<img src=x onerror=alert(1)>',
    '',
    '[x](javascript:alert(1)) and [y](data:text/html,<b>hi</b>) and [z](vbscript:msgbox) and [w](JAVASCRIPT:alert(2))',
    '',
    '[relative](/admin) [proto](//evil.example) ![pic](https://img.example/p.png "t") [ok](https://example.org) [mail](mailto:a@example.org)',
    '',
    '<div onclick="x()">block</div>',
    '',
  ].join('\n');

  it('keeps raw HTML as inert text and drops unsafe links', () => {
    const source = { ...sourceOf('forge-cloud'), sections: [{ id: 'evil', title: 'Evil', markdown: hostile }] };
    const blocks = compileSource(source).sections[0]!.blocks;
    assertSafe(blocks);
    expect(links(blocks).map((l) => l.href)).toEqual(['https://example.org', 'mailto:a@example.org']);
    const text = texts(blocks);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<div onclick="x()">block</div>');
    expect(text).toContain('pic'); // the image's alt text
    expect(text).not.toContain('https://img.example');
    expect(JSON.stringify(blocks)).not.toMatch(/"t":"(html|image|img|script|raw)"/);
  });

  it('renders the supported constructs', () => {
    const blocks = markdownToBlocks(
      [
        '## A *b*',
        '',
        '1. one',
        '   - two',
        '',
        '> quote',
        '',
        '| a | b |',
        '|:-:|--:|',
        '| `c` | **d** |',
        '',
        '```',
        'code',
        '```',
        '',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.t)).toEqual(['heading', 'list', 'quote', 'table', 'code']);
    expect(blocks[0]).toEqual({
      t: 'heading',
      level: 2,
      id: 's-a-b',
      c: [
        { t: 'text', v: 'A ' },
        { t: 'em', c: [{ t: 'text', v: 'b' }] },
      ],
    });
    expect(blocks[3]).toEqual({
      t: 'table',
      align: ['center', 'right'],
      head: [[{ t: 'text', v: 'a' }], [{ t: 'text', v: 'b' }]],
      rows: [[[{ t: 'code', v: 'c' }], [{ t: 'strong', c: [{ t: 'text', v: 'd' }] }]]],
    });
    const list = blocks[1];
    expect(list?.t === 'list' && list.items[0]?.[1]?.t).toBe('list');
  });

  it('gives headings ids unique across the statement, distinct from section ids', () => {
    const source = {
      ...sourceOf('forge-cloud'),
      sections: [
        { id: 'usage', title: 'Usage', markdown: '## Usage\n\n## Details\n' },
        { id: 'other', title: 'Other', markdown: '## Details\n' },
      ],
    };
    const ids = compileSource(source).sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.t === 'heading' ? [b.id] : [])),
    );
    expect(ids).toEqual(['s-usage', 's-details', 's-details-2']);
  });

  it('for arbitrary Markdown, only allowed node types and link schemes come out', () => {
    const pieces = fc.constantFrom(
      '# ',
      '## ',
      '##### ',
      '- ',
      '1. ',
      '> ',
      '```\n',
      '    ',
      '|',
      '|---|',
      '\n',
      '\n\n',
      '*',
      '**',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '![',
      '<',
      '>',
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'https://example.org',
      'http://x.example',
      'mailto:a@b.example',
      '//evil.example',
      '/rel',
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '&lt;',
      '&#106;avascript:',
      'java\tscript:',
      ' ',
      'text',
      '~~',
      '---',
      '\\',
    );
    const markdown = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(markdown, (md) => {
        assertSafe(markdownToBlocks(md));
      }),
      { numRuns: 500 },
    );
  });
});
