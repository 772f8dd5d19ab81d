// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { CitationRow } from '../../../components/CitationRow';
import { NOT_CHECKED } from '../../../components/row-status';
import type { Citation } from '../../../core/citations/types';
import { mount } from './render';
import { citation } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function row(cited: Citation): HTMLElement {
  const mounted = mount(
    <CitationRow
      citation={cited}
      status={NOT_CHECKED}
      rowIndex={0}
      tabStop={0}
      shownPlace={null}
      onGoTo={() => {}}
      onOpen={() => {}}
      onFocusCell={() => {}}
    />,
  );
  cleanup = mounted.unmount;
  return mounted.container;
}

describe('a source given in a reference', () => {
  it('shows the reference’s title, work and publisher, and that it is a reference', () => {
    const container = row({
      ...citation('https://gazette.example.com/wall', 'external', [
        { anchorText: '[3]', sentence: 'The harbour wall failed in March.[3]', linkIndex: 0 },
      ]),
      section: 'notes',
      reference: {
        title: 'Harbour wall gives way',
        work: 'The Westcombe Gazette',
        publisher: 'Gazette Media',
      },
    });
    expect(container.querySelector('[data-field="reference"]')?.textContent).toBe(
      '“Harbour wall gives way” — The Westcombe Gazette · Gazette Media',
    );
    expect(container.querySelector('[data-field="section"]')?.textContent).toBe('Reference');
  });

  it('labels a source listed under External links, and shows no reference line when there is none', () => {
    const container = row({
      ...citation('https://www.mozilla.org/', 'external', [
        { anchorText: 'Official website', sentence: 'Official website', linkIndex: 0 },
      ]),
      section: 'external-links',
    });
    expect(container.querySelector('[data-field="section"]')?.textContent).toBe('External links');
    expect(container.querySelector('[data-field="reference"]')).toBeNull();
  });

  it('adds nothing to a citation from the running text', () => {
    const container = row(
      citation('https://example.org/report', 'external', [
        { anchorText: 'the report', sentence: 'It cited the report.', linkIndex: 0 },
      ]),
    );
    expect(container.querySelector('[data-field="section"]')).toBeNull();
    expect(container.querySelector('[data-section="text"]')).not.toBeNull();
  });
});
