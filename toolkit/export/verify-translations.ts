/**
 * The verifier's checks for translations: each translation in the file re-hashes to its hash and names a
 * statement version the file holds, by its hash; each acknowledgment that records a translation as shown
 * points at one in the file, in that locale, translating what the receipt says, no newer than the version
 * acknowledged. Pure.
 */
import { hashCanonical } from '../../src/domain/canonical';
import type { AcknowledgmentReceipt } from '../../src/domain/receipts/types';
import type { BundleStatement, BundleTranslation } from './format';
import { clip } from './clip';
import type { VerifyProblem } from './codes';
import * as v from 'valibot';
import { bundleTranslationSchema, shapeIssues } from './schema';

export function checkTranslations(
  raw: readonly unknown[],
  statements: ReadonlyMap<number, BundleStatement>,
  problems: VerifyProblem[],
): Map<string, BundleTranslation> {
  const byHash = new Map<string, BundleTranslation>();
  raw.forEach((entry, index) => {
    const where = `translations[${index}]`;
    const shape = v.safeParse(bundleTranslationSchema, entry);
    if (!shape.success) {
      for (const issue of shapeIssues(shape.issues, where))
        problems.push({ where: issue.path, code: issue.code, message: `not a translation: ${issue.message}` });
      return;
    }
    const translation = entry as BundleTranslation;
    const { locale, translates } = translation.source;
    const named = `${where} (${clip(locale, 20)}, version ${translates.version})`;
    if (hashCanonical(translation.source) !== translation.hash) {
      problems.push({
        where: named,
        code: 'PPV-TRANSLATION-HASH',
        message: 'the translation does not match its hash (altered, or not the one published)',
      });
    }
    const original = statements.get(translates.version);
    if (!original) {
      problems.push({
        where: named,
        code: 'PPV-TRANSLATION-SOURCE',
        message: `translates statement version ${translates.version}, which the file does not hold`,
      });
    } else if (original.hash !== translates.hash) {
      problems.push({
        where: named,
        code: 'PPV-TRANSLATION-SOURCE',
        message: `names a source hash that is not the hash of version ${translates.version} in the file`,
      });
    }
    byHash.set(translation.hash, translation);
  });
  return byHash;
}

/** An acknowledgment's `shown`, against the translations in the file. Returns the problems' messages. */
export function shownProblems(
  receipt: AcknowledgmentReceipt,
  translations: ReadonlyMap<string, BundleTranslation>,
): string[] {
  const shown = receipt.shown;
  if (!shown) return [];
  const translation = translations.get(shown.hash);
  if (!translation)
    return [
      `records a ${clip(shown.locale, 20)} translation as shown (hash ${clip(shown.hash, 64)}), which the file does not hold`,
    ];
  const out: string[] = [];
  const { source } = translation;
  if (source.locale !== shown.locale)
    out.push(`records the translation shown as ${clip(shown.locale, 20)}, but it is ${clip(source.locale, 20)}`);
  if (source.translates.version !== shown.translates.version || source.translates.hash !== shown.translates.hash) {
    out.push('records a source for the translation shown that differs from the one the translation names');
  }
  if (shown.translates.version > receipt.notice.version) {
    out.push(
      `records a translation of version ${shown.translates.version}, newer than the version ${receipt.notice.version} acknowledged`,
    );
  }
  return out;
}
