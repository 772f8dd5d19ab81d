import { statusPaletteCss } from './status-meta';

/** The status colours as CSS custom properties for everything rendered below it (light and dark). */
export function StatusPalette() {
  return <style data-status-palette>{statusPaletteCss(':root')}</style>;
}
