/** The page's translator, provided once by main.tsx and read by every component with `useI18n()`. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from './translator';

export const I18nContext = createContext<Translator | null>(null);

export function useI18n(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useI18n() needs an I18nContext provider (main.tsx renders one)');
  return translator;
}
