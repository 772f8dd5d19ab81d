import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container attached to the document (focus needs an attached node). */
export function mount(vnode: ComponentChild): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(vnode, container);
  });
  return {
    container,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}

export function type(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function rowUrls(container: Element): string[] {
  return Array.from(container.querySelectorAll('[data-citation-url]')).map(
    (row) => row.getAttribute('data-citation-url') ?? '',
  );
}
