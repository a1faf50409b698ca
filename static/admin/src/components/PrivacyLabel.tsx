/**
 * The privacy label: the facts an admin decides on, on one compact card, first on the page. Each cell has
 * its value, an evidence badge (verified and from what, the vendor's statement, not stated, contradicted)
 * and a link to its row in the details below.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import type { Claim, Evidence, StatementFacts } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';
import { verdictLabel } from './Claims';
import { Content, homeKey, NotStated } from './FactValue';

type Badge = { kind: Claim['verdict'] | 'not-stated'; text: string };

interface Cell {
  id: string;
  term: string;
  /** The row of the details this cell summarises. */
  target: string;
  value: ComponentChildren;
  badge: Badge;
}

/** The page's words and the evidence every cell is built from. */
interface Ctx {
  i18n: Translator;
  evidence: Evidence;
  notStated: Badge;
}

/** The badge of a stated value: the build's verdict on its claim when there is one, else the vendor's word. */
function badgeOf({ i18n, evidence }: Ctx, claimId: Claim['id'] | undefined): Badge {
  const claim = claimId ? evidence.claims.find((c) => c.id === claimId) : undefined;
  return claim
    ? { kind: claim.verdict, text: verdictLabel(claim, i18n) }
    : { kind: 'vendor-statement', text: i18n.t('verdict.vendor-statement') };
}

/** Statement texts (names, hosts) as content, joined by the page's separator. */
function contentList(items: readonly string[], separator: string): ComponentChildren {
  return items.map((item, i) => [i > 0 ? separator : '', <Content key={item}>{item}</Content>]);
}

function leavesCell(facts: StatementFacts, ctx: Ctx): Cell {
  const { t, rich } = ctx.i18n;
  const term = t(`label.leaves.${homeKey(facts.hosting.model)}`);
  const base = { id: 'leaves', term, target: 'fact-egress', badge: badgeOf(ctx, 'egress') };
  if (facts.egress.length === 0) return { ...base, value: t('common.none') };
  const hosts = facts.egress.map((e, i) => (
    <Fragment key={`${e.domain}-${e.name}`}>
      {i > 0 && ', '}
      {e.domain === 'not-stated' ? (
        rich('label.hostNotStated', { name: <Content>{e.name}</Content> })
      ) : (
        <Content>{e.domain}</Content>
      )}
    </Fragment>
  ));
  return { ...base, value: rich('label.destinations', { count: facts.egress.length, hosts: <>{hosts}</> }) };
}

function personalCell(facts: StatementFacts, ctx: Ctx): Cell {
  const { t, rich } = ctx.i18n;
  const base = { id: 'personal', term: t('label.personal'), target: 'fact-stored' };
  const held = facts.dataStored.filter((c) => c.personalData === true).map((c) => c.name);
  const unknown = facts.dataStored.filter((c) => c.personalData === 'not-stated').map((c) => c.name);
  if (held.length === 0 && unknown.length > 0 && unknown.length === facts.dataStored.length)
    return { ...base, value: <NotStated path="facts.dataStored[].personalData" />, badge: ctx.notStated };
  if (held.length === 0 && unknown.length === 0)
    return { ...base, value: t('common.none'), badge: badgeOf(ctx, 'personal-data') };
  const value = (
    <>
      {contentList(held, '; ')}
      {unknown.length > 0 && (
        <>
          {held.length > 0 && '; '}
          {rich('label.personalNotStated', { names: <>{contentList(unknown, ', ')}</> })}
        </>
      )}
    </>
  );
  return { ...base, value, badge: badgeOf(ctx, 'personal-data') };
}

function yesNoCell(
  cell: Omit<Cell, 'value' | 'badge'>,
  value: boolean | 'not-stated',
  path: string,
  words: readonly [yes: string, no: string],
  badge: () => Badge,
  notStated: Badge,
): Cell {
  if (value === 'not-stated') return { ...cell, value: <NotStated path={path} />, badge: notStated };
  return { ...cell, value: value ? words[0] : words[1], badge: badge() };
}

