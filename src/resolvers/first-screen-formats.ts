/**
 * The format seed of getDisclosure: the dates, language names and list pattern the page's first screen shows
 * (its header, status and translation notice), formatted as the page would (src/page-formats.ts), so that
 * the page paints them without an Intl formatter of its own. Anything it misses the page formats itself.
 */
import type { Disclosure, FormatRequest, FormatSeed } from '../contract';
import { seedFormats, type FirstScreenValues } from '../page-formats';

/** The values above the fold that go through Intl, read from the disclosure the page is about to render. */
export function firstScreenValues(disclosure: Omit<Disclosure, 'formats'>): FirstScreenValues {
  const { status, viewer, translation } = disclosure;
  const own = viewer.acknowledgedCurrent;
  const instants = [
    ...(status.state === 'acknowledged' ? [status.first.at] : []),
    ...(status.state === 'outdated' ? [status.last.at] : []),
    ...(own ? [own.at] : []),
  ];
  return {
    calendarDates: [disclosure.statement.effectiveDate, ...(translation ? [translation.statement.effectiveDate] : [])],
    instantDates: instants,
    relativeDays: own ? [own.at] : [],
    languages: translation ? [translation.locale, translation.sourceLocale] : [],
  };
}

/** The seed for `request`, or undefined for a time zone the function's Intl does not know (the page formats). */
export function formatSeedFor(
  request: FormatRequest,
  disclosure: Omit<Disclosure, 'formats'>,
  now: Date,
): FormatSeed | undefined {
  try {
    return seedFormats(request, firstScreenValues(disclosure), now);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
