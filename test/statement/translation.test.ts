/** Translated statements: what the build checks, and which translation the page gets. */
import { factsOf } from '../../src/domain/statement/facts';
import { readPolicyFiles } from '../../toolkit/cli/policy-files';
import { compileSource } from '../../toolkit/statement/compile';
import { checkPolicy, publishedCatalog, type PolicyFiles } from '../../toolkit/statement/policy';
import { compileTranslation } from '../../toolkit/statement/translation';
import { factsNotInSource } from '../../toolkit/statement/prose-facts';
import { formatProblem } from '../../toolkit/statement/problems';
import { sourceTexts, translatedFacts, translationFor } from '../../src/domain/statement/translation';
import { listed, replaceOnce } from './helpers';

const repo = (): PolicyFiles => readPolicyFiles();

function withGerman(edit: { yaml?: (text: string) => string; sections?: Record<string, string> }): PolicyFiles {
  const files = repo();
  return {
    ...files,
    translations: (files.translations ?? []).map((t) =>
      t.folderLocale === 'de-DE'
        ? {
            ...t,
            text: (edit.yaml ?? ((x: string) => x))(t.text),
            sectionTexts: { ...t.sectionTexts, ...edit.sections },
          }
        : t,
    ),
  };
}

const rules = (files: PolicyFiles) => checkPolicy(files).problems.map((p) => p.rule);

describe('the German translation of this app’s statement', () => {
  it('is valid, published, and translates every text and section of version 1', () => {
    const check = checkPolicy(repo());
    expect(check.problems).toEqual([]);
    expect(check.unpublishedTranslations).toEqual([]);
    const catalog = publishedCatalog(check);
    const german = catalog.translations?.find((t) => t.source.locale === 'de-DE');
    const v1 = catalog.versions[0]!;
    expect(german?.source.translates).toEqual({ version: 1, hash: v1.hash });
    expect(Object.keys(german!.source.texts).sort()).toEqual(
      Object.keys(sourceTexts(factsOf(v1.source), v1.source.change)).sort(),
    );
    expect(german!.sections.map((s) => s.id)).toEqual(v1.sections.map((s) => s.id));
    expect(german!.hash).toBe(compileTranslation(german!.source).hash);
  });
});

describe('the build refuses a translation that does not match its source', () => {
  it('a missing text, an extra text', () => {
    expect(
      rules(withGerman({ yaml: (t) => replaceOnce(t, '  analytics.description:', '  analytics.other:') })),
    ).toEqual(expect.arrayContaining(['translation-text-missing', 'translation-text-extra']));
  });

  it('a missing section and an extra one', () => {
    expect(rules(withGerman({ yaml: (t) => replaceOnce(t, '  - id: overview\n', '  - id: introduction\n') }))).toEqual(
      expect.arrayContaining(['translation-section-missing', 'translation-section-extra']),
    );
  });

  it('a source hash that is not the published version’s', () => {
    expect(rules(withGerman({ yaml: (t) => t.replace(/hash: [0-9a-f]{64}/, `hash: ${'ab'.repeat(32)}`) }))).toEqual([
      'translation-source-hash',
    ]);
  });

  it('Markdown the source would not be allowed either', () => {
    expect(rules(withGerman({ sections: { 'sections/overview.md': '# Zu hoch\n\nText.\n' } }))).toEqual(['heading-h1']);
  });

  it('raw HTML in a translated section never reaches the page as markup (the same compiler as the source)', () => {
    const check = checkPolicy(
      withGerman({ sections: { 'sections/overview.md': 'Text <script>alert(document.cookie)</script>\n' } }),
    );
    const [pending] = check.unpublishedTranslations;
    const blocks = JSON.stringify(compileTranslation(pending!).sections[0]!.blocks);
    expect(blocks).not.toMatch(/"t":"(html|raw)"/);
    expect(blocks).toContain('<script>');
  });

  it('an edited translation must be published before the build ships it; a published one never changes', () => {
    const edited = withGerman({ yaml: (t) => replaceOnce(t, 'title: Überblick', 'title: Übersicht') });
    expect(checkPolicy(edited).unpublishedTranslations.map((t) => t.locale)).toEqual(['de-DE']);
    const files = repo();
    const [name, text] = Object.entries(files.translationSnapshotTexts ?? {})[0]!;
    const tampered = { ...files, translationSnapshotTexts: { [name]: text.replace('Überblick', 'Übersicht') } };
    expect(rules(tampered)).toContain('published-translation-tampered');
  });
});

