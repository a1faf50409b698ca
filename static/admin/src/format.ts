/** Dates as the page shows them, in the viewer's locale and time zone. */
import type { Locality } from './api';

function safeFormat(locale: string, options: Intl.DateTimeFormatOptions, value: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, options).format(value);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(value);
  }
}

/** A calendar date (YYYY-MM-DD) such as an effective date: no time zone shift. */
export function formatCalendarDate(ymd: string, where: Locality): string {
  const value = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(value.getTime())) return ymd;
  return safeFormat(where.locale, { dateStyle: 'long', timeZone: 'UTC' }, value);
}

/** An instant (ISO 8601) as a local date and time. */
export function formatInstant(iso: string, where: Locality): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return safeFormat(where.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: where.timeZone }, value);
}

/** An instant as a date only. */
export function formatInstantDate(iso: string, where: Locality): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return safeFormat(where.locale, { dateStyle: 'long', timeZone: where.timeZone }, value);
}
