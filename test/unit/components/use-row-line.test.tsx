// @vitest-environment jsdom

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RowLine } from '../../../components/use-row-line';
import type { Citation } from '../../../core/citations/types';
import { citation } from './sample-capture';

// Each drawn row splits its sentence around the link once per draw: counting the calls counts the rows drawn.
const { splitAroundAnchor } = vi.hoisted(() => ({ splitAroundAnchor: vi.fn() }));
vi.mock('../../../components/format', async (actual) => {
  const format = await actual<typeof import('../../../components/format')>();
  splitAroundAnchor.mockImplementation(format.splitAroundAnchor);
  return { ...format, splitAroundAnchor };
});
const { CitationList } = await import('../../../components/CitationList');
const { useRowLine } = await import('../../../components/use-row-line');

interface Comparison {
  status: string;
}

const citations: Citation[] = Array.from({ length: 30 }, (_, i) =>
  citation(`https://source.example/${i}`, 'external', [
    { anchorText: `report ${i}`, sentence: `The council read report ${i}.`, linkIndex: i },
  ]),
);

/** The panel's list with a line under each compared citation, as the panel draws it. */
function List({ comparisons, tick }: { comparisons: ReadonlyMap<string, Comparison>; tick: number }) {
  const changeFor = useRowLine((one: Citation) => comparisons.get(one.url), lineOf);
  return (
    <div data-tick={tick}>
      <CitationList citations={citations} onGoTo={() => {}} onOpen={() => {}} changeFor={changeFor} />
    </div>
  );
}

function lineOf(comparison: Comparison): RowLine {
  return { status: comparison.status, line: <p data-change-line>{comparison.status}</p> };
}

let container: HTMLElement | null = null;
afterEach(() => {
  const drawn = container;
  if (drawn) act(() => render(null, drawn));
  drawn?.remove();
  container = null;
});

function draw(comparisons: ReadonlyMap<string, Comparison>, tick: number) {
  container ??= document.body.appendChild(document.createElement('div'));
  const into = container;
  act(() => render(<List comparisons={comparisons} tick={tick} />, into));
}

describe('useRowLine', () => {
  it('keeps each row’s line while its comparison is the same, so a list render redraws no row', () => {
    const comparisons = new Map(
      citations.map((one, i) => [one.url, { status: i % 2 ? 'unchanged' : 'edited' }]),
    );
    draw(comparisons, 0);
    expect(splitAroundAnchor).toHaveBeenCalledTimes(30);
    expect(container?.querySelectorAll('[data-change-line]')).toHaveLength(30);

    splitAroundAnchor.mockClear();
    draw(comparisons, 1);
    draw(comparisons, 2);
    expect(splitAroundAnchor).not.toHaveBeenCalled();

    // One source compared again: its row alone is redrawn, with its new line.
    const url = citations[4]?.url ?? '';
    draw(new Map(comparisons).set(url, { status: 'replaced' }), 3);
    expect(splitAroundAnchor).toHaveBeenCalledTimes(1);
    expect(container?.querySelector(`[data-citation-url="${url}"] [data-change-line]`)?.textContent).toBe(
      'replaced',
    );
  });
});
