import { formatProblem } from '../../toolkit/statement/problems';
import { lineContaining, parseFixture, replaceOnce, type Model } from './helpers';

const YML = 'policy/statement.yml';

interface Case {
  rule: string;
  model?: Model;
  statement?: (text: string) => string;
  sections?: Record<string, string>;
  file?: string;
  /** The expected line, from the edited text. */
  line: (text: string) => number;
}

const cases: Case[] = [
  {
    rule: 'yaml-syntax',
    statement: (t) => replaceOnce(t, 'name: Tidy Boards', 'name: Tidy: Boards'),
    line: (t) => lineContaining(t, 'Tidy: Boards'),
  },
  {
    rule: 'missing-field',
    statement: (t) => replaceOnce(t, '    email: hello@larkspur.example\n', ''),
    line: (t) => lineContaining(t, '  contact:'),
  },
  {
    rule: 'wrong-type',
    statement: (t) => replaceOnce(t, 'collected: false', 'collected: "no"'),
    line: (t) => lineContaining(t, 'collected: "no"'),
  },
  {
    rule: 'unknown-field',
    statement: (t) => replaceOnce(t, '  contact:\n', '  contact:\n    phone: "555"\n'),
    line: (t) => lineContaining(t, 'phone:'),
  },
  {
    rule: 'empty-value',
    statement: (t) => replaceOnce(t, 'name: Tidy Boards', 'name: ""'),
    line: (t) => lineContaining(t, 'name: ""'),
  },
  {
    rule: 'value-out-of-range',
    statement: (t) => replaceOnce(t, 'deletedAfterDays: 28', 'deletedAfterDays: -1'),
    line: (t) => lineContaining(t, 'deletedAfterDays'),
  },
  {
    rule: 'value-not-allowed',
    statement: (t) => replaceOnce(t, 'model: forge', 'model: cloud'),
    line: (t) => lineContaining(t, 'model: cloud'),
  },
  {
    rule: 'id-invalid',
    statement: (t) => replaceOnce(t, '- id: summary', '- id: In Short'),
    line: (t) => lineContaining(t, 'id: In Short'),
  },
  {
    rule: 'version-invalid',
    statement: (t) => replaceOnce(t, 'version: 1', 'version: 0'),
    line: (t) => lineContaining(t, 'version: 0'),
  },
  {
    rule: 'version-invalid',
    statement: (t) => replaceOnce(t, 'version: 1', 'version: 1.5'),
    line: (t) => lineContaining(t, 'version: 1.5'),
  },
  {
    rule: 'date-invalid',
    statement: (t) => replaceOnce(t, '"2021-07-21"', '"2021-02-30"'),
    line: (t) => lineContaining(t, 'effectiveDate'),
  },
  {
    rule: 'email-invalid',
    statement: (t) => replaceOnce(t, 'email: hello@larkspur.example', 'email: hello-at-larkspur'),
    line: (t) => lineContaining(t, 'hello-at-larkspur'),
  },
  {
    rule: 'url-invalid',
    statement: (t) => replaceOnce(t, 'website: https://larkspur.example', 'website: ftp://larkspur.example'),
    line: (t) => lineContaining(t, 'ftp://'),
  },
  {
    rule: 'materiality-invalid',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, 'materiality: editorial', 'materiality: minor'),
    line: (t) => lineContaining(t, 'materiality: minor'),
  },
  {
    rule: 'egress-domain-invalid',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, 'domain: app.tollgate.example', 'domain: https://app.tollgate.example/api'),
    line: (t) => lineContaining(t, 'domain: https://'),
  },
  {
    rule: 'duplicate-category-id',
    statement: (t) => replaceOnce(t, '- id: rule-owner', '- id: board-rules'),
    line: (t) => lineContaining(t, '- id: board-rules', 'name: Board rules'),
  },
  {
    rule: 'duplicate-record-id',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, '- id: service-desk', '- id: marketplace-customers'),
    line: (t) => lineContaining(t, 'id: marketplace-customers', 'Customer contacts'),
  },
  {
    rule: 'duplicate-egress-domain',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, 'domain: events.tollgate.example', 'domain: app.tollgate.example'),
    line: (t) => lineContaining(t, 'domain: app.tollgate.example', 'Usage tracking'),
  },
  {
    rule: 'duplicate-section-id',
    statement: (t) => `${t}  - id: summary\n    title: Again\n    file: sections/summary.md\n`,
    line: (t) => lineContaining(t, 'id: summary', 'title: In short'),
  },
  {
    rule: 'section-file-invalid',
    statement: (t) => replaceOnce(t, 'file: sections/summary.md', 'file: ../secrets.md'),
    line: (t) => lineContaining(t, 'file: ../secrets.md'),
  },
  {
    rule: 'section-file-missing',
    statement: (t) => replaceOnce(t, 'file: sections/summary.md', 'file: sections/nope.md'),
    line: (t) => lineContaining(t, 'sections/nope.md'),
  },
  {
    rule: 'change-missing',
    statement: (t) => replaceOnce(t, 'version: 1', 'version: 2'),
    line: (t) => lineContaining(t, 'version: 2'),
  },
  {
    rule: 'change-unexpected',
    statement: (t) =>
      replaceOnce(t, 'version: 1\n', 'version: 1\nchange:\n  summary: First.\n  materiality: editorial\n'),
    line: (t) => lineContaining(t, 'change:'),
  },
  {
    rule: 'facts-vendor-storage-without-egress',
    statement: (t) => replaceOnce(t, 'location: forge-hosted-storage', 'location: vendor-infrastructure'),
    line: (t) => lineContaining(t, 'location: vendor-infrastructure'),
  },
  {
    rule: 'facts-analytics-without-egress',
    statement: (t) => replaceOnce(t, 'collected: false', 'collected: true'),
    line: (t) => lineContaining(t, 'collected: true'),
  },
  {
    rule: 'facts-logs-without-egress',
    statement: (t) => replaceOnce(t, 'storedOutsideAtlassian: false', 'storedOutsideAtlassian: true'),
    line: (t) => lineContaining(t, 'storedOutsideAtlassian'),
  },
  {
    rule: 'facts-location-hosting-mismatch',
    statement: (t) => replaceOnce(t, 'location: forge-hosted-storage', 'location: customer-infrastructure'),
    line: (t) => lineContaining(t, 'location: customer-infrastructure'),
  },
  {
    rule: 'facts-location-hosting-mismatch',
    model: 'on-premise',
    statement: (t) => replaceOnce(t, 'location: customer-infrastructure', 'location: forge-hosted-storage'),
    line: (t) => lineContaining(t, 'location: forge-hosted-storage'),
  },
  {
    rule: 'heading-h1',
    sections: { 'sections/summary.md': 'Intro.\n\n# In short\n\nText.\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
  },
  {
    rule: 'heading-h1',
    sections: { 'sections/summary.md': 'Intro.\n\nSetext title\n============\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
  },
  {
    rule: 'heading-too-deep',
    sections: { 'sections/summary.md': 'Intro.\n\n## Ok\n\n##### Too deep\n' },
    file: 'policy/sections/summary.md',
    line: () => 5,
  },
  {
    rule: 'section-empty',
    sections: { 'sections/summary.md': '  \r\n\n' },
    file: 'policy/sections/summary.md',
    line: () => 1,
  },
  {
    rule: 'markdown-unsupported',
    sections: { 'sections/summary.md': 'One.\n\n---\n\nTwo.\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
  },
  {
    rule: 'invisible-character',
    sections: { 'sections/summary.md': 'One.\n\nWe keep \u202Eyad 82\u202C.\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
  },
  {
    rule: 'invisible-character',
    statement: (t) => replaceOnce(t, 'name: Tidy Boards', 'name: Tidy\u200BBoards'),
    line: (t) => lineContaining(t, 'Tidy\u200BBoards'),
  },
];

describe('each rule broken on its own', () => {
  it.each(cases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
    const parsed = parseFixture(c.model ?? 'forge-cloud', {
      ...(c.statement ? { statement: c.statement } : {}),
      ...(c.sections ? { sections: c.sections } : {}),
    });
    expect(parsed.source).toBeUndefined();
    expect(parsed.problems.map((p) => ({ rule: p.rule, file: p.file, line: p.line }))).toEqual([
      { rule: c.rule, file: c.file ?? YML, line: c.line(parsed.text) },
    ]);
    const formatted = formatProblem(parsed.problems[0]!);
    expect(formatted).toMatch(new RegExp(`^${(c.file ?? YML).replace(/\./g, '\\.')}:\\d+: \\[${c.rule}\\] \\S`));
  });

  it('gives every rule its own message', () => {
    const messages = new Map<string, string>();
    for (const c of cases) {
      const parsed = parseFixture(c.model ?? 'forge-cloud', {
        ...(c.statement ? { statement: c.statement } : {}),
        ...(c.sections ? { sections: c.sections } : {}),
      });
      messages.set(c.rule, parsed.problems[0]!.message);
    }
    expect(new Set(messages.values()).size).toBe(messages.size);
  });

  it('lists every problem at once, sorted by file and line', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (t) =>
        replaceOnce(
          replaceOnce(replaceOnce(t, 'version: 1', 'version: 0'), 'collected: false', 'collected: 3'),
          'file: sections/summary.md',
          'file: sections/gone.md',
        ),
    });
    expect(parsed.problems.map((p) => p.rule).sort()).toEqual([
      'section-file-missing',
      'version-invalid',
      'wrong-type',
    ]);
    const lines = parsed.problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
