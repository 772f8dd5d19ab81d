// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyEvidence } from '../../../components/CopyEvidence';
import { mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const evidence = 'Citation 2 of 9: https://lab.example/statement\nQuotation 1: “sent three renewal notices”';

async function press(container: HTMLElement): Promise<void> {
  const button = container.querySelector<HTMLButtonElement>('button[data-action="copy-evidence"]');
  if (!button) throw new Error('no Copy evidence button');
  await act(async () => {
    button.click();
  });
}

const feedback = (container: HTMLElement) => container.querySelector('[data-evidence-feedback]')?.textContent;

describe('Copy evidence', () => {
  it('is a button the keyboard reaches, named for what it does', () => {
    const mounted = mount(<CopyEvidence evidence={() => evidence} copy={async () => {}} />);
    cleanup = mounted.unmount;
    const button = mounted.container.querySelector(
      'button[data-action="copy-evidence"]',
    ) as HTMLButtonElement;
    expect(button.textContent).toBe('Copy evidence');
    expect(button.tabIndex).toBe(0);
    expect(button.disabled).toBe(false);
  });

  it('puts the evidence on the clipboard and says so', async () => {
    const copy = vi.fn(async (_text: string) => {});
    const mounted = mount(<CopyEvidence evidence={() => evidence} copy={copy} />);
    cleanup = mounted.unmount;
    expect(feedback(mounted.container)).toBe('');
    await press(mounted.container);
    expect(copy).toHaveBeenCalledWith(evidence);
    expect(feedback(mounted.container)).toBe('Copied');
    expect(mounted.container.querySelector('[data-evidence-feedback]')?.getAttribute('role')).toBe('status');
  });

  it('says why when the clipboard refuses', async () => {
    const copy = async () => {
      throw new Error('The browser did not allow copying to the clipboard.');
    };
    const mounted = mount(<CopyEvidence evidence={() => evidence} copy={copy} />);
    cleanup = mounted.unmount;
    await press(mounted.container);
    expect(feedback(mounted.container)).toBe(
      'Could not copy: The browser did not allow copying to the clipboard.',
    );
  });

  it('says why when the evidence cannot be gathered, and copies nothing', async () => {
    const copy = vi.fn(async (_text: string) => {});
    const mounted = mount(
      <CopyEvidence
        evidence={() => {
          throw new Error('The report has no citation of https://lab.example/statement.');
        }}
        copy={copy}
      />,
    );
    cleanup = mounted.unmount;
    await press(mounted.container);
    expect(copy).not.toHaveBeenCalled();
    expect(feedback(mounted.container)).toContain(
      'Could not gather the evidence: The report has no citation',
    );
  });
});
