// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '../../../components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings/settings';
import { mount, type } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function commit(input: HTMLInputElement, value: string) {
  type(input, value);
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the settings form’s numbers', () => {
  it.each([
    [
      'watchIntervalDays',
      '14',
      { watchIntervalDays: 14 },
      'Saved: watched articles re-checked every 14 days',
    ],
    ['maxRequests', '4', { maxRequests: 4 }, 'Saved: 4 requests at once'],
  ] as const)('%s: a valid value is saved and said', async (name, value, change, said) => {
    const onChange = vi.fn(async (_change: Partial<Settings>) => {});
    const mounted = mount(<SettingsForm settings={{ ...DEFAULT_SETTINGS }} onChange={onChange} />);
    cleanup = mounted.unmount;
    commit(mounted.container.querySelector(`[data-setting="${name}"]`) as HTMLInputElement, value);
    await act(async () => {});
    expect(onChange).toHaveBeenCalledWith(change);
    expect(mounted.container.querySelector('[data-settings-status]')?.textContent).toBe(said);
  });

  it.each([
    ['watchIntervalDays', '0', 'Re-check watched articles every 1 to 90 days (a whole number).'],
    ['maxRequests', '99', 'Requests at once must be between 1 and 16.'],
  ] as const)('%s: a value out of range is refused with the reason, and not saved', (name, value, reason) => {
    const onChange = vi.fn(async () => {});
    const mounted = mount(<SettingsForm settings={{ ...DEFAULT_SETTINGS }} onChange={onChange} />);
    cleanup = mounted.unmount;
    const input = mounted.container.querySelector(`[data-setting="${name}"]`) as HTMLInputElement;
    commit(input, value);
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(mounted.container.querySelector('[data-field-error]')?.textContent).toBe(reason);
  });
});
