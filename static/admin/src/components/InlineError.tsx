/**
 * A failure in place: what failed and why in the page's words, and a Retry button when the action can be
 * repeated. `alert` announces it at once (for failures of what the user just did or of the page itself).
 */
import type { JSX, Ref } from 'preact';
import type { ErrorCode } from '../../../../src/contract';
import { useI18n } from '../i18n/context';

interface Props {
  /** What failed, e.g. "The history could not be loaded." */
  what: string;
  /** Why, as the resolver's error code; absent when `what` says it all. */
  code?: ErrorCode;
  /** How many times the page asked before giving up (retry.ts): said when more than once. */
  attempts?: number;
  onRetry?: () => void;
  retryRef?: Ref<HTMLButtonElement>;
  primary?: boolean;
  alert?: boolean;
}

export function InlineError({ what, code, attempts, onRetry, retryRef, primary, alert = true }: Props): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="inline-error" role={alert ? 'alert' : undefined}>
      <p>
        {code ? t('error.withReason', { what, reason: t(`error.${code}`) }) : what}
        {attempts !== undefined && attempts > 1 && <> {t('error.tried', { count: attempts })}</>}
      </p>
      {onRetry && (
        <button type="button" class={primary ? 'button button-primary' : 'button'} ref={retryRef} onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
