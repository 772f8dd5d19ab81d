import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { placeCount } from '../core/citations/places';
import type { Citation } from '../core/citations/types';
import { CitationRow } from './CitationRow';
import { memo } from './memo';
import type { ReferenceChecks } from './reference-checks';
import { NOT_CHECKED, type RowStatus } from './row-status';
import { BLOCK_ROWS, blockOf, useRowWindow } from './use-row-window';
import './CitationList.css';

export interface CitationListProps {
  citations: Citation[];
  /** Go to one place of the citation on the page (0-based index into `placesOf(citation)`: occurrences, then notes). */
  onGoTo: (citation: Citation, placeIndex: number) => void;
  onOpen: (citation: Citation) => void;
  statusFor?: (citation: Citation) => RowStatus;
  label?: string;
  locale?: string;
  /** The evidence behind a row's status: with it, each row gets a details button (its third cell) and expands. */
  renderDetails?: (citation: Citation) => ComponentChildren;
  /** The quote status and line of a citation whose quotations are being or were checked; null for others. */
  quoteFor?: (citation: Citation) => { status: string; line: ComponentChildren } | null;
  /** What the checks say of the links a citation's reference gives beside it (archived copy, DOI / PMID). */
  referenceChecksFor?: (citation: Citation) => ReferenceChecks | null;
  /** The change status and line of a citation compared with its archived copy; null for others. */
  changeFor?: (citation: Citation) => { status: string; line: ComponentChildren } | null;
}

type Column = 0 | 1 | 2;

function columnOf(element: Element | null): Column {
  const value = element?.closest('[data-col]')?.getAttribute('data-col');
  return value === '1' ? 1 : value === '2' ? 2 : 0;
}

const PAGE_STEP = 5;

/**
 * The citations as a keyboard grid: one tab stop, arrows move between rows (and to the "open" button),
 * Home/End jump, Enter goes to the link on the page, Shift+Enter opens the source. Going to a citation
 * linked several times steps through its occurrences, then through the notes that give it, then starts again.
 */
