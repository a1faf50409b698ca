/**
 * Translations of published statement versions (policy/translations/<locale>/): parsed, checked against the
 * version they translate, compiled with the same Markdown compiler as the source, and hashed. Published
 * translations are immutable like published versions: each one's source is kept verbatim in
 * policy/translations/published/ under a name that carries its hash, so every translation a receipt ever
 * referenced stays in the catalog and in exports. Pure: toolkit/cli/policy-files.ts reads the files.
 */
import * as v from 'valibot';
import { canonicalJson, hashCanonical } from '../../src/domain/canonical';
import { sourceTexts, type CompiledTranslation, type TranslationSource } from '../../src/domain/statement/translation';
import type { CompiledStatement } from '../../src/domain/statement/types';
import { factsOf } from '../../src/domain/statement/facts';
import { issuesToProblems } from './issues';
import { choice, mappingOnly, strict } from './schema-parts';
import { compileSections } from './compile';
import { markdownProblems } from './markdown';
import { normaliseMarkdown } from './normalise';
import { invisibleCharacterProblems } from './invisible';
import { describeFact, factsNotInSource, type ProseFact, type ProseFactKind } from './prose-facts';
import { problem, type RuleId, type StatementProblem } from './problems';
import { parseYaml } from './yaml-lines';

/** The locales Forge resolves (forge-facts §7): a translation into any other would never be shown. */
export const FORGE_LOCALES = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'es-ES',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'zh-CN',
  'zh-TW',
  'pt-BR',
  'pt-PT',
  'ru-RU',
  'nl-NL',
  'sv-SE',
  'da-DK',
  'fi-FI',
  'no-NO',
  'pl-PL',
  'cs-CZ',
  'hu-HU',
  'et-EE',
  'is-IS',
  'ro-RO',
  'sk-SK',
  'tr-TR',
] as const;

export const TRANSLATION_PATHS = {
  folder: 'translations',
  file: 'translation.yml',
  published: 'published',
} as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters'));
const translates = strict({
  version: v.pipe(v.number(), v.integer(), v.minValue(1, 'must be 1 or more')),
  hash: hex64,
});

const translationFileSchema = strict({
  locale: choice(FORGE_LOCALES),
  sourceLocale: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale such as en or en-GB')),
  translates,
  texts: mappingOnly(v.record(v.string(), text)),
  sections: v.array(
    strict({
      id: v.string(),
      title: text,
      file: v.pipe(v.string(), v.regex(/^sections\/[A-Za-z0-9][A-Za-z0-9._-]*\.md$/, 'must be sections/<name>.md')),
    }),
  ),
});

const snapshotSchema = strict({
  locale: v.string(),
  statementId: v.string(),
  translates,
  sourceLocale: v.string(),
  texts: mappingOnly(v.record(v.string(), v.string())),
  sections: v.array(strict({ id: v.string(), title: v.string(), markdown: v.string() })),
});

export interface TranslationFiles {
  /** The translation file as problems name it, e.g. `policy/translations/de-DE/translation.yml`. */
  file: string;
  /** The locale its folder names. */
  folderLocale: string;
  text: string;
  /** Section texts by path relative to its folder (`sections/overview.md`). */
  sectionTexts: Readonly<Record<string, string>>;
}

type TranslationFile = v.InferOutput<typeof translationFileSchema>;
type LineOf = (path: readonly PropertyKey[]) => number;

/** Every text of the original translated, none extra, and no fact (URL, number…) the original does not state. */
function textProblems(
  input: TranslationFiles,
  data: TranslationFile,
  original: CompiledStatement,
  lineOf: LineOf,
): StatementProblem[] {
  const { file } = input;
  const problems: StatementProblem[] = [];
  const expected = sourceTexts(factsOf(original.source), original.source.change);
  for (const path of Object.keys(expected)) {
    if (!(path in data.texts))
      problems.push(
        problem(
          file,
          lineOf(['texts']),
          'translation-text-missing',
          `texts.${path} is missing (source: “${expected[path] ?? ''}”)`,
        ),
      );
  }
  for (const path of Object.keys(data.texts)) {
    if (!(path in expected))
      problems.push(
        problem(
          file,
          lineOf(['texts', path]),
          'translation-text-extra',
          `texts.${path} is not a text of version ${original.source.version}`,
        ),
      );
  }

  const textLines = input.text.split(/\r\n?|\n/);
  for (const [path, translated] of Object.entries(data.texts)) {
    const from = expected[path];
    if (from === undefined) continue;
    const line = lineOf(['texts', path]);
    for (const fact of factsNotInSource(translated, data.locale, from, data.sourceLocale))
      problems.push(proseFactProblem(file, lineOfRaw(textLines, fact.raw, line), `texts.${path}`, fact, from));
  }

  return problems;
}

