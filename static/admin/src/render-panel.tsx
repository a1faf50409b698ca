/**
 * The panel's first render, its own chunk: start.tsx loads it beside the first requests, so the page's
 * components are fetched and compiled while the context and the disclosure travel.
 */
import { render } from 'preact';
import type { Disclosure } from '../../../src/contract';
import type { Tried } from './retry';
import { App } from './App';
import { I18nContext } from './i18n/context';
import type { Translator } from './i18n/translator';

export function renderPanel(
  element: Element,
  translator: Translator,
  first: Promise<Tried<Disclosure>>,
  initial: Tried<Disclosure> | undefined,
): void {
  render(
    <I18nContext.Provider value={translator}>
      <App first={first} initial={initial} />
    </I18nContext.Provider>,
    element,
  );
}
