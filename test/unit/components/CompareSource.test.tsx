// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompareSource, type ComparisonRequest } from '../../../components/CompareSource';
import { click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function view(state: ComparisonRequest, onCompare = () => {}) {
  const mounted = mount(<CompareSource state={state} onCompare={onCompare} />);
  cleanup = mounted.unmount;
  return mounted.container;
}

describe('compare a source on request', () => {
  it('offers the comparison as a button a keyboard reaches', () => {
    const onCompare = vi.fn();
    const button = view('idle', onCompare).querySelector(
      'button[data-action="compare-source"]',
    ) as HTMLElement;
    expect(button.textContent).toBe('Compare with the copy from before it was cited');
    expect(button.tabIndex).toBe(0);
    click(button);
    expect(onCompare).toHaveBeenCalledTimes(1);
  });

  it('says what is happening, and what the archive had', () => {
    expect(view('comparing').textContent).toContain('Comparing with the archived copy');
    cleanup?.();
    const none = view('no-copy');
    expect(none.textContent).toContain('no copy of this source from before it was cited');
    expect(none.querySelector('button')).toBeNull();
    cleanup?.();
    const failed = view('failed');
    expect(failed.textContent).toContain('Could not compare this source');
    expect(failed.querySelector('[data-action="compare-source"]')).not.toBeNull();
  });
});
