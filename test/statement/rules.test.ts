import { formatProblem } from '../../toolkit/statement/problems';
import { lineContaining, parseFixture, replaceOnce, type Model } from './helpers';

const YML = 'policy/statement.yml';

/** The forge-cloud fixture with "nothing leaves" stated (its policy leaves egress unstated). */
const noEgress = (t: string): string => replaceOnce(t, 'egress: not-stated', 'egress: []');

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
    statement: (t) => replaceOnce(t, 'name: Brightmoor cloud apps', 'name: Brightmoor: apps'),
    line: (t) => lineContaining(t, 'Brightmoor: apps'),
  },
  {
    rule: 'missing-field',
    statement: (t) => replaceOnce(t, '    summary: The Brightmoor apps for Atlassian cloud, built on Forge.\n', ''),
    line: (t) => lineContaining(t, '  app:'),
  },
  {
    rule: 'wrong-type',
    statement: (t) => replaceOnce(t, 'noSale: true', 'noSale: "yes"'),
    line: (t) => lineContaining(t, 'noSale: "yes"'),
  },
  {
    rule: 'wrong-type',
    statement: (t) =>
      replaceOnce(
        t,
        'retention: not-stated\n      personalData: not-stated\n  dataAccessed',
        'retention: forever\n      personalData: not-stated\n  dataAccessed',
      ),
    line: (t) => lineContaining(t, 'retention: forever'),
  },
  {
    rule: 'unknown-field',
    statement: (t) => replaceOnce(t, '  access:\n', '  access:\n    phone: "555"\n'),
    line: (t) => lineContaining(t, 'phone:'),
  },
  {
    rule: 'unknown-field',
    statement: (t) => replaceOnce(t, '    description: Staff are forbidden', '    descripton: Staff are forbidden'),
    line: (t) => lineContaining(t, 'descripton:'),
  },
  {
    rule: 'empty-value',
    statement: (t) => replaceOnce(t, 'name: Brightmoor cloud apps', 'name: ""'),
    line: (t) => lineContaining(t, 'name: ""'),
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
    statement: (t) => replaceOnce(t, "'2025-07-21'", "'2025-02-30'"),
    line: (t) => lineContaining(t, 'effectiveDate'),
  },
  {
    rule: 'email-invalid',
    statement: (t) => replaceOnce(t, '    url: https://brightmoor-apps.dev/contact', '    email: hello-at-brightmoor'),
    line: (t) => lineContaining(t, 'hello-at-brightmoor'),
  },
  {
    rule: 'url-invalid',
    statement: (t) => replaceOnce(t, 'website: https://brightmoor-apps.dev', 'website: ftp://brightmoor-apps.dev'),
    line: (t) => lineContaining(t, 'ftp://'),
  },
  {
    rule: 'contact-empty',
    statement: (t) => replaceOnce(t, '  contact:\n    url: https://brightmoor-apps.dev/contact', '  contact: {}'),
    line: (t) => lineContaining(t, 'contact: {}'),
  },
  {
    rule: 'not-stated-not-allowed',
    statement: (t) => replaceOnce(t, '    name: Brightmoor\n', '    name: not-stated\n'),
    line: (t) => lineContaining(t, 'name: not-stated'),
  },
  {
    rule: 'not-stated-not-allowed',
    model: 'data-center',
    statement: (t) => replaceOnce(t, '- name: Mailchimp', '- name: not-stated'),
    line: (t) => lineContaining(t, '- name: not-stated'),
  },
  {
    rule: 'purpose-says-not-stated',
    statement: (t) => replaceOnce(t, "purpose: Only the apps' own operations.", 'purpose: Not stated in the policy.'),
    line: (t) => lineContaining(t, 'purpose: Not stated in the policy.'),
  },
  {
    rule: 'right-target-unknown',
    model: 'on-premise',
    statement: (t) => replaceOnce(t, 'appliesTo: website-cookies', 'appliesTo: cookies'),
    line: (t) => lineContaining(t, 'appliesTo: cookies'),
  },
  {
    rule: 'materiality-invalid',
    model: 'on-premise-user-key',
    statement: (t) => replaceOnce(t, 'materiality: material', 'materiality: minor'),
    line: (t) => lineContaining(t, 'materiality: minor'),
  },
  {
    rule: 'egress-domain-invalid',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, 'domain: not-stated', 'domain: https://app.tollgate.dev/api'),
    line: (t) => lineContaining(t, 'domain: https://'),
  },
  {
    rule: 'duplicate-category-id',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, '- id: client-credentials', '- id: usage-events'),
    line: (t) => lineContaining(t, '- id: usage-events', 'name: Usage events'),
  },
  {
    rule: 'duplicate-record-id',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, '- id: service-desk-tickets', '- id: customer-contacts'),
    line: (t) => lineContaining(t, 'id: customer-contacts', 'Customer contact details'),
  },
  {
    rule: 'duplicate-egress-domain',
    model: 'connect-cloud',
    statement: (t) =>
      replaceOnce(
        t,
        '  egress:\n',
        '  egress:\n    - name: Twin\n      domain: app.tollgate.dev\n      purpose: A.\n      endUserData: false\n    - name: Twin again\n      domain: app.tollgate.dev\n      purpose: B.\n      endUserData: false\n',
      ),
    line: (t) => lineContaining(t, 'domain: app.tollgate.dev', 'Twin again'),
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
    statement: (t) => noEgress(replaceOnce(t, 'location: forge-hosted-storage', 'location: vendor-infrastructure')),
    line: (t) => lineContaining(t, 'location: vendor-infrastructure'),
  },
  {
    rule: 'facts-analytics-without-egress',
    statement: (t) => noEgress(replaceOnce(t, 'collected: not-stated', 'collected: true')),
    line: (t) => lineContaining(t, 'collected: true'),
  },
  {
    rule: 'facts-logs-without-egress',
    statement: (t) => noEgress(replaceOnce(t, '    location: not-stated', '    location: vendor')),
    line: (t) => lineContaining(t, 'location: vendor'),
  },
  {
    rule: 'facts-location-hosting-mismatch',
    statement: (t) => replaceOnce(t, 'location: forge-hosted-storage', 'location: customer-infrastructure'),
    line: (t) => lineContaining(t, 'location: customer-infrastructure'),
  },
  {
    rule: 'facts-location-hosting-mismatch',
    model: 'on-premise-user-key',
    statement: (t) => replaceOnce(t, 'location: customer-infrastructure', 'location: forge-hosted-storage'),
    line: (t) => lineContaining(t, 'location: forge-hosted-storage'),
  },
  {
    rule: 'facts-location-hosting-mismatch',
    model: 'on-premise',
    statement: (t) => replaceOnce(t, '    location: not-stated', '    location: atlassian-forge-logs'),
    line: (t) => lineContaining(t, 'location: atlassian-forge-logs'),
  },
  {
    rule: 'placeholder-host',
    statement: (t) => replaceOnce(t, 'url: https://brightmoor-apps.dev/contact', 'url: https://example.com/contact'),
    line: (t) => lineContaining(t, 'example.com'),
  },
  {
    rule: 'placeholder-host',
    model: 'connect-cloud',
    statement: (t) => replaceOnce(t, 'domain: not-stated', 'domain: host-not-stated.invalid'),
    line: (t) => lineContaining(t, '.invalid'),
  },
  {
    rule: 'placeholder-host',
    statement: (t) =>
      replaceOnce(
        t,
        '  contact:\n    url: https://brightmoor-apps.dev/contact',
        '  contact:\n    email: privacy@example.org',
      ),
    line: (t) => lineContaining(t, 'privacy@example.org'),
  },
  {
    rule: 'placeholder-text',
    statement: (t) => replaceOnce(t, "purpose: Only the apps' own operations.", 'purpose: TBD'),
    line: (t) => lineContaining(t, 'purpose: TBD'),
  },
  {
    rule: 'placeholder-text',
    statement: (t) => replaceOnce(t, 'name: App data', 'name: App data (TODO)'),
    line: (t) => lineContaining(t, '(TODO)'),
  },
  {
    rule: 'placeholder-text',
    statement: (t) => replaceOnce(t, 'name: Web traffic data', 'name: Lorem ipsum'),
    line: (t) => lineContaining(t, 'Lorem ipsum'),
  },
  {
    rule: 'placeholder-vendor',
    statement: (t) => replaceOnce(t, 'name: Brightmoor\n', 'name: Privacy Panel contributors\n'),
    line: (t) => lineContaining(t, 'Privacy Panel contributors'),
  },
  {
    rule: 'placeholder-text',
    sections: { 'sections/summary.md': 'Intro.\n\nLorem ipsum dolor.\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
  },
  {
    rule: 'placeholder-host',
    sections: { 'sections/summary.md': 'Intro.\n\nWrite to [us](mailto:privacy@example.net).\n' },
    file: 'policy/sections/summary.md',
    line: () => 3,
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
    statement: (t) => replaceOnce(t, 'name: Brightmoor cloud apps', 'name: Brightmoor\u200Bcloud apps'),
    line: (t) => lineContaining(t, 'Brightmoor\u200Bcloud'),
  },
];

