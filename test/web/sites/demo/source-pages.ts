import type { ArticleContent } from '../../templates';
import { demoCitation } from './fates';

/**
 * What the demo's sources say (or said, for those only the Wayback still has). Written for this project; they
 * back up the claims the demo article makes, so quote and claim checks have something true to find.
 */

const url = (id: string) => demoCitation(id).url;

export const heraldClosures: ArticleContent = {
  siteName: 'Tidewater Herald',
  title: 'Heavy rain closes four beaches across the county',
  url: url('herald-closures'),
  byline: 'Leon Marsh',
  published: '2025-08-19',
  paragraphs: [
    'Four public beaches in the county were closed to swimmers on Tuesday after weekend storms washed runoff into the bay, health officials said.',
    'Samples taken Monday showed enterococci above the state limit at Cole Landing, Birch Cove, Marram Point and the south end of Long Strand. The beaches will reopen once two clean samples in a row are recorded.',
  ],
};

export const swimClubNotice: ArticleContent = {
  siteName: 'Bay Swim Club',
  title: 'Open-water series cancelled for the rest of 2025',
  url: url('swim-club-notice').replace('http:', 'https:'),
  byline: 'Club committee',
  published: '2025-08-06',
  paragraphs: [
    'After several members reported skin rashes following morning swims at Gull Point, the committee has cancelled the remaining races of the open-water series.',
    'We have asked the city for its latest water test results and will post them here as soon as we receive them.',
  ],
};

export const labStatementNewUrl =
  'https://www.ellerylabs.example/newsroom/statements/harbour-testing-contract';

export const labStatement: ArticleContent = {
  siteName: 'Ellery Analytical Laboratories',
  title: 'Statement on the Port Ellery harbour testing contract',
  url: labStatementNewUrl,
  published: '2025-09-08',
  paragraphs: [
    'Ellery Analytical Laboratories sent three renewal notices between April and June and received no reply. We could not lawfully continue sampling after the contract expired on June 30.',
    'We resumed weekly sampling at all three harbour beaches on August 19, the day after the renewed contract was signed.',
  ],
};

/**
 * The statement as the laboratory first posted it, at its old address (the Wayback's copy from before the article):
 * it has the quoted sentence, and said sampling would resume, which the live statement now says it did.
 */
export const labStatementAsFirstPosted: ArticleContent = {
  ...labStatement,
  url: url('lab-statement-moved'),
  paragraphs: [
    labStatement.paragraphs[0] ?? '',
    'We will resume weekly sampling at all three harbour beaches as soon as the city signs a renewed contract.',
  ],
};

export const coastlineBacklog: ArticleContent = {
  siteName: 'Coastline Daily',
  title: 'Port Ellery harbour samples went untested for weeks',
  url: url('coastline-backlog'),
  byline: 'Ines Carvalho',
  published: '2025-09-02',
  paragraphs: [
    'No water samples were taken at Port Ellery’s harbour beaches between July 1 and August 18, according to invoices released by the city.',
    'The city said the gap followed the expiry of its laboratory contract and that the beach status page had not been updated during that time.',
  ],
};

export const keepersSampling: ArticleContent = {
  siteName: 'Harbour Keepers',
  title: 'Mind the gap: our summer sampling',
  url: url('keepers-sampling'),
  byline: 'Harbour Keepers volunteers',
  published: '2025-08-14',
  paragraphs: [
    'When we learned that the city had stopped testing, our members paid for eleven samples of their own at Gull Point, Pilot Steps and the Causeway beach.',
    'Three of the eleven exceeded the state single-sample limit for enterococci, all of them taken within a day of heavy rain.',
  ],
};

export const countyWeeklyTowns: ArticleContent = {
  siteName: 'The County Weekly',
  title: 'Two more towns used the same lab under similar contracts',
  url: url('county-weekly-towns'),
  byline: 'Ruth Adebayo',
  published: '2025-10-01',
  paragraphs: [
    'Westhaven and Corbin Falls also relied on Ellery Analytical Laboratories for beach testing, with contracts that lapsed on the same date, records show.',
    'Both towns renewed before July, officials said, and neither recorded a gap in sampling.',
  ],
};

