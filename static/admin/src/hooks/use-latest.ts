/**
 * "Ignore stale responses": each request starts a new generation and gets a check that is true only while no
 * newer request has started, so an answer that arrives late never overwrites a newer one.
 */
import { useCallback, useRef } from 'preact/hooks';

export interface Latest {
  /** Starts a new request; its check is false once another request starts. */
  next: () => () => boolean;
  /** A check for continuing the current request (e.g. loading its next page) without starting a new one. */
  same: () => () => boolean;
}

export function useLatest(): Latest {
  const generation = useRef(0);
  const checkFor = useCallback((mine: number) => () => mine === generation.current, []);
  const next = useCallback(() => checkFor(++generation.current), [checkFor]);
  const same = useCallback(() => checkFor(generation.current), [checkFor]);
  return { next, same };
}
