import { plural } from './format';
import './ArchiveConsent.css';

export interface ArchiveConsentProps {
  /** Citations that no longer stand. */
  broken: number;
  /** The archive's host, named on the button ("archive.org"). */
  archiveHost: string;
  onAllow: () => void;
  onOpenSettings: () => void;
  locale?: string;
}

/**
 * Archive lookups are off until the reader agrees: when sources are gone, say what the archive may have and
 * exactly what asking it sends, and let one click agree.
 */
export function ArchiveConsent({
  broken,
  archiveHost,
  onAllow,
  onOpenSettings,
  locale,
}: ArchiveConsentProps) {
  return (
    <section class="archive-consent" aria-label="Archived copies" data-archive-consent>
      <p class="archive-consent__text">
        {plural(broken, 'source is', 'sources are', locale)} gone. The Internet Archive may have kept{' '}
        {broken === 1 ? 'a copy' : 'copies'}.
      </p>
      <p class="archive-consent__fine">
        Cited sends only the addresses of the sources that are not alive (and the article’s date) to{' '}
        {archiveHost}, never the article. You can turn this off in{' '}
        <button type="button" class="link-button" onClick={onOpenSettings}>
          settings
        </button>
        .
      </p>
      <button type="button" class="button button--primary" onClick={onAllow} data-action="allow-archive">
        Find archived copies (asks {archiveHost})
      </button>
    </section>
  );
}
