/**
 * The truth table, enumerated: every value state × hosting model × evidence state, against the rules the
 * page, the claims and the Marketplace answers rely on; and every fact's wording present in each catalog.
 */
import { CLAIM_TEXT_EN, claimSentence, claimTextKeys } from '../../src/domain/evidence/claim-text';
import { purposeText } from '../../src/domain/statement/facts';
import { translatedFacts } from '../../src/domain/statement/translation';
import {
  EVIDENCE_STATES,
  FACT_STATES,
  factStates,
  forgeDeletionHolds,
  HOSTING_STATES,
  listState,
  TRUTH_FACTS,
  truthOf,
  VALUE_STATES,
  type Truth,
} from '../../src/domain/statement/truth-table';
import type { StatementFacts } from '../../src/domain/statement/types';
import { messages as de } from '../../static/admin/src/i18n/messages/de';
import en from '../../static/admin/src/i18n/messages/en';
import { sourceOf, MODELS } from './helpers';

const ROWS = VALUE_STATES.flatMap((value) =>
  HOSTING_STATES.flatMap((hosting) => EVIDENCE_STATES.map((evidence) => ({ value, hosting, evidence }))),
);

describe('the truth table', () => {
  test('has one row for each of the 6 × 5 × 4 combinations', () => {
    expect(ROWS).toHaveLength(VALUE_STATES.length * HOSTING_STATES.length * EVIDENCE_STATES.length);
    expect(ROWS).toHaveLength(120);
  });

  const table: [string, Truth][] = ROWS.map((r) => [
    `${r.value} / ${r.hosting} / ${r.evidence}`,
    truthOf(r.value, r.hosting, r.evidence),
  ]);

  test.each(ROWS)('$value, $hosting, $evidence', ({ value, hosting, evidence }) => {
    const truth = truthOf(value, hosting, evidence);
    // Every place says the same state: never "no" for not-stated, never "none" for it either.
    expect(truth.says).toBe(value);
    // Not stated is never rendered as anything else, whatever the evidence.
    if (value === 'not-stated') expect(truth.badge).toBe('not-stated');
    else expect(truth.badge).not.toBe('not-stated');
    // Verified only where the build proved exactly this sentence, for a Forge app, with nothing unstated in it.
    const verified =
      value !== 'not-stated' && value !== 'partly-stated' && hosting === 'forge' && evidence === 'proven';
    expect(truth.badge === 'verified').toBe(verified);
    // This app's manifest speaks for no other hosting model: neither to verify nor to contradict.
    if (hosting !== 'forge') expect(['vendor-statement', 'not-stated']).toContain(truth.badge);
    expect(truth.evidenceApplies).toBe(hosting === 'forge');
    // Contradicted exactly when the evidence applies and disagrees with a stated fact.
    expect(truth.badge === 'contradicted').toBe(
      hosting === 'forge' && evidence === 'contradicted' && value !== 'not-stated',
    );
    // A cell mixing stated and unstated parts names the unstated ones.
    expect(truth.namesUnstated).toBe(value === 'partly-stated');
  });

  test('counts: 4 verified rows, 5 contradicted, 20 not stated, the rest the vendor’s word', () => {
    const count = (badge: string) => table.filter(([, t]) => t.badge === badge).length;
    expect([count('verified'), count('contradicted'), count('not-stated'), count('vendor-statement')]).toEqual([
      4, 5, 20, 91,
    ]);
  });
});

