/**
 * How many of `stages` later parts of a page to render: none in the first frame that shows `ready`
 * content, then one more in each task after a paint, so the first paint waits for no more than the first
 * screen shows and no task after it does more than one part's work. (A requestAnimationFrame callback runs
 * before its frame paints; the timeout it sets runs after.) A page that is not painting (a hidden tab gets
 * no animation frames) still gets every part, one per HIDDEN_STEP_MS.
 */
import { useEffect, useState } from 'preact/hooks';

const HIDDEN_STEP_MS = 200;

export function useStagedAfterFirstPaint(ready: boolean, stages: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= stages) return undefined;
    const next = (): void => setShown((n) => Math.max(n, shown + 1));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      clearTimeout(fallback);
      timer = setTimeout(next, 0);
    });
    const fallback = setTimeout(() => {
      cancelAnimationFrame(frame);
      next();
    }, HIDDEN_STEP_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown, stages]);
  return shown;
}
