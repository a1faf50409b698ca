/**
 * What valibot would let through or word loosely, and the statement toolkit does not: a list where a mapping
 * belongs, every unknown field of an object (valibot names the first), and a published snapshot's problems
 * in the format it names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnapshot } from '../../toolkit/statement/lock';
import { POLICY_DIR } from '../../toolkit/cli/policy-files';
import { parseFixture, replaceOnce } from './helpers';

describe('statement problems from the valibot schema', () => {
  it('refuses a list where a mapping belongs (valibot reads a list as an object of its indexes)', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (text) => text.replace(/^ {2}commitments:\n(?: {4}.*\n)+/m, '  commitments: []\n'),
    });
    expect(parsed.source).toBeUndefined();
    expect(parsed.problems.map((p) => `[${p.rule}] ${p.message}`)).toEqual([
      '[wrong-type] facts.commitments must be a mapping, not a list',
    ]);
  });

  it('names every unknown field of an object, each on its own line', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (text) => text.replace(/^ {2}commitments:\n/m, '  commitments:\n    noSal: true\n    extra: 1\n'),
    });
    expect(parsed.problems.filter((p) => p.rule === 'unknown-field').map((p) => p.message)).toEqual([
      'facts.commitments.noSal is not a known field',
      'facts.commitments.extra is not a known field',
    ]);
    const [first, second] = parsed.problems.filter((p) => p.rule === 'unknown-field');
    expect(second!.line).toBe(first!.line + 1);
  });

  it("reports a published snapshot's problem in the format it names, at its path", () => {
    const file = 'policy/versions/v2.json';
    const text = readFileSync(join(POLICY_DIR, 'versions', 'v2.json'), 'utf8');
    expect(parseSnapshot(text, file).problems).toEqual([]);
    const broken = JSON.parse(text) as { facts: { analytics: { collected: unknown } } };
    broken.facts.analytics.collected = 'probably';
    const { problems } = parseSnapshot(JSON.stringify(broken, null, 2), file);
    expect(problems.map((p) => p.message)).toEqual([
      'facts.analytics.collected: must be true, false or not-stated (wrong-type)',
    ]);
    const unknown = parseSnapshot(replaceOnce(text, '"format": 2', '"format": 9'), file).problems;
    expect(unknown.map((p) => p.message)).toEqual([
      'the document: is not a published statement of format 3, 2 or 1 (no format field) (wrong-type)',
    ]);
  });
});
