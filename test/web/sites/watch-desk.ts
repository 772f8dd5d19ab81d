import { html } from '../respond';
import type { TestWeb } from '../server';
import { articlePage } from '../templates';
import { type ChangingSite, changingSite } from './changing';

/**
 * The watching tests' article (issue 13): The Watch Desk cites a ferry line's timetable, which it quotes, and the
 * harbour's figures. The ferry line's fate is set by the test between re-checks.
 */
export const watchDeskArticle = 'https://www.watch-desk.example/2026/03/ferry-cut/';
export const watchDeskTimetable = 'https://www.ferryline.example/press/winter-timetable';
export const watchDeskFigures = 'https://www.harbour-stats.example/2025/passengers';
export const watchDeskQuote = 'from April the ferry sails every ninety minutes';

export function playWatchDesk(testWeb: TestWeb): ChangingSite {
  const ferryline = changingSite({
    url: watchDeskTimetable,
    siteName: 'Ferryline',
    title: 'Winter timetable',
    paragraphs: ['From April the ferry sails every ninety minutes.'],
  });
  testWeb.addSite(ferryline.site);
  testWeb.addSite(
    changingSite({
      url: watchDeskFigures,
      siteName: 'Harbour statistics',
      title: 'Passengers in 2025',
      paragraphs: ['Passenger numbers fell by a fifth.'],
    }).site,
  );
  testWeb.addSite({
    hosts: [new URL(watchDeskArticle).hostname],
    handle: (_req, res) =>
      html(
        res,
        200,
        articlePage({
          siteName: 'The Watch Desk',
          title: 'Ferry timetable cut',
          url: watchDeskArticle,
          published: '2026-03-01',
          paragraphs: [
            `The operator announced the cut in its <a href="${watchDeskTimetable}">winter timetable</a>: “${watchDeskQuote}”, citing lower demand.`,
            `Passenger numbers fell by a fifth, according to <a href="${watchDeskFigures}">the harbour's figures</a>.`,
          ],
        }),
      ),
  });
  return ferryline;
}