describe('each rule broken on its own', () => {
  it.each(cases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
    const parsed = parseFixture(c.model ?? 'forge-cloud', {
      ...(c.statement ? { statement: c.statement } : {}),
      ...(c.sections ? { sections: c.sections } : {}),
    });
    // A placeholder keeps a draft from being published, not from being read (the host build previews it).
    if (c.rule.startsWith('placeholder-')) expect(parsed.source).toBeDefined();
    else expect(parsed.source).toBeUndefined();
    expect(parsed.problems.map((p) => ({ rule: p.rule, file: p.file, line: p.line }))).toEqual([
      { rule: c.rule, file: c.file ?? YML, line: c.line(parsed.text) },
    ]);
    const formatted = formatProblem(parsed.problems[0]!);
    expect(formatted).toMatch(new RegExp(`^${(c.file ?? YML).replace(/\./g, '\\.')}:\\d+: \\[${c.rule}\\] \\S`));
  });

  it('gives every rule its own message', () => {
    const messages = new Map<string, string>();
    // The second case of a rule may share its message; the first of each is compared.
    for (const c of cases) {
      const parsed = parseFixture(c.model ?? 'forge-cloud', {
        ...(c.statement ? { statement: c.statement } : {}),
        ...(c.sections ? { sections: c.sections } : {}),
      });
      if (!messages.has(c.rule)) messages.set(c.rule, parsed.problems[0]!.message);
    }
    expect(new Set(messages.values()).size).toBe(messages.size);
  });

  it('a misspelt required field is both unknown and missing', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (t) => replaceOnce(t, '    vendorStaff: false', '    vendorStaf: false'),
    });
    expect(parsed.problems.map((p) => p.rule)).toEqual(['missing-field', 'unknown-field']);
    expect(parsed.problems[1]!.message).toBe('facts.access.vendorStaf is not a known field');
  });

  it('lists every problem at once, sorted by file and line', () => {
    const parsed = parseFixture('forge-cloud', {
      statement: (t) =>
        replaceOnce(
          replaceOnce(replaceOnce(t, 'version: 1', 'version: 0'), 'noSale: true', 'noSale: 3'),
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
