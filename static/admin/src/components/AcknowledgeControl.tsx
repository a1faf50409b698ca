/** The Acknowledge button with its pending and failed states. Shown only to admins who may acknowledge. */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../../../../src/contract';

export type AckState = { phase: 'idle' } | { phase: 'pending' } | { phase: 'failed'; error: ApiError };

interface Props {
  version: number;
  state: AckState;
  onAcknowledge: () => void;
}

export function AcknowledgeControl({ version, state, onAcknowledge }: Props): JSX.Element {
  const retryRef = useRef<HTMLButtonElement>(null);
  const failed = state.phase === 'failed';
  useEffect(() => {
    if (failed) retryRef.current?.focus();
  }, [failed]);

  return (
    <div class="ack-control">
      {state.phase === 'failed' ? (
        <div class="inline-error" role="alert">
          <p>{state.error.message}</p>
          <button type="button" class="button button-primary" ref={retryRef} onClick={onAcknowledge}>
            Retry
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="button button-primary"
          id="acknowledge"
          disabled={state.phase === 'pending'}
          aria-describedby="ack-help"
          onClick={onAcknowledge}
        >
          {state.phase === 'pending' ? 'Acknowledging…' : `Acknowledge version ${version}`}
        </button>
      )}
      <p id="ack-help" class="subtle">
        Records that you, as a site admin, have read version {version} of this statement.
      </p>
    </div>
  );
}