/** The original's sections, each once, in its order. */
function sectionOrderProblems(
  file: string,
  data: TranslationFile,
  original: CompiledStatement,
  lineOf: LineOf,
): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const ids = original.source.sections.map((s) => s.id);
  const given = data.sections.map((s) => s.id);
  ids.forEach((id, i) => {
    if (!given.includes(id))
      problems.push(problem(file, lineOf(['sections']), 'translation-section-missing', `section ${id} is missing`));
    else if (given[i] !== id)
      problems.push(
        problem(
          file,
          lineOf(['sections', given.indexOf(id)]),
          'translation-section-order',
          `section ${id} must come at position ${i + 1}, as in the source`,
        ),
      );
  });
  given.forEach((id, i) => {
    if (!ids.includes(id))
      problems.push(
        problem(
          file,
          lineOf(['sections', i, 'id']),
          'translation-section-extra',
          `version ${original.source.version} has no section ${id}`,
        ),
      );
  });

  return problems;
}

/**
 * Each translated section's Markdown, normalised, under the same Markdown rules as the source's sections (the
 * same compiler renders them); its problems go to `problems`.
 */
function translatedSections(
  input: TranslationFiles,
  data: TranslationFile,
  original: CompiledStatement,
  lineOf: LineOf,
  problems: StatementProblem[],
): string[] {
  const { file } = input;
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  return data.sections.map((s, i) => {
    const raw = input.sectionTexts[s.file];
    if (raw === undefined) {
      problems.push(
        problem(file, lineOf(['sections', i, 'file']), 'section-file-missing', `${folder}${s.file} does not exist`),
      );
      return '';
    }
    const normalised = normaliseMarkdown(raw);
    const sectionFile = `${folder}${s.file}`;
    problems.push(...invisibleCharacterProblems(raw, sectionFile), ...markdownProblems(normalised, sectionFile));
    const from = original.source.sections.find((o) => o.id === s.id);
    if (from) {
      const titleLine = lineOf(['sections', i, 'title']);
      for (const fact of factsNotInSource(s.title, data.locale, from.title, data.sourceLocale))
        problems.push(proseFactProblem(file, titleLine, `the title of section ${s.id}`, fact, from.title));
      const lines = raw.split(/\r\n?|\n/);
      for (const fact of factsNotInSource(normalised, data.locale, from.markdown, data.sourceLocale))
        problems.push(proseFactProblem(sectionFile, lineOfRaw(lines, fact.raw, 1), `section ${s.id}`, fact));
    }
    return normalised;
  });
}

/** Parses one translation and checks it against the published version it names. */
export function parseTranslation(
  input: TranslationFiles,
  published: readonly CompiledStatement[],
): { source?: TranslationSource; problems: StatementProblem[] } {
  const { file } = input;
  const hidden = invisibleCharacterProblems(input.text, file);
  if (hidden.length > 0) return { problems: hidden };
  const yaml = parseYaml(input.text);
  if (yaml.errors.length > 0)
    return { problems: yaml.errors.map((e) => problem(file, e.line, 'yaml-syntax', e.message)) };
  const lineOf: LineOf = (path) => yaml.locate.line(path);
  const parsed = v.safeParse(translationFileSchema, yaml.value);
  if (!parsed.success) return { problems: issuesToProblems(parsed.issues, yaml.value, file, lineOf) };
  const data = parsed.output;
  const problems: StatementProblem[] = [];
  if (data.locale !== input.folderLocale) {
    problems.push(
      problem(
        file,
        lineOf(['locale']),
        'translation-locale-mismatch',
        `locale ${data.locale} is in the folder of ${input.folderLocale}`,
      ),
    );
  }
  const original = published.find((s) => s.source.version === data.translates.version);
  if (!original) {
    return {
      problems: [
        ...problems,
        problem(
          file,
          lineOf(['translates', 'version']),
          'translation-source-unknown',
          `version ${data.translates.version} is not published`,
        ),
      ],
    };
  }
  if (original.hash !== data.translates.hash) {
    problems.push(
      problem(
        file,
        lineOf(['translates', 'hash']),
        'translation-source-hash',
        `version ${data.translates.version} hashes to ${original.hash}: this translation names another text`,
      ),
    );
  }

  problems.push(...textProblems(input, data, original, lineOf), ...sectionOrderProblems(file, data, original, lineOf));
  const markdown = translatedSections(input, data, original, lineOf, problems);
  if (problems.length > 0) return { problems };
  return {
    source: {
      locale: data.locale,
      statementId: original.source.id,
      translates: data.translates,
      sourceLocale: data.sourceLocale,
      texts: data.texts,
      sections: data.sections.map((s, i) => ({ id: s.id, title: s.title, markdown: markdown[i] ?? '' })),
    },
    problems: [],
  };
}

