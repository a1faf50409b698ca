/**
 * The privacy label: the facts an admin decides on, on one compact card, first on the page, in the spirit of
 * Apple's App Store privacy label and Google Play's Data safety section (what leaves, what is kept and
 * where, what the vendor holds about you, how long, security). Each cell has its value, an evidence badge
 * from the truth table (verified and from what, the vendor's statement, contradicted) and a link to its row
 * in the details below. A fact the statement does not give reads "Not stated" once, with no badge beside
 * it; a cell that mixes stated and unstated parts names the unstated ones.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import {
  factStates,
  type Evidence,
  type FactState,
  type StatementFacts,
  type TruthFact,
} from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';
import { contentList, factBadge, type FactBadge } from './Claims';
import { Content, homeKey, NotStated } from './FactValue';

interface Cell {
  id: string;
  /** The truth-table fact the cell shows. */
  fact: TruthFact;
  term: string;
  /** The row of the details this cell summarises. */
  target: string;
  value: ComponentChildren;
  badge: FactBadge;
}

/** The page's words and the evidence every cell is built from. */
interface Ctx {
  i18n: Translator;
  facts: StatementFacts;
  evidence: Evidence;
  states: Record<TruthFact, FactState>;
}

/** "A, B; not stated for C": the stated parts, then the unstated ones named in the catalog's words. */
function withUnstated(
  stated: ComponentChildren,
  state: FactState,
  key: 'label.personalNotStated' | 'label.locationNotStated' | 'label.retentionPartly',
  { i18n }: Ctx,
): ComponentChildren {
  if (state.unstated.length === 0) return stated;
  const unstated = (
    <span class="label-unstated">{i18n.rich(key, { names: <>{contentList(state.unstated, i18n)}</> })}</span>
  );
  return stated === null ? (
    unstated
  ) : (
    <>
      {stated}; {unstated}
    </>
  );
}

function cell(ctx: Ctx, id: string, fact: TruthFact, term: string, target: string, value: ComponentChildren): Cell {
  const badge = factBadge(ctx.facts, ctx.evidence, fact, ctx.i18n);
  return {
    id,
    fact,
    term,
    target,
    badge,
    value: badge.kind === 'not-stated' ? <NotStated path={`label.${id}`} /> : value,
  };
}

function leavesCell(ctx: Ctx): Cell {
  const { t, rich } = ctx.i18n;
  const { facts } = ctx;
  const term = t(`label.leaves.${homeKey(facts.hosting.model)}`);
  const egress = facts.egress === 'not-stated' ? [] : facts.egress;
  const hosts = egress.map((e, i) => (
    <Fragment key={`${e.domain}-${e.name}`}>
      {i > 0 && ', '}
      {e.domain === 'not-stated' ? (
        rich('label.hostNotStated', { name: <Content>{e.name}</Content> })
      ) : (
        <Content>{e.domain}</Content>
      )}
    </Fragment>
  ));
  const value =
    egress.length === 0 ? t('common.none') : rich('label.destinations', { count: egress.length, hosts: <>{hosts}</> });
  return cell(ctx, 'leaves', 'egress', term, 'fact-egress', value);
}

function storedCell(ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const state = ctx.states.storage;
  const locations = state.names.map((n) => t(`label.location.${n}` as 'label.location.browser'));
  const stated = state.says === 'empty' ? t('label.nothingStored') : locations.length > 0 ? locations.join('; ') : null;
  return cell(
    ctx,
    'stored',
    'storage',
    t('label.stored'),
    'fact-where',
    withUnstated(stated, state, 'label.locationNotStated', ctx),
  );
}

function personalCell(ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const state = ctx.states['personal-data'];
  const stated =
    state.says === 'empty'
      ? t('label.nothingStored')
      : state.names.length === 0
        ? state.says === 'no'
          ? t('common.none')
          : null
        : contentList(state.names, ctx.i18n);
  return cell(
    ctx,
    'personal',
    'personal-data',
    t('label.personal'),
    'fact-stored',
    withUnstated(stated, state, 'label.personalNotStated', ctx),
  );
}

