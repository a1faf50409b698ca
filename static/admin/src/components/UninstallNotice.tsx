/** The 28-day warning near the top of the page (admins), with a link that takes focus to the export. */
import type { JSX } from 'preact';
import { useI18n } from '../i18n/context';
import { EXPORT_ANCHOR, UNINSTALL_DAYS } from './ExportReceipts';

export function UninstallNotice({ onGoToExport }: { onGoToExport: () => void }): JSX.Element {
  const { t } = useI18n();
  return (
    <p class="banner banner-warning uninstall-notice">
      {t('export.uninstallWarning', { days: UNINSTALL_DAYS })}{' '}
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
