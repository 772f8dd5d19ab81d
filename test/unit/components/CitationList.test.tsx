// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationList } from '../../../components/CitationList';
import type { Citation } from '../../../core/citations/types';
import { click, mount, press } from './render';
import { citation, harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function list() {
  const onGoTo = vi.fn();
  const onOpen = vi.fn();
  const mounted = mount(<CitationList citations={harbourCitations} onGoTo={onGoTo} onOpen={onOpen} />);
  cleanup = mounted.unmount;
  const { container } = mounted;
  const grid = container.querySelector<HTMLElement>('[role="grid"]');
  if (!grid) throw new Error('no grid');
  const focusedUrl = () =>
    (document.activeElement as HTMLElement | null)
      ?.closest('[data-citation-url]')
      ?.getAttribute('data-citation-url');
  const mainCell = (row: number) =>
    container.querySelector<HTMLElement>(`[data-row-index="${row}"] [data-col="0"]`);
  return { container, grid, onGoTo, onOpen, focusedUrl, mainCell };
}

const urls = harbourCitations.map((citation) => citation.url);

describe('CitationList keyboard', () => {
  it('is one tab stop: only the first row’s cell is in the tab order at first', () => {
    const { container } = list();
    const tabbable = container.querySelectorAll('[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]?.closest('[data-row-index]')?.getAttribute('data-row-index')).toBe('0');
  });

  it('moves with the arrow keys, Home and End, and keeps one tab stop on the focused row', () => {
    const { container, mainCell, focusedUrl } = list();
    mainCell(0)?.focus();
    press(document.activeElement as Element, 'ArrowDown');
    expect(focusedUrl()).toBe(urls[1]);
    press(document.activeElement as Element, 'ArrowDown');
    expect(focusedUrl()).toBe(urls[2]);
    press(document.activeElement as Element, 'ArrowUp');
    expect(focusedUrl()).toBe(urls[1]);
    press(document.activeElement as Element, 'End');
    expect(focusedUrl()).toBe(urls[4]);
    press(document.activeElement as Element, 'ArrowDown');
    expect(focusedUrl()).toBe(urls[4]);
    press(document.activeElement as Element, 'Home');
    expect(focusedUrl()).toBe(urls[0]);
    const tabbable = container.querySelectorAll('[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]).toBe(document.activeElement);
  });

  it('goes to the link with Enter and opens the source with Shift+Enter', () => {
    const { mainCell, onGoTo, onOpen } = list();
    mainCell(1)?.focus();
    press(document.activeElement as Element, 'Enter');
    expect(onGoTo).toHaveBeenCalledWith(harbourCitations[1], 0);
    press(document.activeElement as Element, 'Enter', { shiftKey: true });
    expect(onOpen).toHaveBeenCalledWith(harbourCitations[1]);
    expect(onGoTo).toHaveBeenCalledTimes(1);
  });

  it('reaches the visible open button with ArrowRight', () => {
    const { mainCell, onOpen } = list();
    mainCell(0)?.focus();
    press(document.activeElement as Element, 'ArrowRight');
    const button = document.activeElement as HTMLAnchorElement;
    expect(button.getAttribute('data-action')).toBe('open');
    expect(button.getAttribute('href')).toBe(urls[0]);
    expect(button.textContent).toBe('Open harbour-news.example in a new tab');
    click(button);
    expect(onOpen).toHaveBeenCalledWith(harbourCitations[0]);
    press(button, 'ArrowDown');
    expect((document.activeElement as HTMLElement).getAttribute('href')).toBe(urls[1]);
    press(document.activeElement as Element, 'ArrowLeft');
    expect((document.activeElement as HTMLElement).getAttribute('data-col')).toBe('0');
  });
});

describe('CitationList occurrences', () => {
  it('steps through the occurrences of a citation linked several times, showing "k of n"', () => {
    const { container, mainCell, onGoTo } = list();
    const row = container.querySelector(`[data-citation-url="${urls[2]}"]`);
    const counter = () => row?.querySelector('[data-field="occurrences"]')?.textContent;
    const sentence = () => row?.querySelector('[data-field="sentence"]')?.textContent;
    expect(counter()).toBe('3 links');

    click(mainCell(2) as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(harbourCitations[2], 0);
    expect(counter()).toBe('1 of 3');
    click(mainCell(2) as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(harbourCitations[2], 1);
    expect(counter()).toBe('2 of 3');
    expect(sentence()).toBe('Critics say the report leaves out winter closures.');
    press(mainCell(2) as HTMLElement, 'Enter');
    expect(onGoTo).toHaveBeenLastCalledWith(harbourCitations[2], 2);
    expect(counter()).toBe('3 of 3');
    click(mainCell(2) as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(harbourCitations[2], 0);
    expect(counter()).toBe('1 of 3');
  });

  it('steps through a note’s markers, then shows the note itself, then starts again at the first marker', () => {
    const wall: Citation = {
      ...citation('https://gazette.example.com/wall', 'external', [
        { anchorText: '[1]', sentence: 'The sea wall failed in March.[1]', linkIndex: 3 },
        { anchorText: '[1]', sentence: 'Repairs were promised by June.[1]', linkIndex: 5 },
      ]),
      section: 'notes',
      notes: [
        { linkIndex: 40, text: '^ a b “Harbour wall gives way”. The Westcombe Gazette. 3 March 2024.' },
      ],
    };
    const onGoTo = vi.fn();
    const mounted = mount(<CitationList citations={[wall]} onGoTo={onGoTo} onOpen={() => {}} />);
    cleanup = mounted.unmount;
    const cell = mounted.container.querySelector<HTMLElement>('[data-row-index="0"] [data-col="0"]');
    const field = (name: string) => mounted.container.querySelector(`[data-field="${name}"]`)?.textContent;

    click(cell as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(wall, 0);
    expect(field('occurrences')).toBe('1 of 3');
    click(cell as HTMLElement);
    expect(field('occurrences')).toBe('2 of 3');
    expect(field('sentence')).toBe('Repairs were promised by June.[1]');
    click(cell as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(wall, 2);
    expect(field('occurrences')).toBe('3 of 3');
    expect(field('note')).toBe('Note: ^ a b “Harbour wall gives way”. The Westcombe Gazette. 3 March 2024.');
    expect(field('sentence')).toBeUndefined();
    click(cell as HTMLElement);
    expect(onGoTo).toHaveBeenLastCalledWith(wall, 0);
    expect(field('occurrences')).toBe('1 of 3');
    expect(field('note')).toBeUndefined();
  });

  it('marks only the row last gone to as current', () => {
    const { container, mainCell } = list();
    click(mainCell(0) as HTMLElement);
    click(mainCell(3) as HTMLElement);
    const current = Array.from(container.querySelectorAll('[aria-current="true"]')).map((row) =>
      row.getAttribute('data-citation-url'),
    );
    expect(current).toEqual([urls[3]]);
  });
});

describe('CitationList rows', () => {
  it('shows anchor text, domain, kind and the sentence with the anchor emphasised', () => {
    const { container } = list();
    const row = container.querySelector(`[data-citation-url="${urls[1]}"]`);
    expect(row?.querySelector('[data-field="anchor"]')?.textContent).toBe('reported last spring');
    expect(row?.querySelector('[data-field="domain"]')?.textContent).toBe('coastal-gazette.example');
    expect(row?.querySelector('[data-field="kind"]')?.textContent).toBe('News');
    expect(row?.querySelector('[data-field="relation"]')?.textContent).toBe('External');
    expect(row?.querySelector('mark')?.textContent).toBe('reported last spring');
    expect(row?.querySelector('[data-field="sentence"]')?.textContent).toBe(
      'As the Gazette reported last spring, the timetable was already thin.',
    );
  });

  it('takes a status for each row from the caller', () => {
    const onGoTo = vi.fn();
    const mounted = mount(
      <CitationList
        citations={harbourCitations}
        onGoTo={onGoTo}
        onOpen={vi.fn()}
        statusFor={(citation) =>
          citation.relation === 'external'
            ? { code: 'alive', label: 'alive' }
            : { code: 'dead', label: 'dead' }
        }
      />,
    );
    cleanup = mounted.unmount;
    const statuses = Array.from(mounted.container.querySelectorAll('[role="row"]')).map((row) =>
      row.getAttribute('data-status'),
    );
    expect(statuses).toEqual(['dead', 'alive', 'alive', 'dead', 'alive']);
  });
});
