/** Translated statements: what the build checks, and which translation the page gets. */
import { factsOf } from '../../src/domain/statement/facts';
import { readPolicyFiles } from '../../toolkit/cli/policy-files';
import { compileSource } from '../../toolkit/statement/compile';
import { checkPolicy, publishedCatalog, type PolicyFiles } from '../../toolkit/statement/policy';
import { compileTranslation } from '../../toolkit/statement/translation';
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
    const check = checkPolicy(withGerman({ sections: { 'sections/overview.md': 'Text <script>alert(1)</script>\n' } }));
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

describe('which translation the page shows', () => {
  const check = checkPolicy(repo());
  const catalog = publishedCatalog(check);
  const [v1, v2] = catalog.versions;
  const germanOf = (version: number) =>
    catalog.translations!.find((t) => t.source.locale === 'de-DE' && t.source.translates.version === version)!;
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
