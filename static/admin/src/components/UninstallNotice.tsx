/**
 * The 28-day warning near the top of the page (admins), with a link that takes focus to the export. It says
 * Forge deletes the app's data only where the statement holds that (a Forge app, deletion after those
 * days, everything stored inside Atlassian: `forgeDeletionHolds`); otherwise it speaks only of the
 * acknowledgment receipts, which this app keeps in Forge hosted storage whatever the statement describes.
 */
import type { JSX } from 'preact';
import { forgeDeletionHolds, type StatementFacts } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { EXPORT_ANCHOR, UNINSTALL_DAYS } from './ExportReceipts';

export function UninstallNotice({
  facts,
  onGoToExport,
}: {
  facts: StatementFacts;
  onGoToExport: () => void;
}): JSX.Element {
  const { t } = useI18n();
  const holds = forgeDeletionHolds(facts, UNINSTALL_DAYS);
  return (
    <p class="banner banner-warning uninstall-notice" data-deletion={holds ? 'app' : 'receipts'}>
      {t(holds ? 'export.uninstallWarning' : 'export.receiptsWarning', { days: UNINSTALL_DAYS })}{' '}
      <a
        href={`#${EXPORT_ANCHOR}`}
        onClick={(event) => {
          event.preventDefault();
          onGoToExport();
        }}
      >
        {t('export.goTo')}
      </a>
    </p>
  );
}
