/**
 * How many of `stages` later parts of a page to render: none in the first frame that shows `ready`
 * content, then one more in each task after a paint, so the first paint waits for no more than the first
 * screen shows and no task after it does more than one part's work. (A requestAnimationFrame callback runs
 * before its frame paints; the timeout it sets runs after.)
 */
import { useEffect, useState } from 'preact/hooks';

export function useStagedAfterFirstPaint(ready: boolean, stages: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= stages) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown((n) => n + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown, stages]);
  return shown;
}
