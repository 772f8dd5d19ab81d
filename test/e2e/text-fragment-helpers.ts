import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';

// "Show in source" end to end: the link opened as a reader opens it, and what its text fragment highlights on the
// page it opens, as the text fragments polyfill (the reference implementation Chrome's generator is paired with)
// reads the directive there.

const polyfillSource = readFileSync(
  createRequire(import.meta.url).resolve('text-fragments-polyfill/text-fragment-utils'),
  'utf8',
);

/** Opens a link of the panel from the keyboard (focus, Enter); resolves with the tab it opened, loaded. */
export async function openFromKeyboard(link: Locator): Promise<Page> {
  const opened = link.page().context().waitForEvent('page');
  await link.focus();
  await link.press('Enter');
  const tab = await opened;
  await tab.waitForLoadState('domcontentloaded');
  return tab;
}

/** The passages of `tab` that the text fragment in `href` matches, with their white space collapsed. */
export async function fragmentMatches(tab: Page, href: string): Promise<string[]> {
  await tab.addScriptTag({
    type: 'module',
    content: `${polyfillSource}
window.__citedFragments = { getFragmentDirectives, parseFragmentDirectives, processTextFragmentDirective };`,
  });
  await tab.waitForFunction(() => '__citedFragments' in window);
  return tab.evaluate((hash) => {
    const utils = (window as unknown as { __citedFragments: FragmentUtils }).__citedFragments;
    const parsed = utils.parseFragmentDirectives(utils.getFragmentDirectives(hash));
    return (parsed.text ?? []).flatMap((fragment) =>
      utils.processTextFragmentDirective(fragment).map((range) => range.toString().replace(/\s+/g, ' ')),
    );
  }, new URL(href).hash);
}

interface FragmentUtils {
  getFragmentDirectives(hash: string): { text?: string[] };
  parseFragmentDirectives(directives: { text?: string[] }): { text?: object[] };
  processTextFragmentDirective(fragment: object): Range[];
}
