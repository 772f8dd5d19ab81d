import type { ComponentChildren } from 'preact';
import { placeCount, placesOf } from '../core/citations/places';
import type { Citation } from '../core/citations/types';
import {
  isWebUrl,
  kindLabel,
  leadIn,
  plural,
  referenceLine,
  sectionLabel,
  splitAroundAnchor,
} from './format';
import { Icon } from './Icon';
import { memo } from './memo';
import {
  copyLine,
  copyUse,
  identifiersLine,
  type ReferenceChecks,
  sameReferenceChecks,
} from './reference-checks';
import type { RowStatus } from './row-status';
import { StatusIcon } from './StatusIcon';
import { isCitationStatus } from './status-meta';
import './CitationRow.css';
import './IconButton.css';

export interface CitationRowProps {
  citation: Citation;
  status: RowStatus;
  /** 0-based position among the rows shown, for `aria-rowindex` and keyboard focus. */
  rowIndex: number;
  /** Which cell is the list's tab stop when this row is the active one; null otherwise. */
  tabStop: 0 | 1 | 2 | null;
  /** The place (`placesOf`: an occurrence, then the notes) last shown on the page, when the reader went to this citation. */
  shownPlace: number | null;
  onGoTo: (citation: Citation) => void;
  onOpen: (citation: Citation) => void;
  onFocusCell: (rowIndex: number, column: 0 | 1 | 2) => void;
  locale?: string;
  /** With a toggle: the row expands to show `details` (the evidence behind its status). */
  onToggleExpanded?: (citation: Citation) => void;
  expanded?: boolean;
  details?: ComponentChildren;
  /** What the source says of the citation's quotations: the row's status for them and the line shown under it. */
  quote?: { status: string; line: ComponentChildren } | null;
  /** The checks of the links the citation's reference gives beside it: its archived copy, its DOI / PMID links. */
  referenceChecks?: ReferenceChecks | null;
  /** Whether the source changed since it was cited (`data-change-status`) and the line shown under it. */
  change?: { status: string; line: ComponentChildren } | null;
}

