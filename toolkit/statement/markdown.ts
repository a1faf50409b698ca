/**
 * Section Markdown → the safe block tree of types.ts, from markdown-it's token stream (never its HTML).
 * Raw HTML is off, so it arrives as text and stays inert text; only http(s) and mailto links survive;
 * images become their alt text; strikethrough is off, so `~~x~~` stays literal.
 */
import MarkdownIt from 'markdown-it';
import { problem, type StatementProblem } from './problems';
import { Slugger } from './slug';
import type { Block, Inline, TableAlign } from '../../src/domain/statement/types';

type Token = ReturnType<MarkdownIt['parse']>[number];

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable(['strikethrough']);

export function parseMarkdown(markdown: string): Token[] {
  return md.parse(markdown, {});
}

/** The only link schemes that become links; anything else (relative links included) renders as text. */
export const ALLOWED_LINK_SCHEMES = ['https:', 'http:', 'mailto:'] as const;

export function safeHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(url.protocol) ? href : undefined;
}

// ---- problems ----

/** Rules that need the token stream: h1, headings below h4, horizontal rules, empty sections. */
export function markdownProblems(markdown: string, file: string): StatementProblem[] {
  if (markdown.trim() === '') return [problem(file, 1, 'section-empty', 'the section has no text')];
  const problems: StatementProblem[] = [];
  for (const token of parseMarkdown(markdown)) {
    const line = token.map ? token.map[0] + 1 : 1;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      if (level === 1) {
        problems.push(
          problem(file, line, 'heading-h1', 'the section title is the top heading: start headings at ## (h2)'),
        );
      } else if (level > 4) {
        problems.push(problem(file, line, 'heading-too-deep', `h${level} is too deep: use ## to #### (h2 to h4)`));
      }
    } else if (token.type === 'hr') {
      problems.push(
        problem(
          file,
          line,
          'markdown-unsupported',
          'horizontal rules are not supported: use a heading to separate parts',
        ),
      );
    }
  }
  return problems;
}

// ---- inlines ----

type Frame =
  | { kind: 'root'; c: Inline[] }
  | { kind: 'em' | 'strong'; c: Inline[] }
  | { kind: 'link'; href: string | undefined; c: Inline[] };

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.t === 'text' && last?.t === 'text') {
      out[out.length - 1] = { t: 'text', v: last.v + node.v };
    } else if (node.t !== 'text' || node.v !== '') {
      out.push(node);
    }
  }
  return out;
}

function plainText(tokens: readonly Token[] | null): string {
  return (tokens ?? [])
    .map((t) =>
      t.children ? plainText(t.children) : t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.content,
    )
    .join('');
}

export function inlinesOf(tokens: readonly Token[] | null): Inline[] {
  const stack: Frame[] = [{ kind: 'root', c: [] }];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const close = (): void => {
    const frame = stack.pop() as Frame;
    const children = mergeText(frame.c);
    const parent = top();
    if (frame.kind === 'em' || frame.kind === 'strong') parent.c.push({ t: frame.kind, c: children });
    else if (frame.kind === 'link') {
      if (frame.href !== undefined) parent.c.push({ t: 'link', href: frame.href, c: children });
      else parent.c.push(...children);
    }
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
        top().c.push({ t: 'text', v: token.content });
        break;
      case 'code_inline':
        top().c.push({ t: 'code', v: token.content });
        break;
      case 'softbreak':
        top().c.push({ t: 'text', v: '\n' });
        break;
      case 'hardbreak':
        top().c.push({ t: 'br' });
        break;
      case 'em_open':
      case 'strong_open':
        stack.push({ kind: token.type === 'em_open' ? 'em' : 'strong', c: [] });
        break;
      case 'link_open':
        stack.push({ kind: 'link', href: safeHref(token.attrGet('href') ?? ''), c: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) close();
        break;
      case 'image':
        top().c.push({ t: 'text', v: plainText(token.children) });
        break;
      default:
        // html_inline cannot occur with html:false; anything unknown degrades to its text.
        if (token.content !== '') top().c.push({ t: 'text', v: token.content });
    }
  }
  while (stack.length > 1) close();
  return mergeText(top().c);
}

