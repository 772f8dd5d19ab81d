import { useState } from 'preact/hooks';
import type { SiteLink } from '../core/citations/types';
import { plural } from './format';
import './SiteLinks.css';

export interface SiteLinksProps {
  links: readonly SiteLink[];
  /** Opens the address in a new tab. */
  onOpen: (url: string) => void;
  locale?: string;
}

/**
 * A wiki's links to its own articles: navigation, not sources. Collapsed, never checked; the list is
 * only drawn when opened, as a long article has hundreds.
 */
export function SiteLinks({ links, onOpen, locale }: SiteLinksProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="site-links"
      data-site-links
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="site-links__summary">
        {plural(links.length, 'link', 'links', locale)} within this site
        <span class="site-links__note"> — the wiki’s own articles: not sources, not checked</span>
      </summary>
      {open ? (
        <ul class="site-links__list">
          {links.map((link) => (
            <li key={link.url}>
              <a
                href={link.url}
                target="_blank"
                rel="noopener noreferrer"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(link.url);
                }}
              >
                {link.anchorText || link.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
