/**
 * Renders the statement's safe block tree as elements. Never innerHTML: every string is a text node.
 * Headings are shifted under their section's h2 and never skip a level.
 */
import type { ComponentChildren, JSX, TargetedMouseEvent } from 'preact';
import { router } from '@forge/bridge';
import type { Block, Inline, TableAlign } from '../../../../src/contract';

const SAFE_EXTERNAL = /^(https?:|mailto:)/i;

function openExternal(event: TargetedMouseEvent<HTMLAnchorElement>, href: string): void {
  // Inside Forge the frame cannot open pages itself; the product asks the user first.
  event.preventDefault();
  router.open(href).catch(() => undefined);
}

function InlineNode({ node }: { node: Inline }): JSX.Element {
  switch (node.t) {
    case 'text':
      return <>{node.v}</>;
    case 'code':
      return <code>{node.v}</code>;
    case 'em':
      return (
        <em>
          <Inlines nodes={node.c} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <Inlines nodes={node.c} />
        </strong>
      );
    case 'br':
      return <br />;
    case 'link': {
      const href = node.href;
      if (href.startsWith('#'))
        return (
          <a href={href}>
            <Inlines nodes={node.c} />
          </a>
        );
      if (!SAFE_EXTERNAL.test(href))
        return (
          <span>
            <Inlines nodes={node.c} />
          </span>
        );
      return (
        <a href={href} rel="noopener noreferrer" target="_blank" onClick={(e) => openExternal(e, href)}>
          <Inlines nodes={node.c} />
        </a>
      );
    }
  }
}

export function Inlines({ nodes }: { nodes: Inline[] }): JSX.Element {
  return (
    <>
      {nodes.map((node, i) => (
        <InlineNode key={i} node={node} />
      ))}
    </>
  );
}

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';
const HEADING_TAGS: Record<number, HeadingTag> = { 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' };

/** Heading levels for one section, in document order: shifted one down under the section's h2, never skipping. */
type Outline = Map<Block, number>;

export function outlineOf(blocks: Block[]): Outline {
  const levels: Outline = new Map();
  let last = 2;
  const walk = (list: Block[]): void => {
    for (const block of list) {
      if (block.t === 'heading') {
        last = Math.min(block.level + 1, last + 1);
        levels.set(block, last);
      } else if (block.t === 'list') {
        block.items.forEach(walk);
      } else if (block.t === 'quote') {
        walk(block.c);
      }
    }
  };
  walk(blocks);
  return levels;
}

function alignClass(align: TableAlign | undefined): string | undefined {
  return align ? `align-${align}` : undefined;
}

function BlockNode({ block, outline }: { block: Block; outline: Outline }): JSX.Element {
  switch (block.t) {
    case 'heading': {
      const Tag = HEADING_TAGS[outline.get(block) ?? block.level + 1] ?? 'h6';
      return (
        <Tag id={block.id} class="statement-heading">
          <Inlines nodes={block.c} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={block.c} />
        </p>
      );
    case 'list': {
      const items: ComponentChildren = block.items.map((item, i) => (
        <li key={i}>
          <BlockList blocks={item} outline={outline} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div class="table-scroll">
          <table class="statement-table">
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} scope="col" class={alignClass(block.align[i])}>
                    <Inlines nodes={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} class={alignClass(block.align[i])}>
                      <Inlines nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'quote':
      return (
        <blockquote>
          <BlockList blocks={block.c} outline={outline} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{block.v}</code>
        </pre>
      );
  }
}

function BlockList({ blocks, outline }: { blocks: Block[]; outline: Outline }): JSX.Element {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockNode key={i} block={block} outline={outline} />
      ))}
    </>
  );
}

/** One section's blocks, with headings placed under the section's own h2. */
export function SectionBlocks({ blocks }: { blocks: Block[] }): JSX.Element {
  return <BlockList blocks={blocks} outline={outlineOf(blocks)} />;
}