export function CitationList({
  citations,
  onGoTo,
  onOpen,
  statusFor,
  label = 'Citations',
  locale,
  renderDetails,
  quoteFor,
  referenceChecksFor,
  changeFor,
}: CitationListProps) {
  const grid = useRef<HTMLDivElement>(null);
  const [activeUrl, setActiveUrl] = useState<string | null>(null);
  const [activeColumn, setActiveColumn] = useState<Column>(0);
  const [shown, setShown] = useState<{ url: string; index: number } | null>(null);
  const nextPlace = useRef(new Map<string, number>());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  // A row the keyboard moved to in a block that is not drawn yet: focused once its block is.
  const [pendingFocus, setPendingFocus] = useState<{ row: number; column: Column } | null>(null);

  function toggleExpanded(citation: Citation) {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(citation.url)) next.add(citation.url);
      return next;
    });
  }

  const found = citations.findIndex((citation) => citation.url === activeUrl);
  const currentRow = Math.max(found, 0);
  const rows = useRowWindow(
    citations.length,
    pendingFocus ? [blockOf(currentRow), blockOf(pendingFocus.row)] : [blockOf(currentRow)],
  );

  function goTo(citation: Citation) {
    const total = placeCount(citation);
    if (total === 0) return;
    const index = Math.min(nextPlace.current.get(citation.url) ?? 0, total - 1);
    nextPlace.current.set(citation.url, (index + 1) % total);
    setShown({ url: citation.url, index });
    onGoTo(citation, index);
  }

  function focusCell(row: number, column: Column) {
    const citation = citations[row];
    if (!citation) return;
    setActiveUrl(citation.url);
    setActiveColumn(column);
    const rowElement = grid.current?.querySelector<HTMLElement>(`[data-row-index="${row}"]`);
    if (!rowElement) {
      setPendingFocus({ row, column });
      return;
    }
    const cell = rowElement.querySelector<HTMLElement>(`[data-col="${column}"]`);
    // A row without an openable address (or without details) lacks that cell: take the one before.
    if (!cell && column > 0) return focusCell(row, (column - 1) as Column);
    cell?.focus();
  }

  useEffect(() => {
    if (!pendingFocus) return;
    setPendingFocus(null);
    focusCell(pendingFocus.row, pendingFocus.column);
  });

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>) {
    if (citations.length === 0 || event.altKey || event.metaKey) return;
    const last = citations.length - 1;
    // The focused cell says where the reader is, even before a re-render caught up with a click.
    const target = event.target instanceof Element ? event.target : null;
    // The expanded details are ordinary controls (buttons, links): their keys are their own.
    if (target?.closest('[data-row-details]')) return;
    const rowAttribute = target?.closest('[data-row-index]')?.getAttribute('data-row-index');
    const activeRow = rowAttribute ? Number(rowAttribute) : currentRow;
    const activeColumn: Column = columnOf(target);
    // A link or button of the row's lines (evidence, "show in source") takes Enter and Space as its own.
    const ownKeys = activeColumn === 0 && target?.closest('a[href], button') != null;
    const citation = citations[activeRow];
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusCell(Math.min(activeRow + 1, last), activeColumn);
        break;
      case 'ArrowUp':
        focusCell(Math.max(activeRow - 1, 0), activeColumn);
        break;
      case 'PageDown':
        focusCell(Math.min(activeRow + PAGE_STEP, last), activeColumn);
        break;
      case 'PageUp':
        focusCell(Math.max(activeRow - PAGE_STEP, 0), activeColumn);
        break;
      case 'Home':
        focusCell(0, activeColumn);
        break;
      case 'End':
        focusCell(last, activeColumn);
        break;
      case 'ArrowRight':
        focusCell(activeRow, Math.min(activeColumn + 1, renderDetails ? 2 : 1) as Column);
        break;
      case 'ArrowLeft':
        focusCell(activeRow, Math.max(activeColumn - 1, 0) as Column);
        break;
      case 'Enter':
        if (!citation) break;
        if (event.shiftKey) onOpen(citation);
        else if (activeColumn === 0 && !ownKeys) goTo(citation);
        // On the open button, Enter is the link's own click.
        else handled = false;
        break;
      case ' ':
        if (citation && activeColumn === 0 && !ownKeys) goTo(citation);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function row(citation: Citation, index: number) {
    return (
      <CitationRow
        key={citation.url}
        citation={citation}
        status={statusFor?.(citation) ?? NOT_CHECKED}
        rowIndex={index}
        tabStop={index === currentRow ? activeColumn : null}
        shownPlace={shown?.url === citation.url ? shown.index : null}
        onGoTo={goTo}
        onOpen={onOpen}
        onFocusCell={(rowIndex, column) => {
          setActiveUrl(citations[rowIndex]?.url ?? null);
          setActiveColumn(column);
        }}
        {...(locale !== undefined ? { locale } : {})}
        {...(quoteFor ? { quote: quoteFor(citation) } : {})}
        {...(referenceChecksFor ? { referenceChecks: referenceChecksFor(citation) } : {})}
        {...(changeFor ? { change: changeFor(citation) } : {})}
        {...(renderDetails
          ? {
              onToggleExpanded: toggleExpanded,
              expanded: expanded.has(citation.url),
              details: expanded.has(citation.url) ? renderDetails(citation) : null,
            }
          : {})}
      />
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a grid of focusable cells, not a data table.
    <div
      ref={grid}
      role="grid"
      class="citation-list"
      aria-label={label}
      aria-rowcount={citations.length}
      aria-colcount={renderDetails ? 3 : 2}
      onKeyDown={onKeyDown}
      data-citation-list
    >
      {blockStarts(citations.length).map((from) => {
        const block = blockOf(from);
        const to = Math.min(citations.length, from + BLOCK_ROWS);
        const drawn = rows.drawn(block);
        return (
          <RowBlock
            key={block}
            block={block}
            blockRef={rows.blockRef(block)}
            height={drawn ? null : rows.heightOf(block, to - from)}
            rows={() => citations.slice(from, to).map((citation, offset) => row(citation, from + offset))}
          />
        );
      })}
    </div>
  );
}

interface RowBlockProps {
  block: number;
  blockRef: (element: HTMLElement | null) => void;
  /** The height an undrawn block keeps; null when its rows are drawn. */
  height: number | null;
  rows: () => ComponentChildren;
}

function RowBlockView({ block, blockRef, height, rows }: RowBlockProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: row groups of a div grid (see CitationRow).
    <div
      role="rowgroup"
      class="citation-list__block"
      data-row-block={block}
      ref={blockRef}
      style={height === null ? undefined : { height: `${height}px` }}
    >
      {height === null ? rows() : null}
    </div>
  );
}

/**
 * An undrawn block is redrawn only when its height changes: a long list's hundred empty blocks are not rebuilt on
 * every frame of status updates. A drawn block always is (its rows compare their own props).
 */
const RowBlock = memo(
  RowBlockView,
  (before, after) =>
    before.height !== null &&
    before.height === after.height &&
    before.block === after.block &&
    before.blockRef === after.blockRef,
);

function blockStarts(count: number): number[] {
  const starts: number[] = [];
  for (let from = 0; from < count; from += BLOCK_ROWS) starts.push(from);
  return starts;
}
