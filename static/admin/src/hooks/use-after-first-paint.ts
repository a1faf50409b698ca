/**
 * True from the task after the first frame that showed `ready` content was painted: a component renders
 * what a first screen shows at once and the rest right after, so the first paint waits for no more than
 * it shows. (A requestAnimationFrame callback runs before that frame paints; the timeout it sets runs after.)
 */
import { useEffect, useState } from 'preact/hooks';

export function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
