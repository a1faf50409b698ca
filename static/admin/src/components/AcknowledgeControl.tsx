/** The Acknowledge button with its pending and failed states. Shown only to admins who may acknowledge. */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { AckState } from '../hooks/use-disclosure';
import { PAGE_RETRIES } from '../retry';
import { useI18n } from '../i18n/context';
import { InlineError } from './InlineError';

interface Props {
  version: number;
  state: AckState;
  onAcknowledge: () => void;
}

export function AcknowledgeControl({ version, state, onAcknowledge }: Props): JSX.Element {
  const { t } = useI18n();
  const retryRef = useRef<HTMLButtonElement>(null);
  const failed = state.phase === 'failed';
  useEffect(() => {
    if (failed) retryRef.current?.focus();
  }, [failed]);

  return (
    <div class="ack-control">
      {state.phase === 'failed' ? (
        <InlineError
          // A transient failure may have come after the write landed (its answer lost): not known either way.
          what={t(state.error.retryable ? 'ack.uncertain' : 'ack.failed')}
          code={state.error.code}
          attempts={state.attempts}
          onRetry={onAcknowledge}
          retryRef={retryRef}
          primary
        />
      ) : (
        <button
          type="button"
          class="button button-primary"
          id="acknowledge"
          disabled={state.phase === 'pending'}
          aria-describedby="ack-help"
          onClick={onAcknowledge}
        >
          {state.phase === 'pending' ? t('ack.pending') : t('ack.button', { version })}
        </button>
      )}
      {state.phase === 'pending' && state.retry !== undefined && (
        <p class="subtle ack-retrying" role="status">
          {t('ack.retrying', { retry: state.retry, retries: PAGE_RETRIES.attempts - 1 })}
        </p>
      )}
      <p id="ack-help" class="subtle">
        {t('ack.help', { version })}
      </p>
    </div>
  );
}
