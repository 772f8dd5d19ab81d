/**
 * Cited's icons: line drawings on a 16×16 grid, stroked in the current text colour, so an icon follows its
 * button's colour (hover, disabled, dark scheme) with no colour of its own. Circles are written as two arcs so
 * that every icon is a single path.
 */
const ICONS = {
  reload: { d: 'M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3' },
  'open-external': { d: 'M9 3h4v4M13 3 7.5 8.5M11.5 9.5V13h-8.5V4.5H6.5' },
  'chevron-down': { d: 'M4.5 6.25 8 9.75l3.5-3.5' },
  copy: {
    d: 'M5.5 5.5V3.25c0-.4.35-.75.75-.75h6.5c.4 0 .75.35.75.75v6.5c0 .4-.35.75-.75.75H10.5 M3.25 5.5h6.5c.4 0 .75.35.75.75v6.5c0 .4-.35.75-.75.75h-6.5c-.4 0-.75-.35-.75-.75v-6.5c0-.4.35-.75.75-.75Z',
    strokeWidth: 1.4,
  },
  download: { d: 'M8 2.5v7.25M5 7l3 3 3-3M3 12.75h10' },
  settings: {
    d: 'M6.9 1.75h2.2l.35 1.7c.4.15.77.37 1.1.63l1.65-.55 1.1 1.9-1.3 1.15a4.4 4.4 0 0 1 0 1.27l1.3 1.15-1.1 1.9-1.65-.55c-.33.26-.7.48-1.1.63l-.35 1.7H6.9l-.35-1.7a4.3 4.3 0 0 1-1.1-.63l-1.65.55-1.1-1.9L4 8.64a4.4 4.4 0 0 1 0-1.27L2.7 6.22l1.1-1.9 1.65.55c.33-.26.7-.48 1.1-.63Z M9.9 8a1.9 1.9 0 1 1-3.8 0a1.9 1.9 0 1 1 3.8 0Z',
    strokeWidth: 1.3,
  },
  library: {
    d: 'M2.5 2.5h2.5v11h-2.5zM6.5 2.5h2.5v11h-2.5zM10.2 3.1l2.4-.6 2.4 10.6-2.4.6z',
    strokeWidth: 1.3,
  },
  search: { d: 'M11.5 7a4.5 4.5 0 1 1-9 0a4.5 4.5 0 1 1 9 0Z M10.5 10.5 14 14', strokeWidth: 1.6 },
} satisfies Record<string, { d: string; strokeWidth?: number }>;

export type IconName = keyof typeof ICONS;

export interface PathIconProps {
  /** SVG path data on the 16×16 grid. */
  d: string;
  strokeWidth?: number;
  class?: string;
}

/** One path, drawn as every Cited icon is; decorative (the control around it carries the words). */
export function PathIcon({ d, strokeWidth = 1.5, class: className }: PathIconProps) {
  return (
    <svg class={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        stroke-width={strokeWidth}
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  const icon: { d: string; strokeWidth?: number } = ICONS[name];
  return <PathIcon d={icon.d} strokeWidth={icon.strokeWidth} class={className} />;
}