function listCell(ctx: Ctx, id: string, fact: TruthFact, term: string, target: string): Cell {
  const state = ctx.states[fact];
  const value = state.says === 'empty' ? ctx.i18n.t('common.none') : contentList(state.names, ctx.i18n);
  return cell(ctx, id, fact, term, target, value);
}

function retentionCell(ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const state = ctx.states.retention;
  const parts: string[] = [];
  if (state.says === 'listed' && state.names.length > 0) parts.push(t('label.retentionAll'));
  if (state.says === 'empty') parts.push(t('label.nothingStored'));
  if (state.count !== undefined) parts.push(t('label.deletedAfter', { count: state.count }));
  const stated = parts.length > 0 ? parts.join('; ') : null;
  return cell(
    ctx,
    'retention',
    'retention',
    t('label.retention'),
    'fact-how-long',
    withUnstated(stated, state, 'label.retentionPartly', ctx),
  );
}

function securityCell(ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const count = ctx.states.security.names.length;
  return cell(ctx, 'security', 'security', t('label.security'), 'fact-security', t('label.securityCount', { count }));
}

/** The yes/no cells: vendor staff access, analytics, data residency. */
function yesNoCells(ctx: Ctx): Cell[] {
  const { t } = ctx.i18n;
  const rows = [
    ['staff', 'staff', t('label.staff'), 'fact-who', [t('label.staffYes'), t('label.staffNo')]],
    [
      'analytics',
      'analytics',
      t('facts.analytics'),
      'fact-analytics',
      [t('facts.analyticsCollected'), t('facts.analyticsNone')],
    ],
    [
      'residency',
      'data-residency',
      t('facts.residency'),
      'fact-residency',
      [t('facts.residencySupported'), t('facts.residencyNot')],
    ],
  ] as const;
  return rows.map(([id, fact, term, target, words]) =>
    cell(ctx, id, fact, term, target, ctx.states[fact].says === 'yes' ? words[0] : words[1]),
  );
}

function runsCell(ctx: Ctx): Cell {
  const { t } = ctx.i18n;
  const state = ctx.states['runs-on-atlassian'];
  const value =
    state.model !== undefined
      ? t('label.runsElsewhere', { model: t(`hosting.${state.model}`) })
      : t(state.says === 'yes' ? 'label.runsYes' : 'label.runsNo');
  return cell(ctx, 'runs', 'runs-on-atlassian', t('proven.runsOnAtlassian'), 'fact-runs-on-atlassian', value);
}

export function labelCells(facts: StatementFacts, evidence: Evidence, i18n: Translator): Cell[] {
  const { t } = i18n;
  const ctx: Ctx = { i18n, facts, evidence, states: factStates(facts, evidence.runsOnAtlassian) };
  return [
    leavesCell(ctx),
    storedCell(ctx),
    personalCell(ctx),
    listCell(ctx, 'holds', 'vendor-records', t('label.holds'), 'vendor-holds'),
    retentionCell(ctx),
    listCell(ctx, 'sub-processors', 'sub-processors', t('facts.subProcessors'), 'fact-subprocessors'),
    ...yesNoCells(ctx),
    securityCell(ctx),
    runsCell(ctx),
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
          <div
            key={cell.id}
            class="label-cell"
            data-cell={cell.id}
            data-truth={cell.fact}
            data-says={cell.badge.says}
            data-badge={cell.badge.kind}
          >
            <dt>{cell.term}</dt>
            <dd>
              <p class="label-value">{cell.value}</p>
              <p class="label-meta">
                {cell.badge.kind !== 'not-stated' && (
                  <span class={`verdict verdict-${cell.badge.kind}`}>{cell.badge.text}</span>
                )}
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
