/**
 * Above the statement when it has a translation into the viewer's language: which text is on screen, and a
 * switch between the translation and the source-language original. A translation of an older version says
 * plainly that the original of the version in force is the authoritative text, with a link to it.
 */
import type { JSX } from 'preact';
import type { TranslationView } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { STATEMENT_ANCHOR } from './Statement';

interface Props {
  translation: TranslationView;
  /** The version in force. */
  current: number;
  /** Whether the original is on screen instead of the translation. */
  original: boolean;
  onReadOriginal: () => void;
  onShowTranslation: () => void;
}

export function TranslationNotice({
  translation,
  current,
  original,
  onReadOriginal,
  onShowTranslation,
}: Props): JSX.Element {
  const { t, languageName } = useI18n();
  const source = languageName(translation.sourceLocale);
  const link = (label: string, onClick: () => void): JSX.Element => (
    <a
      href={`#${STATEMENT_ANCHOR}`}
      class="translation-switch"
      onClick={(event) => {
        event.preventDefault();
        onClick();
      }}
    >
      {label}
    </a>
  );
  if (original) {
    return (
      <p class="banner banner-info translation-notice" data-shown="original">
        {t('translation.originalShown', { language: source, version: current })}{' '}
        {link(t('translation.showTranslation', { language: languageName(translation.locale) }), onShowTranslation)}
      </p>
    );
  }
  if (translation.stale) {
    return (
      <p class="banner banner-warning translation-notice" data-shown="stale-translation" role="note">
        {t('translation.stale', { translated: translation.translates.version, current, language: source })}{' '}
        {link(t('translation.readOriginal', { language: source }), onReadOriginal)}
      </p>
    );
  }
  return (
    <p class="banner banner-info translation-notice" data-shown="translation">
      {t('translation.note', { language: source, version: translation.translates.version })}{' '}
      {link(t('translation.showOriginal', { language: source }), onReadOriginal)}
    </p>
  );
}
