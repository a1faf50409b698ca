/**
 * "In force on DATE" (admins): which version was in force on a UTC day, and who had acknowledged it (or an
 * earlier version it stands for) by the end of that day. One inForceOn call per question.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AcknowledgmentView, ApiError, InForce } from '../../../../src/contract';
import { api } from '../api';
import { type NameDirectory, useDisplayName, Who } from '../display-names';
import { useLatest } from '../hooks/use-latest';
import { useI18n } from '../i18n/context';
import { InlineError } from './InlineError';

type Ask =
  { phase: 'idle' } | { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; answer: InForce };

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

function Acknowledger({ ack, names }: { ack: AcknowledgmentView; names: NameDirectory }): JSX.Element {
  const { rich, instantUtc } = useI18n();
  const name = useDisplayName(names, ack.accountId);
  return (
    <li>
      {rich('inForce.acknowledger', {
        who: <Who name={name} />,
        version: ack.version,
        // in UTC, like the day asked about: "by the end of that day (UTC)"
        when: <time dateTime={ack.at}>{instantUtc(ack.at)}</time>,
      })}
    </li>
  );
}

function Answer({ answer, names }: { answer: InForce; names: NameDirectory }): JSX.Element {
  const { t, calendarDate, list, number } = useI18n();
  const day = calendarDate(answer.date);
  if (answer.inForce === null) return <p>{t('inForce.none', { day })}</p>;
  const v = answer.inForce;
  const earlier = answer.standing.filter((s) => s !== v.version);
  return (
    <div class="in-force-answer" data-version={v.version}>
      <p class="in-force-version">
        {t('inForce.version', { version: v.version, effective: calendarDate(v.effectiveDate), day })}
      </p>
      {earlier.length > 0 && (
        <p class="subtle">{t('inForce.standing', { count: earlier.length, list: list(earlier.map(number)) })}</p>
      )}
      {answer.acknowledged.length === 0 ? (
        <p>{t('inForce.nobody')}</p>
      ) : (
        <>
          <p>{t('inForce.by')}</p>
          <ul class="in-force-list">
            {answer.acknowledged.map((ack, i) => (
              <Acknowledger key={`${ack.version}-${ack.at}-${i}`} ack={ack} names={names} />
            ))}
          </ul>
        </>
      )}
      {answer.truncated && (
        <p class="banner banner-warning">{t('inForce.truncated', { count: answer.acknowledged.length })}</p>
      )}
    </div>
  );
}

export function InForceOn({ names }: { names: NameDirectory }): JSX.Element {
  const { t, calendarDate } = useI18n();
  const [date, setDate] = useState(todayUtc);
  const [ask, setAsk] = useState<Ask>({ phase: 'idle' });
  const { next } = useLatest();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const current = next();
    setAsk({ phase: 'loading' });
    const result = await api.inForceOn({ date });
    if (!current()) return;
    setAsk(result.ok ? { phase: 'ready', answer: result.data } : { phase: 'failed', error: result.error });
  };

  return (
    <div class="in-force">
      <h3 id="in-force-title">{t('inForce.title')}</h3>
      <form class="inline-form" aria-labelledby="in-force-title" onSubmit={(e) => void submit(e)}>
        <label class="field" for="in-force-date">
          <span>{t('inForce.date')}</span>
          <input
            id="in-force-date"
            type="date"
            required
            value={date}
            max="9999-12-31"
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={ask.phase === 'loading' || date === ''}>
          {t('inForce.submit')}
        </button>
      </form>
      <div class="in-force-result" role="status" aria-live="polite">
        {ask.phase === 'loading' ? (
          <p class="subtle">{t('inForce.looking', { date: calendarDate(date) })}</p>
        ) : ask.phase === 'failed' ? (
          <InlineError what={t('inForce.failed')} code={ask.error.code} alert={false} />
        ) : ask.phase === 'ready' ? (
          <Answer answer={ask.answer} names={names} />
        ) : null}
      </div>
    </div>
  );
}
