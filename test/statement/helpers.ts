import { join } from 'node:path';
import { compileSource } from '../../toolkit/statement/compile';
import { parseStatement, type ParsedStatement } from '../../toolkit/statement/parse';
import type { PolicyFiles } from '../../toolkit/statement/policy';
import type { Block, CompiledStatement, CurrentStatementSource, Inline } from '../../src/domain/statement/types';
import { readPolicyFiles, REPO_ROOT } from '../../toolkit/cli/policy-files';

export const MODELS = ['on-premise', 'on-premise-user-key', 'data-center', 'forge-cloud', 'connect-cloud'] as const;
export type Model = (typeof MODELS)[number];

export function fixtureFiles(model: Model): PolicyFiles {
  return readPolicyFiles(join(REPO_ROOT, 'test', 'fixtures', 'statements', model));
}

/** Parses a fixture as if it were policy/ (so problems name policy/statement.yml), with optional edits. */
export function parseFixture(
  model: Model,
  edit: { statement?: (text: string) => string; sections?: Record<string, string> } = {},
): ParsedStatement & { text: string } {
  const files = fixtureFiles(model);
  const text = (edit.statement ?? ((t: string) => t))(files.statementText ?? '');
  const parsed = parseStatement({
    statementFile: 'policy/statement.yml',
    statementText: text,
    sectionTexts: { ...files.sectionTexts, ...edit.sections },
  });
  return { ...parsed, text };
}

export function sourceOf(model: Model): CurrentStatementSource {
  const { source, problems } = parseFixture(model);
  if (!source) throw new Error(`fixture ${model} does not parse: ${JSON.stringify(problems)}`);
  return source;
}

export function compiledOf(model: Model): CompiledStatement {
  return compileSource(sourceOf(model));
}

/** 1-based line of the first line containing `needle` (after `from`, when given). Throws when absent. */
export function lineContaining(text: string, needle: string, from?: string): number {
  const lines = text.split('\n');
  const start = from === undefined ? 0 : lines.findIndex((l) => l.includes(from));
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  if (start < 0 || index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** Replaces exactly one occurrence (throws otherwise, so a fixture edit cannot silently miss). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Every inline and block node in a tree, depth first. */
export function allNodes(blocks: readonly Block[]): (Block | Inline)[] {
  const out: (Block | Inline)[] = [];
  const inlines = (nodes: readonly Inline[]): void => {
    for (const n of nodes) {
      out.push(n);
      if (n.t === 'em' || n.t === 'strong' || n.t === 'link') inlines(n.c);
    }
  };
  const walk = (bs: readonly Block[]): void => {
    for (const b of bs) {
      out.push(b);
      switch (b.t) {
        case 'heading':
        case 'paragraph':
          inlines(b.c);
          break;
        case 'list':
          b.items.forEach(walk);
          break;
        case 'quote':
          walk(b.c);
          break;
        case 'table':
          b.head.forEach(inlines);
          b.rows.forEach((row) => row.forEach(inlines));
          break;
        case 'code':
          break;
      }
    }
  };
  walk(blocks);
  return out;
}

/** A list the test knows is stated (throws otherwise, so an edit cannot silently miss). */
export function listed<T>(value: T[] | 'not-stated'): T[] {
  if (value === 'not-stated') throw new Error('expected a stated list');
  return value;
}
