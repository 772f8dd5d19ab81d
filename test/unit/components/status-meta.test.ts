import { describe, expect, it } from 'vitest';
import { STATUS_ORDER, statusMeta, statusPaletteCss } from '../../../components/status-meta';
import { ALL_CITATION_STATUSES } from '../../../core/citation-status/summary';
import { LINK_STATUSES } from '../../../core/linkcheck/types';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r as number) + 0.7152 * linear(g as number) + 0.0722 * linear(b as number);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** `colour` at `share` over `base`, as color-mix(in srgb, …) blends the status tint behind a pill. */
function mix(colour: string, share: number, base: string): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(channel(colour, i) * share + channel(base, i) * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

// The panel's surfaces (entrypoints/sidepanel/panel.css): light and dark.
const SURFACES = { light: ['#ffffff', '#f7f7f5'], dark: ['#212225', '#18191b'] } as const;

describe('status meta', () => {
  it('covers every status the panel can show, in one reading order', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...ALL_CITATION_STATUSES].sort());
    for (const status of ALL_CITATION_STATUSES) {
      const meta = statusMeta(status);
      expect(meta.label.length, status).toBeGreaterThan(0);
      expect(meta.description, status).toMatch(/\.$/);
      expect(meta.markerLabel, status).toMatch(/^Cited: /);
      expect(meta.colourVar).toBe(`--status-${status}`);
    }
  });

  it('never tells verdicts apart by colour alone: each has its own icon, label and colour', () => {
    const verdicts = LINK_STATUSES.map(statusMeta);
    expect(new Set(verdicts.map((meta) => meta.icon)).size).toBe(verdicts.length);
    expect(new Set(verdicts.map((meta) => meta.label)).size).toBe(verdicts.length);
    expect(new Set(verdicts.map((meta) => meta.colour.light)).size).toBe(verdicts.length);
    expect(new Set(verdicts.map((meta) => meta.colour.dark)).size).toBe(verdicts.length);
  });

  it('counts only dead and soft 404 as broken', () => {
    expect(ALL_CITATION_STATUSES.filter((status) => statusMeta(status).broken)).toEqual(['dead', 'soft-404']);
    expect(ALL_CITATION_STATUSES.filter((status) => statusMeta(status).pending)).toEqual([
      'checking',
      'queued',
    ]);
  });

  it.each(['light', 'dark'] as const)(
    'reads at 4.5:1 or better on the %s surfaces and tinted pills',
    (scheme) => {
      for (const status of ALL_CITATION_STATUSES) {
        const colour = statusMeta(status).colour[scheme];
        for (const surface of SURFACES[scheme]) {
          expect(contrast(colour, surface), `${status} on ${surface}`).toBeGreaterThanOrEqual(4.5);
          expect(
            contrast(colour, mix(colour, 0.11, surface)),
            `${status} pill on ${surface}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    },
  );

  it('gives the colours as custom properties that switch with the colour scheme', () => {
    const css = statusPaletteCss(':host');
    expect(css).toContain(':host{--status-alive:#187533;');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{:host\{--status-alive:#3fb950;/);
    expect(css.match(/--status-/g)).toHaveLength(ALL_CITATION_STATUSES.length * 2);
  });
});
