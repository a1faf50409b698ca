/** Loads a diff between two versions on demand (never before the first paint), with retry. */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { ApiError, VersionDiff } from '../../../../src/contract';
import { api } from '../api';

export type DiffLoad =
  | { phase: 'idle' }
  | { phase: 'loading'; from: number; to: number }
  | { phase: 'failed'; from: number; to: number; error: ApiError }
  | { phase: 'ready'; diff: VersionDiff };

export function useDiff(): { load: DiffLoad; fetchDiff: (from: number, to: number) => Promise<void> } {
  const [load, setLoad] = useState<DiffLoad>({ phase: 'idle' });
  const generation = useRef(0);
  const fetchDiff = useCallback(async (from: number, to: number) => {
    const mine = ++generation.current;
    setLoad({ phase: 'loading', from, to });
    const result = await api.diffVersions({ from, to });
    if (mine !== generation.current) return;
    setLoad(result.ok ? { phase: 'ready', diff: result.data } : { phase: 'failed', from, to, error: result.error });
  }, []);
  return { load, fetchDiff };
}