function fallbackLabel(citation: Citation): string {
  try {
    const url = new URL(citation.url);
    return `${citation.domain}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return citation.url;
  }
}

/** One cited source: what the link says, where it goes, the sentence it sits in, and its status. */
function CitationRowView({
  citation,
  status,
  rowIndex,
  tabStop,
  shownPlace,
  onGoTo,
  onOpen,
  onFocusCell,
  locale,
  onToggleExpanded,
  expanded = false,
  details,
  quote,
  referenceChecks,
  change,
}: CitationRowProps) {
  const shown = shownPlace !== null;
  const total = placeCount(citation);
  const place = shown ? placesOf(citation)[shownPlace] : undefined;
  // On a note the row shows the note's own words; elsewhere the sentence that cites the source.
  const note = place?.kind === 'note' ? place.note : null;
  const occurrence = place?.kind === 'text' ? place.occurrence : citation.occurrences[0];
  const anchorText = occurrence?.anchorText.trim() || fallbackLabel(citation);
  const sentence = occurrence?.sentence ?? '';
  const parts = occurrence ? splitAroundAnchor(sentence, occurrence.anchorText) : null;
  const openable = isWebUrl(citation.url);
  const detailsId = `citation-details-${rowIndex}`;
  const knownStatus = isCitationStatus(status.code) ? status.code : null;
  const said = referenceLine(citation.reference);
  const identifiers = identifiersLine(citation.reference, referenceChecks?.identifiers);
  const copyStatus = citation.reference?.archive ? (referenceChecks?.copy ?? 'not-checked') : null;

  // An ARIA grid of divs: the rows are flex boxes, which table elements would fight. Focus moves between
  // cells (roving tabindex) and the grid handles the keys, so rows need no focus or key handlers of their own.
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: grid rows are not focus stops; their cells are.
    // biome-ignore lint/a11y/useSemanticElements: see above.
    <div
      role="row"
      class={`citation-row${shown ? ' citation-row--shown' : ''}${expanded ? ' citation-row--expanded' : ''}`}
      aria-rowindex={rowIndex + 1}
      aria-current={shown ? 'true' : undefined}
      data-row-index={rowIndex}
      data-citation-url={citation.url}
      data-status={status.code}
      data-relation={citation.relation}
      data-kind={citation.kind}
      data-section={citation.section ?? 'text'}
      data-quote-status={quote?.status}
      data-change-status={change?.status}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: a grid cell in a div grid. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter and Space are handled by the grid (CitationList). */}
      <div
        role="gridcell"
        class="citation-row__main"
        tabIndex={tabStop === 0 ? 0 : -1}
        data-col="0"
        onClick={() => {
          onFocusCell(rowIndex, 0);
          onGoTo(citation);
        }}
        onFocus={() => onFocusCell(rowIndex, 0)}
      >
        <p class="citation-row__anchor" data-field="anchor">
          {anchorText}
        </p>
        <p class="citation-row__facts">
          <span class="citation-row__domain" title={citation.url} data-field="domain">
            {citation.domain}
          </span>
          <span class={`badge badge--${citation.relation}`} data-field="relation">
            {citation.relation === 'external' ? 'External' : 'Same-site'}
          </span>
          {citation.kind !== 'other' ? (
            <span class="badge badge--kind" data-field="kind">
              {kindLabel(citation.kind)}
            </span>
          ) : null}
          {citation.section ? (
            <span class="badge badge--kind" data-field="section">
              {sectionLabel(citation.section)}
            </span>
          ) : null}
          {shown && total > 1 ? (
            <span class="citation-row__occurrences" data-field="occurrences">
              {`${shownPlace + 1} of ${total}`}
            </span>
          ) : !shown && citation.occurrences.length > 1 ? (
            <span class="citation-row__occurrences" data-field="occurrences">
              {plural(citation.occurrences.length, 'link', 'links', locale)}
            </span>
          ) : null}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the details button (ArrowRight) is the keyboard way. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above. */}
          <span
            class={`status-slot${knownStatus ? ` status-slot--known status-slot--${knownStatus}` : ''}`}
            data-status={status.code}
            title={status.description}
            data-field="status"
            style={knownStatus ? { '--status-colour': `var(--status-${knownStatus})` } : undefined}
            onClick={
              onToggleExpanded
                ? (event) => {
                    event.stopPropagation();
                    onToggleExpanded(citation);
                  }
                : undefined
            }
          >
            {knownStatus ? <StatusIcon status={knownStatus} /> : null}
            {status.label}
          </span>
        </p>
        {note ? (
          <p class="citation-row__sentence" data-field="note">
            <span class="citation-row__note-label">Note:</span> {note.text}
          </p>
        ) : sentence ? (
          <p class="citation-row__sentence" data-field="sentence">
            {parts ? (
              <>
                {shown ? parts.before : leadIn(parts.before)}
                <mark class="citation-row__em">{parts.anchor}</mark>
                {parts.after}
              </>
            ) : (
              sentence
            )}
          </p>
        ) : null}
        {said ? (
          <p class="citation-row__reference" data-field="reference">
            {said}
          </p>
        ) : null}
        {identifiers ? (
          <p class="citation-row__reference" data-field="identifiers">
            {identifiers}
          </p>
        ) : null}
        {copyStatus ? (
          <p class="citation-row__reference" data-field="reference-copy" data-copy={copyUse(copyStatus)}>
            {copyLine(copyStatus)}
          </p>
        ) : null}
        {quote?.line}
        {change?.line}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a grid cell in a div grid. */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: the link inside is the focus stop. */}
      <div role="gridcell" class="citation-row__side">
        {openable ? (
          <a
            class="icon-button"
            href={citation.url}
            target="_blank"
            rel="noopener noreferrer"
            tabIndex={tabStop === 1 ? 0 : -1}
            data-col="1"
            title="Open the source in a new tab (Shift+Enter)"
            onClick={(event) => {
              event.preventDefault();
              onOpen(citation);
            }}
            onFocus={() => onFocusCell(rowIndex, 1)}
            data-action="open"
          >
            <span class="visually-hidden">Open {citation.domain} in a new tab</span>
            <Icon name="open-external" />
          </a>
        ) : null}
        {onToggleExpanded ? (
          <button
            type="button"
            class="icon-button citation-row__toggle"
            tabIndex={tabStop === 2 ? 0 : -1}
            data-col="2"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={expanded ? detailsId : undefined}
            title={expanded ? 'Hide the evidence' : 'Why this status? Show the evidence'}
            onClick={() => onToggleExpanded(citation)}
            onFocus={() => onFocusCell(rowIndex, 2)}
            data-action="details"
          >
            <span class="visually-hidden">
              {expanded ? 'Hide details' : 'Show details'} for {citation.domain}
            </span>
            <Icon name="chevron-down" />
          </button>
        ) : null}
      </div>
      {expanded && details ? (
        // biome-ignore lint/a11y/useSemanticElements: a grid cell in a div grid.
        // biome-ignore lint/a11y/useFocusableInteractive: the controls inside are the focus stops.
        <div role="gridcell" class="citation-row__details" id={detailsId} data-row-details>
          {details}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Rows are redrawn only when what they show changed: a long article's verdicts arrive many a frame, and each
 * should cost one row, not every drawn row. The callbacks are left out of the comparison: the list passes
 * functions whose results depend only on the row's own props (its citation and index).
 */
export const CitationRow = memo(CitationRowView, (before, after) => {
  for (const key of Object.keys({ ...before, ...after }) as (keyof CitationRowProps)[]) {
    if (typeof before[key] === 'function' || typeof after[key] === 'function') continue;
    if (key === 'referenceChecks') {
      if (!sameReferenceChecks(before.referenceChecks, after.referenceChecks)) return false;
      continue;
    }
    if (key === 'status') {
      const [a, b] = [before.status, after.status];
      if (a.code !== b.code || a.label !== b.label || a.description !== b.description) return false;
      continue;
    }
    if (before[key] !== after[key]) return false;
  }
  return true;
});
