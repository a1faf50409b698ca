/** The 28-day warning near the top of the page (admins), with a link that takes focus to the export. */
import type { JSX } from 'preact';
import { EXPORT_ANCHOR, UNINSTALL_WARNING } from './ExportReceipts';

export function UninstallNotice({ onGoToExport }: { onGoToExport: () => void }): JSX.Element {
  return (
    <p class="banner banner-warning uninstall-notice">
      {UNINSTALL_WARNING}{' '}
      <a
        href={`#${EXPORT_ANCHOR}`}
        onClick={(event) => {
          event.preventDefault();
          onGoToExport();
        }}
      >
        Go to the export
      </a>
    </p>
  );
}
