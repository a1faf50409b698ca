/** Heading anchors: readable, ASCII, and unique within one statement. */

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'heading' : slug;
}

/** Hands out slugs, suffixing `-2`, `-3`… when one is taken. Seed it with the section ids. */
export class Slugger {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.taken.add(id);
  }

  next(text: string): string {
    const base = slugify(text);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n += 1) candidate = `${base}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
