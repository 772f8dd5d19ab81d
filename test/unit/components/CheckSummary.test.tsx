// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckLimitNotice } from '../../../components/CheckLimitNotice';
import { CheckSummary, headline } from '../../../components/CheckSummary';
import type { CitationStatus } from '../../../core/linkcheck/types';
import { click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function summary(statuses: CitationStatus[], filter: CitationStatus | null = null, onStart?: () => void) {
  const onFilterChange = vi.fn();
  const mounted = mount(
    <CheckSummary
      statuses={statuses}
      filter={filter}
      onFilterChange={onFilterChange}
      {...(onStart ? { onStart } : {})}
    />,
  );
  cleanup = mounted.unmount;
  return { container: mounted.container, onFilterChange };
}

describe('the summary bar', () => {
  it('says at a glance how many sources no longer stand, and draws one segment per status present', () => {
    const { container } = summary(['alive', 'dead', 'soft-404', 'alive', 'soft-404', 'blocked']);
    expect(container.querySelector('[data-field="check-headline"]')?.textContent).toBe(
      '3 of 6 sources no longer stand',
    );
    const segments = Array.from(container.querySelectorAll<HTMLElement>('[data-segment]')).map((segment) => [
      segment.dataset.segment,
      segment.style.flexGrow,
    ]);
    expect(segments).toEqual([
      ['alive', '2'],
      ['dead', '1'],
      ['soft-404', '2'],
      ['blocked', '1'],
    ]);
    // The bar is decoration; the legend says the same in words (icon + count + label), for everyone.
    expect(container.querySelector('[data-stacked-bar]')?.getAttribute('aria-hidden')).toBe('true');
    const legend = Array.from(container.querySelectorAll('[data-status-filter]')).map(
      (chip) => chip.textContent,
    );
    expect(legend).toEqual(['2alive', '1dead', '2soft 404', '1blocked']);
  });

  it('shows progress while checks run, as text and a progress element', () => {
    const { container } = summary(['alive', 'checking', 'queued', 'queued', 'dead']);
    expect(container.querySelector('[data-field="check-headline"]')?.textContent).toBe(
      'Checking: 2 of 5 done…',
    );
    const progress = container.querySelector<HTMLProgressElement>('[data-check-progress]');
    expect(progress?.max).toBe(5);
    expect(progress?.value).toBe(2);
  });

  it('tells a screen reader when checks start and how they ended, not every verdict in between', () => {
    const announcement = (statuses: CitationStatus[]) =>
      summary(statuses).container.querySelector('[role="status"]')?.textContent;
    expect(announcement(['alive', 'checking', 'queued', 'queued', 'dead'])).toBe('Checking 5 links…');
    cleanup?.();
    expect(announcement(['alive', 'alive', 'checking', 'queued', 'dead'])).toBe('Checking 5 links…');
    cleanup?.();
    expect(announcement(['alive', 'alive', 'alive', 'alive', 'dead'])).toBe(
      '1 of 5 sources no longer stands',
    );
  });

  it.each([
    [['alive', 'alive'], 'All 2 sources still answer'],
    [['alive'], 'The source still answers'],
    [['alive', 'blocked', 'unreachable'], 'No source is gone · 2 could not be verified'],
    [['not-checked', 'not-checked'], 'Links not checked yet'],
    [['alive', 'not-checked'], '1 of 2 checked, none gone'],
    [['dead'], '1 of 1 source no longer stands'],
  ] as [CitationStatus[], string][])('headline for %j: %s', (statuses, text) => {
    expect(headline(statuses)).toBe(text);
  });

  it('filters the list by a status from its legend, and a second press shows all again', () => {
    const first = summary(['alive', 'dead', 'dead']);
    const dead = first.container.querySelector('[data-status-filter="dead"]') as HTMLElement;
    expect(dead.getAttribute('aria-pressed')).toBe('false');
    click(dead);
    expect(first.onFilterChange).toHaveBeenCalledWith('dead');
    cleanup?.();

    const filtered = summary(['alive', 'dead', 'dead'], 'dead');
    const pressed = filtered.container.querySelector('[data-status-filter="dead"]') as HTMLElement;
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    click(pressed);
    expect(filtered.onFilterChange).toHaveBeenCalledWith(null);
  });

  it('offers to start when automatic checks are off and nothing was checked', () => {
    const onStart = vi.fn();
    const { container } = summary(['not-checked', 'not-checked'], null, onStart);
    click(container.querySelector('[data-action="start-checks"]') as HTMLElement);
    expect(onStart).toHaveBeenCalledOnce();
    cleanup?.();
    const checked = summary(['alive', 'dead'], null, onStart);
    expect(checked.container.querySelector('[data-action="start-checks"]')).toBeNull();
  });
});

describe('stopping, and the automatic limit', () => {
  it('offers Stop only while checks run, and says how far they got', () => {
    const onStop = vi.fn();
    const running = mount(
      <CheckSummary
        statuses={['alive', 'checking', 'queued', 'not-checked']}
        filter={null}
        onFilterChange={vi.fn()}
        onStop={onStop}
      />,
    );
    cleanup = running.unmount;
    expect(running.container.querySelector('[data-field="check-headline"]')?.textContent).toBe(
      'Checking: 1 of 4 done…',
    );
    const stop = running.container.querySelector('[data-action="stop-checks"]');
    if (!stop) throw new Error('no Stop button while checks run');
    click(stop);
    expect(onStop).toHaveBeenCalledTimes(1);
    running.unmount();
    const done = mount(
      <CheckSummary
        statuses={['alive', 'not-checked']}
        filter={null}
        onFilterChange={vi.fn()}
        onStop={onStop}
      />,
    );
    cleanup = done.unmount;
    expect(done.container.querySelector('[data-action="stop-checks"]')).toBeNull();
  });

  it('says how many citations are past the automatic limit, and checks them on one click', () => {
    const onCheck = vi.fn();
    const mounted = mount(
      <CheckLimitNotice notChecked={3000} limit={2000} onCheck={onCheck} locale="en-US" />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('[data-field="check-limit-text"]')?.textContent).toBe(
      'Not checked: 3,000 more than the automatic limit of 2,000 links.',
    );
    const button = mounted.container.querySelector('[data-action="check-rest"]');
    if (!button) throw new Error('no Check them button');
    expect(button.textContent).toBe('Check them');
    click(button);
    expect(onCheck).toHaveBeenCalledTimes(1);
  });
});