describe('a translation never names a fact its source does not', () => {
  const retention = '  dataStored.acknowledgment-receipts.retention: >-\n';
  const germanRetention = 'Bis die App deinstalliert wird, danach 28 Tage.';
  const withRetention = (text: string) => withGerman({ yaml: (t) => replaceOnce(t, germanRetention, text) });
  /** The printed problems (`file:line: [rule] message`), as policy:check and policy:publish print them. */
  const printed = (files: PolicyFiles) => checkPolicy(files).problems.map(formatProblem);
  const lineOfRetention = (): number => {
    const yaml = repo().translations!.find((t) => t.folderLocale === 'de-DE')!.text;
    return yaml.slice(0, yaml.indexOf(retention)).split('\n').length + 1;
  };

  it.each([
    [
      'an extra host',
      'Auf Servern unter eu.vendor-cloud.com, danach 28 Tage.',
      'translation-host-extra',
      'eu.vendor-cloud.com',
    ],
    [
      'an extra URL',
      'Siehe https://vendor.de/speicher, danach 28 Tage.',
      'translation-url-extra',
      'https://vendor.de/speicher',
    ],
    [
      'an extra e-mail address',
      'Fragen an privacy@vendor.de; danach 28 Tage.',
      'translation-email-extra',
      'privacy@vendor.de',
    ],
    [
      'an extra number',
      'Bis die App deinstalliert wird, danach 28 Tage, in 3 Kopien.',
      'translation-number-extra',
      'the number 3',
    ],
    ['another duration', 'Bis die App deinstalliert wird, danach 99 Jahre.', 'translation-duration-extra', '99 years'],
    [
      'a duration in words',
      'Bis die App deinstalliert wird, danach zwölf Monate.',
      'translation-duration-extra',
      '12 months',
    ],
  ])('%s fails with the file, the line and the rule', (_, text, rule, named) => {
    const lines = printed(withRetention(text));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^policy/translations/de-DE/translation\\.yml:${lineOfRetention()}: \\[${rule}\\] texts\\.dataStored\\.acknowledgment-receipts\\.retention names .*${named.replace(/[.]/g, '\\.')}`,
        ),
      ),
    ]);
  });

  it('in a section, with the section file and the line holding it; in a title, with the title’s line', () => {
    const overview = repo().translations!.find((t) => t.folderLocale === 'de-DE')!.sectionTexts[
      'sections/overview.md'
    ]!;
    const lines = printed(
      withGerman({
        yaml: (t) => replaceOnce(t, 'title: Überblick', 'title: Überblick (Stand 2025)'),
        sections: { 'sections/overview.md': `${overview}\nDie Belege gehen an receipts.vendor.io.\n` },
      }),
    );
    const sectionLine = `${overview}\n`.split('\n').length;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^policy\/translations\/de-DE\/translation\.yml:\d+: \[translation-number-extra\] the title of section overview names the number 2025/,
        ),
        expect.stringMatching(
          new RegExp(
            `^policy/translations/de-DE/sections/overview\\.md:${sectionLine}: \\[translation-host-extra\\] section overview names the host receipts\\.vendor\\.io`,
          ),
        ),
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  it('nothing is published: policy:publish reads the same check', () => {
    const check = checkPolicy(withRetention('Bis die App deinstalliert wird, danach 99 Jahre.'));
    expect(check.unpublishedTranslations).toEqual([]);
    expect(check.problems.map((p) => p.rule)).toEqual(['translation-duration-extra']);
  });

  it('rewording, another grouping or decimal mark, a date in another order and a number in words pass', () => {
    expect(
      factsNotInSource(
        'Nach 1.000 Belegen, 2,5 Tagen, am 29.11.2026, sieben Tage lang',
        'de-DE',
        'After 1,000 receipts, 2.5 days, on 2026-11-29, for seven days',
        'en',
      ),
    ).toEqual([]);
    expect(
      factsNotInSource(
        'Siehe https://vendor.com/privacy oder vendor.com',
        'de-DE',
        'See https://vendor.com/privacy',
        'en',
      ),
    ).toEqual([]);
    expect(
      factsNotInSource('Weniger als 1.000 Tage', 'de-DE', 'Fewer than 1,000 weeks', 'en').map((f) => f.value),
    ).toEqual(['1000 day']);
    expect(
      factsNotInSource('innerhalb von 7 Tagen', 'de-DE', 'within 7 business days', 'en').map((f) => f.value),
    ).toEqual(['7 day']);
  });

  it('the German translation of this app names nothing its source does not', () => {
    expect(checkPolicy(repo()).problems).toEqual([]);
  });

  it('a hidden character in a translation is refused too', () => {
    expect(rules(withRetention('Bis die App de\u00ADinstalliert wird, danach 28 Tage.'))).toEqual([
      'invisible-character',
    ]);
    expect(rules(withGerman({ sections: { 'sections/overview.md': 'Text\u{E0041}\u{E0042}.\n' } }))).toEqual([
      'invisible-character',
    ]);
  });
});

describe('which translation the page shows', () => {
  const check = checkPolicy(repo());
  const catalog = publishedCatalog(check);
  const [v1, v2, v3] = catalog.versions;
  // The current one of a version: the catalog lists a version's revisions in order, the current one last.
  const germanOf = (version: number) =>
    catalog.translations!.filter((t) => t.source.locale === 'de-DE' && t.source.translates.version === version).pop()!;
  const german1 = germanOf(1);
  const german2 = germanOf(2);
  const german3 = germanOf(3);

  it('the one of the version in force for the same language, not stale', () => {
    expect(translationFor(catalog.translations!, v2!, 'de-AT')).toEqual({ translation: german2, stale: false });
    expect(translationFor(catalog.translations!, v1!, 'de-DE')).toEqual({ translation: german1, stale: false });
    expect(translationFor(catalog.translations!, v2!, 'fr-FR')).toBeUndefined();
  });

  it('a translation of an older version is stale once a newer version is in force', () => {
    const v4 = compileSource({ ...v2!.source, version: 4, change: { summary: 'x', materiality: 'material' } });
    expect(translationFor(catalog.translations!, v4, 'de-DE')).toEqual({ translation: german3, stale: true });
  });

  it('replaces texts but never names, domains or flags', () => {
    const facts = translatedFacts(factsOf(v1!.source), german1.source.texts);
    expect(facts.app.name).toBe(v1!.source.facts.app.name);
    expect(facts.contact).toEqual(factsOf(v1!.source).contact);
    expect(listed(facts.dataStored)[0]!.name).toBe('Belege über Bestätigungen');
    expect(listed(facts.dataStored)[0]!.personalData).toBe(listed(factsOf(v1!.source).dataStored)[0]!.personalData);
    // The translation in force words acknowledging as taking note ("Kenntnisnahme").
    expect(listed(translatedFacts(factsOf(v3!.source), german3.source.texts).dataStored)[0]!.name).toBe(
      'Belege über Kenntnisnahmen',
    );
  });

  it('the German translation of version 1, published under its paths, still applies through factsOf', () => {
    // Version 1's retention was a text; factsOf makes it { text }, addressed by the same path.
    const retention = listed(translatedFacts(factsOf(v1!.source), german1.source.texts).dataStored)[0]!.retention;
    expect(retention).toEqual({ text: expect.stringMatching(/^Bis die App deinstalliert wird/) });
  });

  it('the German translation of version 2 covers its rights, measures and retention; not-stated stays', () => {
    const facts = translatedFacts(factsOf(v2!.source), german2.source.texts);
    expect(facts.rights[0]!.responseTime).toBe('Sofort, auf dieser Seite');
    expect(facts.security.measures).toEqual([
      expect.stringMatching(/blockiert Forge/),
      expect.stringMatching(/per Hash verkettet/),
      expect.stringMatching(/^Nur Site-Administratoren/),
    ]);
    expect(listed(facts.dataStored)[0]!.retention).toEqual({ text: expect.stringMatching(/^Bis die App/) });
    expect(facts.contact).toBe('not-stated');
    expect(Object.values(sourceTexts(factsOf(v2!.source), v2!.source.change))).not.toContain('not-stated');
  });
});