export const maritimeTowns: ArticleContent = {
  siteName: 'Maritime Journal',
  title: 'Harbour lab backlog raises questions about municipal contracts',
  url: url('maritime-towns'),
  byline: 'Tomas Lindqvist',
  published: '2025-09-09',
  paragraphs: [
    'Municipal contracts for beach testing often run for one year and renew only by a council vote, leaving room for gaps when agendas slip.',
    'In Port Ellery, the renewal was not placed on an agenda until August 18, seven weeks after the contract ended.',
  ],
};

export const observerAnalysis: ArticleContent = {
  siteName: 'The Slow Tide Observer',
  title: 'What the lab records show',
  url: url('observer-analysis'),
  byline: 'Hal Brennan',
  published: '2025-11-04',
  paragraphs: [
    'We read every invoice the city released. The last summer sample before the gap was taken on June 27; the next on August 19.',
    'Rainfall records show four storms of more than an inch during the gap, each of which would normally have triggered a resample.',
  ],
};

export const stateGuidance: ArticleContent = {
  siteName: 'Ellery Department of Public Health',
  title: 'Beach monitoring and notification guidance',
  url: url('state-guidance'),
  published: '2024-04-02',
  paragraphs: [
    'Operators of public bathing beaches must sample weekly from mid-June through Labor Day.',
    'An advisory must be posted when a single sample exceeds 104 colonies of enterococci per 100 millilitres, and kept in place until a follow-up sample meets the standard.',
  ],
};

export const doiTargetUrl = 'https://journals.coastalscience.example/hwq/article/2024/0173';

export const doiStudy: ArticleContent = {
  siteName: 'Harbour Water Quality',
  title: 'Rainfall-driven spikes in enterococci at small-harbour beaches',
  url: doiTargetUrl,
  byline: 'A. Moreau, K. Tanaka, S. Osei',
  published: '2024-05-15',
  paragraphs: [
    'Abstract. We sampled six small-harbour beaches daily over two summers. Enterococci counts rose sharply within 24 hours of rainfall above 25 mm and returned to baseline within three days.',
    'Weekly sampling missed 61% of exceedances. We recommend event-triggered sampling after heavy rain.',
  ],
};

export const harbourmasterPost: ArticleContent = {
  siteName: 'Mastodon',
  title: 'Port Ellery Harbourmaster (@PortElleryHarbour@mastodon.social)',
  url: url('harbourmaster-post'),
  byline: 'Port Ellery Harbourmaster',
  published: '2025-08-22',
  paragraphs: [
    'About the beach tests: the lab contract lapsed on June 30 and was not renewed until this week. That is an administrative miss we are fixing this week. Results will be posted every Friday.',
  ],
};

export const beachStatusUrl = 'https://www.portellery.example/beaches/status';

export const beachStatus: ArticleContent = {
  siteName: 'City of Port Ellery',
  title: 'Beach status',
  url: beachStatusUrl,
  published: '2025-05-30',
  paragraphs: [
    'Gull Point: open. Last sample May 27, within limits.',
    'Pilot Steps: open. Last sample May 27, within limits.',
    'Causeway beach: open. Last sample May 27, within limits.',
  ],
};

export const councilMinutes = {
  title: 'City of Port Ellery - Council minutes, regular meeting of June 17, 2025',
  lines: [
    'Present: Mayor Ortiz; Councillors Byrne, Castellanos (City Manager, ex officio), Haddad, Nguyen.',
    'Item 7. Contracts expiring before August 1.',
    'Staff reported that the beach water testing contract with Ellery Analytical Laboratories',
    'expires June 30 and that the renewal had not yet been placed on an agen-',
    'da.',
    'Council asked staff to bring the renewal to the next regular meeting.',
    'Item 8. Harbour dredging schedule. Deferred.',
  ],
};
