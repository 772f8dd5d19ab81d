// @vitest-environment jsdom

import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { memo } from '../../../components/memo';

describe('memo', () => {
  it('redraws a row only when its own props change, and keeps its state across skipped and made redraws', () => {
    let draws = 0;
    let bump: () => void = () => {};
    const Row = memo(
      ({ label }: { label: string; onPick: () => void }) => {
        draws++;
        const [clicks, setClicks] = useState(0);
        bump = () => setClicks((n) => n + 1);
        return (
          <p>
            {label} {clicks}
          </p>
        );
      },
      (before, after) => before.label === after.label,
    );
    const container = document.createElement('div');
    const show = (label: string) => act(() => render(<Row label={label} onPick={() => {}} />, container));

    show('alive');
    expect(container.textContent).toBe('alive 0');
    show('alive');
    expect(draws).toBe(1);
    act(() => bump());
    expect(container.textContent).toBe('alive 1');
    show('dead');
    expect(container.textContent).toBe('dead 1');
    expect(draws).toBe(3);
  });
});
