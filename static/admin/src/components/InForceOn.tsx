/**
 * "In force on DATE" (admins): which version was in force on a UTC day, and who had acknowledged it (or an
 * earlier version it stands for) by the end of that day. One inForceOn call per question.
 */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { AcknowledgmentView, ApiError, InForce } from '../../../../src/contract';
import type { Locality } from '../api';
import { api } from '../api';
import { type NameDirectory, useDisplayName } from '../displayNames';
import { formatCalendarDate, formatInstant } from '../format';

type Ask =
  { phase: 'idle' } | { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; answer: InForce };

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

function Acknowledger({
  ack,
  names,
  where,
}: {
  ack: AcknowledgmentView;
  names: NameDirectory;
  where: Locality;
}): JSX.Element {
  const name = useDisplayName(names, ack.accountId);
  return (
    <li>
      <span class="who">{name ?? 'Loading…'}</span>, version {ack.version}, on{' '}
      <time dateTime={ack.at}>{formatInstant(ack.at, where)}</time>
    </li>
  );
}

function Answer({ answer, names, where }: { answer: InForce; names: NameDirectory; where: Locality }): JSX.Element {
  const day = formatCalendarDate(answer.date, where);
  if (answer.inForce === null) return <p>No version of the statement was in force on {day}.</p>;
  const v = answer.inForce;
  const earlier = answer.standing.filter((s) => s !== v.version);
  return (
    <div class="in-force-answer" data-version={v.version}>
      <p class="in-force-version">
        Version {v.version} (effective {formatCalendarDate(v.effectiveDate, where)}) was in force on {day}.
      </p>
      {earlier.length > 0 && (
        <p class="subtle">
          Acknowledgments of version{earlier.length > 1 ? 's' : ''} {earlier.join(', ')} stand for it: only editorial
          changes came after.
        </p>
      )}
      {answer.acknowledged.length === 0 ? (
        <p>No one had acknowledged it by the end of that day (UTC).</p>
      ) : (
        <>
          <p>Acknowledged by the end of that day (UTC) by:</p>
          <ul class="in-force-list">
            {answer.acknowledged.map((ack, i) => (
              <Acknowledger key={`${ack.version}-${ack.at}-${i}`} ack={ack} names={names} where={where} />
            ))}
          </ul>
        </>
      )}
      {answer.truncated && (
        <p class="banner banner-warning">
          Truncated: only the first {answer.acknowledged.length} acknowledgments are shown. The export has them all.
        </p>
      )}
    </div>
  );
}

export function InForceOn({ names, where }: { names: NameDirectory; where: Locality }): JSX.Element {
  const [date, setDate] = useState(todayUtc);
  const [ask, setAsk] = useState<Ask>({ phase: 'idle' });
  const generation = useRef(0);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const mine = ++generation.current;
    setAsk({ phase: 'loading' });
    const result = await api.inForceOn({ date });
    if (mine !== generation.current) return;
    setAsk(result.ok ? { phase: 'ready', answer: result.data } : { phase: 'failed', error: result.error });
  };

  return (
    <div class="in-force">
      <h3 id="in-force-title">In force on a date</h3>
      <form class="inline-form" aria-labelledby="in-force-title" onSubmit={(e) => void submit(e)}>
        <label class="field" for="in-force-date">
          <span>Date (UTC)</span>
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
          Show what was in force
        </button>
      </form>
      <div class="in-force-result" role="status" aria-live="polite">
        {ask.phase === 'loading' ? (
          <p class="subtle">Looking up {date}…</p>
        ) : ask.phase === 'failed' ? (
          <div class="inline-error">
            <p>That could not be looked up: {ask.error.message}</p>
          </div>
        ) : ask.phase === 'ready' ? (
          <Answer answer={ask.answer} names={names} where={where} />
        ) : null}
      </div>
    </div>
  );
}