describe('fact states read from a statement', () => {
  const base = sourceOf('forge-cloud').facts;
  const with_ = (edit: Partial<StatementFacts>): StatementFacts => ({ ...base, ...edit });

  test('a not-stated list is never "empty"; an empty one is never "not stated"', () => {
    expect(factStates(with_({ subProcessors: 'not-stated' }))['sub-processors'].says).toBe('not-stated');
    expect(factStates(with_({ subProcessors: [] }))['sub-processors'].says).toBe('empty');
    expect(factStates(with_({ vendorRecords: 'not-stated' }))['vendor-records'].says).toBe('not-stated');
    expect(factStates(with_({ dataStored: 'not-stated' }))['personal-data'].says).toBe('not-stated');
  });

  test('personal data: all unstated is not stated, some unstated is partly stated and names them, none held is "no"', () => {
    const cat = (name: string, personalData: boolean | 'not-stated') => ({
      id: name.toLowerCase(),
      name,
      description: name,
      purpose: 'not-stated' as const,
      location: 'forge-hosted-storage' as const,
      retention: 'not-stated' as const,
      personalData,
    });
    const states = (...c: ReturnType<typeof cat>[]) => factStates(with_({ dataStored: c }))['personal-data'];
    expect(states(cat('A', 'not-stated'), cat('B', 'not-stated')).says).toBe('not-stated');
    expect(states(cat('A', true), cat('B', 'not-stated'))).toMatchObject({
      says: 'partly-stated',
      names: ['A'],
      unstated: ['B'],
    });
    expect(states(cat('A', false), cat('B', false)).says).toBe('no');
    expect(states(cat('A', true), cat('B', false))).toMatchObject({ says: 'listed', names: ['A'] });
  });

  test('a list whose key part is unstated for some entries is partly stated', () => {
    const state = listState(
      [
        { n: 'x', host: 'a.example.com' },
        { n: 'y', host: null },
      ],
      (e) => e.n,
      (e) => e.host,
    );
    expect(state).toEqual({ says: 'partly-stated', names: ['a.example.com'], unstated: ['y'] });
  });

  test('Runs on Atlassian follows the hosting model: another model is "listed" with the model, unstated is not stated', () => {
    expect(factStates(with_({ hosting: { model: 'connect' } }), { eligible: true })['runs-on-atlassian']).toMatchObject(
      {
        says: 'listed',
        model: 'connect',
      },
    );
    expect(factStates(with_({ hosting: { model: 'not-stated' } }), { eligible: true })['runs-on-atlassian'].says).toBe(
      'not-stated',
    );
    expect(factStates(base, { eligible: false, reasons: ['x'] })['runs-on-atlassian'].says).toBe('no');
  });

  test('"Forge deletes its data 28 days later" holds only for a Forge app that says 28 days and stores inside Atlassian', () => {
    const forge = with_({ uninstall: { deletedAfterDays: 28 } }); // forge-cloud stores its app data in Forge
    expect(forgeDeletionHolds(forge, 28)).toBe(true);
    const [first] = base.dataStored === 'not-stated' ? [] : base.dataStored;
    if (!first) throw new Error('forge-cloud stores nothing');
    expect(forgeDeletionHolds({ ...forge, dataStored: [{ ...first, location: 'vendor-infrastructure' }] }, 28)).toBe(
      false,
    );
    expect(forgeDeletionHolds({ ...forge, dataStored: 'not-stated' }, 28)).toBe(false);
    expect(forgeDeletionHolds({ ...forge, uninstall: { deletedAfterDays: 'not-stated' } }, 28)).toBe(false);
    expect(forgeDeletionHolds({ ...forge, hosting: { model: 'connect' } }, 28)).toBe(false);
  });

  test.each(MODELS)('the %s fixture: every fact is in a state its wording covers', (model) => {
    const states = factStates(sourceOf(model).facts, { eligible: true });
    for (const fact of TRUTH_FACTS) expect(FACT_STATES[fact]).toContain(states[fact].says);
  });
});

describe('the wording', () => {
  test('every fact in every state it can take has an English sentence, and nothing else has', () => {
    expect(Object.keys(CLAIM_TEXT_EN).sort()).toEqual(claimTextKeys().sort());
  });

  test('the page catalogs word every claim: English from the same source, German in its own words', () => {
    for (const key of claimTextKeys()) {
      expect(en[key as keyof typeof en]).toBe(CLAIM_TEXT_EN[key as keyof typeof CLAIM_TEXT_EN]);
      const german = de[key as keyof typeof de];
      expect(typeof german === 'string' && german !== CLAIM_TEXT_EN[key as keyof typeof CLAIM_TEXT_EN]).toBe(true);
    }
  });

  test('the CLI sentence fills the parts; locations and hosting models in words, never ids', () => {
    expect(claimSentence({ fact: 'storage', says: 'listed', names: ['forge-hosted-storage'], unstated: [] })).toBe(
      'Stores data only in: Forge hosted storage',
    );
    expect(
      claimSentence({ fact: 'runs-on-atlassian', says: 'listed', names: [], unstated: [], model: 'data-center' }),
    ).toBe('Not a Forge app (Data Center): Runs on Atlassian does not apply');
    expect(claimSentence({ fact: 'egress', says: 'partly-stated', names: ['a.dev'], unstated: ['Reports'] })).toBe(
      'Sends data to a.dev; host not stated for Reports',
    );
  });

  test('a purpose loses its final full stop once, so no sentence renders ".."', () => {
    expect(purposeText('Sending newsletters.')).toBe('Sending newsletters');
    expect(purposeText('  Sending newsletters...  ')).toBe('Sending newsletters');
    expect(purposeText(purposeText('A. B.'))).toBe('A. B');
    // A translated purpose too: the page's sentence adds the stop, the translation's never doubles it.
    const facts = sourceOf('data-center').facts;
    const german = translatedFacts(facts, { 'subProcessors.Mailchimp.purpose': 'Versand von Newslettern.' });
    expect(german.subProcessors).toEqual([expect.objectContaining({ purpose: 'Versand von Newslettern' })]);
  });
});
