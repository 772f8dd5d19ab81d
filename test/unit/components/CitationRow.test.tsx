// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { CitationRow } from '../../../components/CitationRow';
import type { ReferenceChecks } from '../../../components/reference-checks';
import { NOT_CHECKED } from '../../../components/row-status';
import type { Citation } from '../../../core/citations/types';
import { mount } from './render';
import { citation } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function row(cited: Citation, referenceChecks?: ReferenceChecks): HTMLElement {
  const mounted = mount(
    <CitationRow
      citation={cited}
      {...(referenceChecks ? { referenceChecks } : {})}
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

  it('says whether the archived copy the reference gives is usable, from that copy’s own check', () => {
    const copy = 'https://web.archive.org/web/20200115093000/https://council.example.gov/survey';
    const survey: Citation = {
      ...citation('https://council.example.gov/survey', 'external', [
        { anchorText: '[2]', sentence: 'A survey found the core washed out.[2]', linkIndex: 0 },
      ]),
      section: 'notes',
      reference: { title: 'Wall survey', archive: { url: copy, date: '2020-01-15' }, originalDead: true },
    };
    const line = (checks?: ReferenceChecks) => {
      const field = row(survey, checks).querySelector('[data-field="reference-copy"]');
      cleanup?.();
      return [field?.getAttribute('data-copy'), field?.textContent];
    };
    expect(line()).toEqual(['pending', 'Archived copy in the reference: not checked yet']);
    expect(line({ copy: 'alive' })).toEqual(['usable', 'Archived copy in the reference: usable (alive)']);
    expect(line({ copy: 'dead' })).toEqual([
      'not-usable',
      'Archived copy in the reference: not usable (dead)',
    ]);
    expect(line({ copy: 'blocked' })).toEqual([
      'unverified',
      'Archived copy in the reference: could not be verified (blocked)',
    ]);
  });

  it('shows the DOI, PMID and ISBN a reference gives, with what the check of each resolver link found', () => {
    const doi = 'https://doi.org/10.5555/hwq.2024.0173';
    const container = row(
      {
        ...citation('https://journals.example.org/hwq/173', 'external', [
          { anchorText: '[4]', sentence: 'Bacteria counts rose.[4]', linkIndex: 0 },
        ]),
        section: 'notes',
        reference: {
          title: 'Harbour water quality',
          identifiers: [
            { scheme: 'doi', id: '10.5555/hwq.2024.0173', url: doi },
            { scheme: 'pmid', id: '12345678', url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/' },
            { scheme: 'isbn', id: '978-0-521-53927-7', url: null },
          ],
        },
      },
      { identifiers: { [doi]: 'alive', 'https://pubmed.ncbi.nlm.nih.gov/12345678/': 'not-checked' } },
    );
    expect(container.querySelector('[data-field="identifiers"]')?.textContent).toBe(
      'DOI 10.5555/hwq.2024.0173 (link alive) · PMID 12345678 · ISBN 978-0-521-53927-7',
    );
    expect(container.querySelector('[data-field="reference-copy"]')).toBeNull();
  });
});
