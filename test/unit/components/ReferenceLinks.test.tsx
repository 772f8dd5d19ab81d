// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceLinks } from '../../../components/ReferenceLinks';
import type { Citation } from '../../../core/citations/types';
import { click, mount } from './render';
import { citation } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const survey: Citation = {
  ...citation('https://journal.example.org/wall', 'external', [
    { anchorText: '[1]', sentence: 'The wall failed in 2019.[1]', linkIndex: 3 },
  ]),
  notes: [{ linkIndex: 7, text: 'Reed, A. (2018). "Survey of the wall".' }],
  reference: {
    archive: { url: 'https://web.archive.org/web/2019/https://journal.example.org/wall', linkIndex: 9 },
    identifiers: [
      { scheme: 'doi', id: '10.5555/wall', url: 'https://doi.org/10.5555/wall', linkIndex: 8 },
      { scheme: 'isbn', id: '978-0-00', url: 'https://en.wikipedia.org/wiki/Special:BookSources/978-0-00' },
    ],
  },
};

describe('ReferenceLinks', () => {
  it('takes the reader to the archived copy and DOI link the reference gives, from the row’s details', () => {
    const shown: number[] = [];
    const { container, unmount } = mount(<ReferenceLinks citation={survey} onShow={(i) => shown.push(i)} />);
    cleanup = unmount;
    const buttons = [...container.querySelectorAll('[data-action="show-reference-link"]')];
    expect(buttons.map((button) => button.textContent)).toEqual(['archived copy', 'DOI link']);
    for (const button of buttons) click(button);
    // Places after the marker and the note: the archived copy, then the DOI link.
    expect(shown).toEqual([2, 3]);
  });

  it('shows nothing for a source whose reference gives no link of its own', () => {
    const { container, unmount } = mount(
      <ReferenceLinks
        citation={{ ...survey, reference: { title: 'Survey of the wall' } }}
        onShow={() => {}}
      />,
    );
    cleanup = unmount;
    expect(container.querySelector('[data-reference-links]')).toBeNull();
  });
});
