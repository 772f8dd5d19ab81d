// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteLinks } from '../../../components/SiteLinks';
import { click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const links = [
  { url: 'https://en.wikipedia.org/wiki/Harbour_wall', anchorText: 'harbour wall', linkIndex: 4 },
  { url: 'https://en.wikipedia.org/wiki/Westcombe', anchorText: '', linkIndex: 9 },
];

describe('links within this site', () => {
  it('is one collapsed line saying how many there are and that they are not checked', () => {
    const mounted = mount(<SiteLinks links={links} onOpen={vi.fn()} />);
    cleanup = mounted.unmount;
    const details = mounted.container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe(
      '2 links within this site — the wiki’s own articles: not sources, not checked',
    );
    expect(mounted.container.querySelectorAll('li')).toHaveLength(0);
  });

  it('lists them when opened, and opens one in a new tab on click', () => {
    const onOpen = vi.fn();
    const mounted = mount(<SiteLinks links={links} onOpen={onOpen} />);
    cleanup = mounted.unmount;
    const details = mounted.container.querySelector('details') as HTMLDetailsElement;
    // What the browser does when the reader opens it (jsdom does not toggle <details> on a click).
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    const items = [...mounted.container.querySelectorAll('li a')];
    expect(items.map((item) => item.textContent)).toEqual([
      'harbour wall',
      'https://en.wikipedia.org/wiki/Westcombe',
    ]);
    click(items[0] as Element);
    expect(onOpen).toHaveBeenCalledWith('https://en.wikipedia.org/wiki/Harbour_wall');
  });
});
