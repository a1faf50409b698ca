/** Loads a diff between two versions on demand (never before the first paint), in the page's language. */
import { useCallback, useState } from 'preact/hooks';
import type { ApiError, VersionDiff } from '../../../../src/contract';
import { api } from '../api';
import { useLatest } from '../hooks/use-latest';
import { useI18n } from '../i18n/context';

export type DiffLoad =
  | { phase: 'idle' }
  | { phase: 'loading'; from: number; to: number }
  | { phase: 'failed'; from: number; to: number; error: ApiError }
  | { phase: 'ready'; diff: VersionDiff };

export function useDiff(): { load: DiffLoad; fetchDiff: (from: number, to: number) => Promise<void> } {
  const { locale } = useI18n();
  const [load, setLoad] = useState<DiffLoad>({ phase: 'idle' });
  const { next } = useLatest();
  const fetchDiff = useCallback(
    async (from: number, to: number) => {
      const current = next();
      setLoad({ phase: 'loading', from, to });
      const result = await api.diffVersions({ from, to, locale });
      if (!current()) return;
      setLoad(result.ok ? { phase: 'ready', diff: result.data } : { phase: 'failed', from, to, error: result.error });
    },
    [next, locale],
  );
  return { load, fetchDiff };
}
