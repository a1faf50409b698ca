/**
 * Heading anchors: readable, ASCII, unique within one statement, and namespaced with `s-` so that no
 * heading can take one of the page's own element ids (`export`, `status`, `acknowledge`, `app`, …). The
 * ids are compiled output: the statement's hash is over its source, so they can change without a new
 * version.
 */

/** Every heading id starts with this; the page's own ids never do (test/statement/heading-ids.test.ts). */
export const HEADING_ID_PREFIX = 's-';

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'heading' : slug;
}

/**
 * Hands out heading ids, suffixing `-2`, `-3`… when one is taken. Remembers the next suffix per base, so
 * n identical headings cost O(n), not O(n²). `reserved` ids are never handed out.
 */
export class Slugger {
  private readonly taken = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.taken.add(id);
  }

  next(text: string): string {
    const base = `${HEADING_ID_PREFIX}${slugify(text)}`;
    let candidate = base;
    let n = this.nextSuffix.get(base) ?? 2;
    if (this.taken.has(candidate)) {
      while (this.taken.has(`${base}-${n}`)) n += 1;
      candidate = `${base}-${n}`;
      n += 1;
    }
    this.nextSuffix.set(base, n);
    this.taken.add(candidate);
    return candidate;
  }
}