/** The yes/no cells: vendor staff access, analytics, data residency. */
function yesNoCells(facts: StatementFacts, ctx: Ctx): Cell[] {
  const { t } = ctx.i18n;
  const rows = [
    [
      'staff',
      t('label.staff'),
      'fact-who',
      facts.access.vendorStaff,
      'access.vendorStaff',
      [t('label.staffYes'), t('label.staffNo')],
      undefined,
    ],
    [
      'analytics',
      t('facts.analytics'),
      'fact-analytics',
      facts.analytics.collected,
      'analytics.collected',
      [t('facts.analyticsCollected'), t('facts.analyticsNone')],
      'analytics',
    ],
    [
      'residency',
      t('facts.residency'),
      'fact-residency',
      facts.dataResidency.supported,
      'dataResidency.supported',
      [t('facts.residencySupported'), t('facts.residencyNot')],
      'data-residency',
    ],
  ] as const;
  return rows.map(([id, term, target, value, path, words, claim]) =>
    yesNoCell({ id, term, target }, value, `facts.${path}`, words, () => badgeOf(ctx, claim), ctx.notStated),
  );
}

function runsCell(facts: StatementFacts, ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const base = { id: 'runs', term: t('proven.runsOnAtlassian'), target: 'fact-runs-on-atlassian' };
  const model = facts.hosting.model;
  if (model !== 'forge')
    return {
      ...base,
      value: t('label.runsElsewhere', { model: t(`hosting.${model}`) }),
      badge: { kind: 'vendor-statement', text: t('verdict.vendor-statement') },
    };
  const claim = ctx.evidence.claims.find((c) => c.id === 'runs-on-atlassian');
  if (!claim) return { ...base, value: <NotStated path="evidence.runsOnAtlassian" />, badge: ctx.notStated };
  return {
    ...base,
    value: t(ctx.evidence.runsOnAtlassian.eligible ? 'label.runsYes' : 'label.runsNo'),
    badge: badgeOf(ctx, 'runs-on-atlassian'),
  };
}

export function labelCells(facts: StatementFacts, evidence: Evidence, i18n: Translator): Cell[] {
  const { t } = i18n;
  const ctx: Ctx = { i18n, evidence, notStated: { kind: 'not-stated', text: t('value.notStated') } };
  const locations = [...new Set(facts.dataStored.map((c) => t(`label.location.${c.location}`)))];
  const subs = facts.subProcessors.map((s) => s.name);
  return [
    leavesCell(facts, ctx),
    {
      id: 'stored',
      term: t('label.stored'),
      target: 'fact-where',
      value: locations.length === 0 ? t('label.nothingStored') : locations.join('; '),
      badge: badgeOf(ctx, 'storage'),
    },
    personalCell(facts, ctx),
    {
      id: 'sub-processors',
      term: t('facts.subProcessors'),
      target: 'fact-subprocessors',
      value: subs.length === 0 ? t('common.none') : contentList(subs, ', '),
      badge: badgeOf(ctx, 'sub-processors'),
    },
    ...yesNoCells(facts, ctx),
    runsCell(facts, ctx),
  ];
}

export function PrivacyLabel({ facts, evidence }: { facts: StatementFacts; evidence: Evidence }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section class="card privacy-label" aria-labelledby="label-title" data-hosting={facts.hosting.model}>
      <h2 id="label-title">{t('label.title')}</h2>
      <p class="subtle">{t('label.intro')}</p>
      <dl class="label-grid">
        {labelCells(facts, evidence, i18n).map((cell) => (
          <div key={cell.id} class="label-cell" data-cell={cell.id}>
            <dt>{cell.term}</dt>
            <dd>
              <p class="label-value">{cell.value}</p>
              <p class="label-meta">
                <span class={`verdict verdict-${cell.badge.kind}`}>{cell.badge.text}</span>
                <a href={`#${cell.target}`} class="label-link">
                  {t('label.details')}
                  <span class="visually-hidden"> {t('label.detailsOf', { term: cell.term })}</span>
                </a>
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
