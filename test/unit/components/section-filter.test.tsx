// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationsView } from '../../../components/CitationsView';
import type { Citation } from '../../../core/citations/types';
import { click, mount, rowUrls } from './render';
import { citation, harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const given = (url: string, section: NonNullable<Citation['section']>): Citation => ({
  ...citation(url, 'external', [{ anchorText: '[1]', sentence: 'The wall failed.[1]', linkIndex: 3 }]),
  section,
});

const wikiCitations: Citation[] = [
  given('https://gazette.example.com/wall', 'notes'),
  given('https://council.example.gov/survey', 'notes'),
  given('https://www.westcombe.example.org/', 'external-links'),
];

function view(citations: Citation[]) {
  const mounted = mount(
    <CitationsView citations={citations} source="article" onGoTo={vi.fn()} onOpen={vi.fn()} />,
  );
  cleanup = mounted.unmount;
  return mounted.container;
}

describe('the section filter', () => {
  it('offers References and External links on a page that has them, each showing only its sources', () => {
    const container = view(wikiCitations);
    const options = [...container.querySelectorAll('[data-filter]')].map((radio) =>
      radio.getAttribute('data-filter'),
    );
    expect(options).toEqual(['all', 'external', 'same-site', 'notes', 'external-links']);

    const radio = container.querySelector('[data-filter="external-links"]');
    if (!radio) throw new Error('no External links filter');
    click(radio);
    expect(rowUrls(container)).toEqual(['https://www.westcombe.example.org/']);
    click(container.querySelector('[data-filter="notes"]') as Element);
    expect(rowUrls(container)).toEqual([
      'https://gazette.example.com/wall',
      'https://council.example.gov/survey',
    ]);
  });

  it('offers no section filter on an article that cites in its text alone', () => {
    const container = view(harbourCitations);
    expect(container.querySelector('[data-filter="notes"]')).toBeNull();
    expect(container.querySelector('[data-filter="external-links"]')).toBeNull();
  });
});