const FACT_RULES: Readonly<Record<ProseFactKind, RuleId>> = {
  url: 'translation-url-extra',
  email: 'translation-email-extra',
  host: 'translation-host-extra',
  number: 'translation-number-extra',
  duration: 'translation-duration-extra',
};

const FACT_NAMES: Readonly<Record<ProseFactKind, string>> = {
  url: 'the URL',
  email: 'the e-mail address',
  host: 'the host',
  number: 'the number',
  duration: 'the duration',
};

/** The first line at or after `from` (1-based) holding `raw` (or its last word); `from` itself when none does. */
function lineOfRaw(lines: readonly string[], raw: string, from: number): number {
  for (const needle of [raw, raw.split(' ').pop() ?? raw])
    for (let i = Math.max(0, from - 1); i < lines.length; i += 1) if (lines[i]?.includes(needle)) return i + 1;
  return from;
}

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/**
 * A translation says what its source says: it never names a URL, address, host, number or duration its
 * source text does not (structured facts come from the source; prose can only be reworded).
 */
function proseFactProblem(
  file: string,
  line: number,
  where: string,
  fact: ProseFact,
  source?: string,
): StatementProblem {
  const shown = source === undefined ? '' : ` (source: “${quoted(source)}”)`;
  return problem(
    file,
    line,
    FACT_RULES[fact.kind],
    `${where} names ${FACT_NAMES[fact.kind]} ${describeFact(fact)} (“${fact.raw}”), which the source does not${shown}: a translation may reword its source, never add to it`,
  );
}

/** Its hash and safe block tree, compiled exactly like a source version's sections. */
export function compileTranslation(source: TranslationSource): CompiledTranslation {
  return { source, hash: hashCanonical(source), sections: compileSections(source.sections) };
}

/** `de-DE-v1-0123456789ab.json`: the locale, the version translated and the start of the translation's hash. */
export function translationSnapshotName(source: TranslationSource, hash: string): string {
  return `${source.locale}-v${source.translates.version}-${hash.slice(0, 12)}.json`;
}

export function translationSnapshotText(source: TranslationSource): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(source)), null, 2)}\n`;
}

/** A published translation's file: its shape, and a name that matches what it holds and hashes to. */
export function parseTranslationSnapshot(
  name: string,
  text: string,
  file: string,
): { translation?: CompiledTranslation; problems: StatementProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [problem(file, 1, 'snapshot-invalid', `not valid JSON: ${(error as Error).message}`)] };
  }
  const parsed = v.safeParse(snapshotSchema, value);
  if (!parsed.success) {
    const [first] = issuesToProblems(parsed.issues, value, file, () => 1);
    return { problems: [problem(file, 1, 'snapshot-invalid', first?.message ?? 'invalid')] };
  }
  const translation = compileTranslation(parsed.output);
  if (translationSnapshotName(parsed.output, translation.hash) !== name) {
    return {
      problems: [
        problem(
          file,
          1,
          'published-translation-tampered',
          `hashes to ${translation.hash}; a published translation never changes (expected the name ${translationSnapshotName(parsed.output, translation.hash)})`,
        ),
      ],
    };
  }
  return { translation, problems: [] };
}
