import fc from 'fast-check';
import { compileSource, hashSource } from '../../toolkit/statement/compile';
import { normaliseMarkdown } from '../../toolkit/statement/normalise';
import { parseFixture, sourceOf } from './helpers';

describe('statement hashes', () => {
  it('are stable: the same fixture always hashes to the same value', () => {
    const a = compileSource(sourceOf('forge-cloud')).hash;
    const b = compileSource(sourceOf('forge-cloud')).hash;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    // Pinned: a change here means every receipt of this statement would stop verifying.
    expect(a).toBe(PINNED_FORGE_CLOUD_HASH);
  });

  it('change with any one-character edit of a section', () => {
    const source = sourceOf('forge-cloud');
    const original = hashSource(source);
    const markdown = source.sections[0]!.markdown;
    fc.assert(
      fc.property(fc.nat({ max: markdown.length - 2 }), fc.constantFrom('x', 'Y', '0', '.', 'é'), (at, ch) => {
        fc.pre(markdown[at] !== ch && markdown[at] !== '\n');
        const edited = markdown.slice(0, at) + ch + markdown.slice(at + 1);
        const changed = { ...source, sections: [{ ...source.sections[0]!, markdown: edited }] };
        expect(hashSource(changed)).not.toBe(original);
      }),
      { numRuns: 200 },
    );
  });

  it('change with a one-character edit of a fact', () => {
    const source = sourceOf('forge-cloud');
    const edited = {
      ...source,
      facts: { ...source.facts, contact: { url: 'https://brightmoor-apps.dev/contacts' } },
    };
    expect(hashSource(edited)).not.toBe(hashSource(source));
  });

  it('do not depend on the order of keys in the YAML', () => {
    const reordered = parseFixture('forge-cloud', {
      statement: (t) => {
        const [head, rest] = [t.slice(0, t.indexOf('facts:')), t.slice(t.indexOf('facts:'))];
        const sections = rest.slice(rest.indexOf('sections:'));
        const facts = rest.slice(0, rest.indexOf('sections:'));
        // sections before facts, top-level keys reversed, and the commitments fields swapped
        const lines = head
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'))
          .reverse()
          .join('\n');
        const swapped = facts.replace(
          '    noSale: true\n    noMarketingSharing: true\n',
          '    noMarketingSharing: true\n    noSale: true\n',
        );
        expect(swapped).not.toBe(facts);
        return `${sections}${lines}\n${swapped}`;
      },
    });
    expect(reordered.problems).toEqual([]);
    expect(hashSource(reordered.source!)).toBe(hashSource(sourceOf('forge-cloud')));
  });

  it('do not depend on line endings or trailing spaces in the Markdown', () => {
    const plain = parseFixture('forge-cloud');
    const text = plain.source!.sections[0]!.markdown;
    const messy = parseFixture('forge-cloud', {
      sections: { 'sections/summary.md': `\uFEFF${text.replace(/\n/g, '  \r\n')}\n\n\n` },
    });
    expect(messy.source!.sections[0]!.markdown).toBe(text);
    expect(hashSource(messy.source!)).toBe(hashSource(plain.source!));
  });

  it('normalise Markdown to LF, no trailing spaces, one final newline', () => {
    expect(normaliseMarkdown('a  \r\nb\t\r\n\r\n\r\n')).toBe('a\nb\n');
    expect(normaliseMarkdown('a')).toBe('a\n');
    expect(normaliseMarkdown(' \n\n')).toBe('');
  });
});

const PINNED_FORGE_CLOUD_HASH = '0312db4c9cd4fa8dc84b3a9a4e8b7bbffbaae5f807c48c55cec7864a7074f575';
