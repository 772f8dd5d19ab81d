import { Fragment } from 'preact';
import { type CitationPlace, placesOf, type ReferenceLinkKind } from '../core/citations/places';
import type { Citation } from '../core/citations/types';
import './ReferenceLinks.css';

export interface ReferenceLinksProps {
  citation: Citation;
  /** Scroll the page to one place of the citation (an index into `placesOf(citation)`). */
  onShow: (placeIndex: number) => void;
}

const WORDS: Record<ReferenceLinkKind, string> = {
  archive: 'archived copy',
  doi: 'DOI link',
  pmid: 'PMID link',
};

/**
 * The links a reference gives beside its source (archived copy, DOI / PMID): part of the source's row rather than
 * rows of their own, so the row's details are where the reader finds them on the page.
 */
export function ReferenceLinks({ citation, onShow }: ReferenceLinksProps) {
  const links = placesOf(citation).flatMap((place, index) =>
    isReferenceLink(place) ? [{ place, index }] : [],
  );
  if (links.length === 0) return null;
  return (
    <p class="reference-links" data-reference-links>
      Show in the page:{' '}
      {links.map(({ place, index }, i) => (
        <Fragment key={place.href}>
          {i > 0 ? ' · ' : null}
          <button
            type="button"
            class="link-button"
            title={place.href}
            data-action="show-reference-link"
            data-link={place.link}
            onClick={() => onShow(index)}
          >
            {WORDS[place.link]}
          </button>
        </Fragment>
      ))}
    </p>
  );
}

function isReferenceLink(place: CitationPlace): place is Extract<CitationPlace, { kind: 'reference' }> {
  return place.kind === 'reference';
}
