import type { StatementView, TranslationView } from '../contract';
import {
  translatedChange,
  translatedFacts,
  translationFor,
  type CompiledTranslation,
} from '../domain/statement/translation';
import { currentStatement, findVersion } from '../domain/statement/catalog';
import type { CompiledStatement, StatementCatalog } from '../domain/statement/types';
import { factsOf } from '../domain/statement/facts';

/** The version as the page shows it; its facts always in the current model, whichever format it was published in. */
export function statementView(statement: CompiledStatement): StatementView {
  const { id, version, effectiveDate, change } = statement.source;
  return {
    id,
    version,
    effectiveDate,
    hash: statement.hash,
    change,
    facts: factsOf(statement.source),
    sections: statement.sections,
  };
}

/** The version a translation translates, rendered in its language. */
function translatedStatement(statement: CompiledStatement, translation: CompiledTranslation): StatementView {
  const view = statementView(statement);
  const { texts } = translation.source;
  return {
    ...view,
    change: translatedChange(view.change, texts),
    facts: translatedFacts(view.facts, texts),
    sections: translation.sections,
  };
}

/** The statement in `locale` for the page, when the catalog has a translation into it. */
export function translationView(catalog: StatementCatalog, locale: string | undefined): TranslationView | undefined {
  if (!locale || !catalog.translations) return undefined;
  const found = translationFor(catalog.translations, currentStatement(catalog), locale);
  if (!found) return undefined;
  const { translation, stale } = found;
  const translated = findVersion(catalog, translation.source.translates.version);
  if (!translated) return undefined;
  return {
    locale: translation.source.locale,
    hash: translation.hash,
    translates: translation.source.translates,
    sourceLocale: translation.source.sourceLocale,
    stale,
    statement: translatedStatement(translated, translation),
  };
}
