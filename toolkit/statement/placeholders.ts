/**
 * Placeholders a published statement may not contain: reserved example hosts (`.invalid`, `.example`,
 * `example.com|org|net`), "TBD", "TODO", "FIXME", "lorem", and the template's own vendor name in a
 * statement that is not the template's. Each finding names the field (or section file) and its line.
 */
import type { RuleId } from './problems';
import type { Path } from './yaml-lines';

/** The statement this repository ships as a template (policy/statement.yml): its id and vendor name. */
/** The template statement (this repository's own), and the package that owns it and may publish it. */
export const TEMPLATE_STATEMENT = {
  id: 'privacy-panel',
  vendorName: 'Privacy Panel contributors',
  ownerPackage: 'privacy-panel',
} as const;

/** A host reserved for examples (RFC 2606 / RFC 6761), anywhere in a text: URL, email or bare host. */
const PLACEHOLDER_HOST =
  /(?:^|[^a-z0-9.-])((?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:invalid|example)))(?![a-z0-9-])/i;
const PLACEHOLDER_WORD = /\b(TBD|TODO|FIXME|lorem)\b/i;

export interface PlaceholderFinding {
  path: Path;
  rule: RuleId;
  message: string;
}

/** The placeholder in one text, if any. */
export function placeholderIn(value: string): { rule: RuleId; found: string } | undefined {
  const host = PLACEHOLDER_HOST.exec(value);
  if (host?.[1]) return { rule: 'placeholder-host', found: host[1] };
  const word = PLACEHOLDER_WORD.exec(value);
  if (word?.[1]) return { rule: 'placeholder-text', found: word[1] };
  return undefined;
}

function describe(rule: RuleId, found: string): string {
  return rule === 'placeholder-host'
    ? `names the placeholder host ${found}: give the real one, or not-stated`
    : `contains the placeholder "${found}": write the real value, or not-stated`;
}

/** Every placeholder text in a parsed value (depth first), by path. */
export function placeholderFindings(value: unknown, path: Path = []): PlaceholderFinding[] {
  if (typeof value === 'string') {
    const hit = placeholderIn(value);
    return hit ? [{ path, rule: hit.rule, message: describe(hit.rule, hit.found) }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item: unknown, i) => placeholderFindings(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => placeholderFindings(item, [...path, key]));
  return [];
}

/** The template's vendor name left in a statement that is not the template. */
export function templateVendorFinding(statement: unknown): PlaceholderFinding | undefined {
  if (statement === null || typeof statement !== 'object') return undefined;
  const { id, facts } = statement as Record<string, unknown>;
  const vendor = facts !== null && typeof facts === 'object' ? (facts as Record<string, unknown>)['vendor'] : undefined;
  const name = vendor !== null && typeof vendor === 'object' ? (vendor as Record<string, unknown>)['name'] : undefined;
  if (typeof name !== 'string' || id === TEMPLATE_STATEMENT.id) return undefined;
  if (name.trim().toLowerCase() !== TEMPLATE_STATEMENT.vendorName.toLowerCase()) return undefined;
  return {
    path: ['facts', 'vendor', 'name'],
    rule: 'placeholder-vendor',
    message: `is the template's vendor name "${TEMPLATE_STATEMENT.vendorName}": write your own`,
  };
}

/** Placeholders in a section's Markdown, by 1-based line. */
export function sectionPlaceholders(markdown: string): { line: number; rule: RuleId; message: string }[] {
  return markdown.split('\n').flatMap((text, i) => {
    const hit = placeholderIn(text);
    return hit ? [{ line: i + 1, rule: hit.rule, message: describe(hit.rule, hit.found) }] : [];
  });
}