// ---- blocks ----

function alignOf(token: Token): TableAlign {
  const match = /text-align:\s*(left|center|right)/.exec(token.attrGet('style') ?? '');
  return match ? (match[1] as 'left' | 'center' | 'right') : null;
}

function headingLevel(tag: string): 2 | 3 | 4 {
  const level = Number(tag.slice(1));
  return level <= 2 ? 2 : level >= 4 ? 4 : 3;
}

class BlockReader {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly slugger: Slugger,
  ) {}

  /** Reads blocks until a token of type `until` (consumed) or the end. */
  blocks(until?: string): Block[] {
    const out: Block[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i] as Token;
      if (token.type === until) {
        this.i += 1;
        return out;
      }
      const block = this.block(token);
      if (block) out.push(block);
    }
    return out;
  }

  private inlineAt(index: number): Inline[] {
    const token = this.tokens[index];
    return token?.type === 'inline' ? inlinesOf(token.children) : [];
  }

  private block(token: Token): Block | undefined {
    switch (token.type) {
      case 'paragraph_open': {
        const c = this.inlineAt(this.i + 1);
        this.i += 3;
        return { t: 'paragraph', c };
      }
      case 'heading_open': {
        const inline = this.tokens[this.i + 1];
        const c = this.inlineAt(this.i + 1);
        this.i += 3;
        return {
          t: 'heading',
          level: headingLevel(token.tag),
          id: this.slugger.next(plainText(inline?.children ?? null)),
          c,
        };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token);
      case 'blockquote_open':
        this.i += 1;
        return { t: 'quote', c: this.blocks('blockquote_close') };
      case 'fence':
      case 'code_block':
        this.i += 1;
        return { t: 'code', v: token.content.replace(/\n$/, '') };
      case 'table_open':
        return this.table();
      case 'inline':
        this.i += 1;
        return { t: 'paragraph', c: inlinesOf(token.children) };
      case 'html_block':
        this.i += 1;
        return { t: 'paragraph', c: [{ t: 'text', v: token.content.replace(/\n$/, '') }] };
      default:
        // hr (reported as a problem) and stray closing tokens carry no content.
        this.i += 1;
        return undefined;
    }
  }

  private list(open: Token): Block {
    const ordered = open.type === 'ordered_list_open';
    const closeType = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const start = ordered ? Number(open.attrGet('start') ?? '1') : 1;
    this.i += 1;
    const items: Block[][] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i] as Token;
      this.i += 1;
      if (token.type === closeType) break;
      if (token.type === 'list_item_open') items.push(this.blocks('list_item_close'));
    }
    return ordered && Number.isSafeInteger(start) && start !== 1
      ? { t: 'list', ordered, start, items }
      : { t: 'list', ordered, items };
  }

  private table(): Block {
    this.i += 1;
    const align: TableAlign[] = [];
    let head: Inline[][] = [];
    const rows: Inline[][][] = [];
    let inHead = false;
    let row: Inline[][] | undefined;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i] as Token;
      this.i += 1;
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close' && row) {
        if (inHead) head = row;
        else rows.push(row);
        row = undefined;
      } else if (token.type === 'th_open' || token.type === 'td_open') {
        if (inHead) align.push(alignOf(token));
        row?.push(this.inlineAt(this.i));
      }
    }
    return { t: 'table', align, head, rows };
  }
}

/** Renders one section. Pass the statement's slugger so heading ids stay unique across sections. */
export function markdownToBlocks(markdown: string, slugger: Slugger = new Slugger()): Block[] {
  return new BlockReader(parseMarkdown(markdown), slugger).blocks();
}
