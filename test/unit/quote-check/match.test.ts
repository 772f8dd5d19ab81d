import { describe, expect, it } from 'vitest';
import { matchQuote, matchQuotes, quoteParts } from '../../../core/quote-check';
import { newburyportnewsArchivedArticle } from '../../../test/web/sites/seed-sources';

// The seed article's two quotations, as its capture reads them (the “…” taken off, the [&#8230;] decoded).
const wickedlocalQuote =
  'the National Center for Missing and Exploited Children (NCMEC) was advised of two incidents of child pornography on Chatstep.com.';
const newburyportQuote =
  'the report had been filed […] by electronic service provider Chatstep.com [and] the complaint identified the internet protocol address, or IP, used to upload an image of child pornography.';

const newburyportText = newburyportnewsArchivedArticle.paragraphs.join('\n\n');

// A police log written for this test, in the way the Wareham report could have put it.
const warehamText = `WAREHAM — A local man was arraigned Friday in Wareham District Court.
According to the report, the National Center for Missing and Exploited Children (NCMEC) was advised of two
incidents of child pornography on Chatstep.com, a chat service. Chatstep.com had submitted two cyber tips to NCMEC.`;

describe('the seed article’s quotations', () => {
  it('finds the Newburyport quotation across its […] and [and] marks, at its place in the source', () => {
    const verdict = matchQuote(newburyportQuote, newburyportText);
    expect(verdict.status).toBe('found');
    if (verdict.status !== 'found') return;
    expect(verdict.passage.text).toBe(
      'the report had been filed with the national center by electronic service provider Chatstep.com, and the complaint identified the internet protocol address, or IP, used to upload an image of child pornography',
    );
    expect(newburyportText.slice(verdict.passage.start, verdict.passage.end)).toBe(verdict.passage.text);
  });

  it('reads […] as an elision and a standalone [and] as the writer’s insertion', () => {
    expect(quoteParts(newburyportQuote).map((part) => [part.gapBefore, part.original])).toEqual([
      [null, 'the report had been filed'],
      ['elision', 'by electronic service provider Chatstep.com'],
      [
        'insertion',
        'the complaint identified the internet protocol address, or IP, used to upload an image of child pornography',
      ],
    ]);
  });

  it('finds the Wareham quotation across a line break, with its trailing full stop and capitals', () => {
    const verdict = matchQuote(wickedlocalQuote, warehamText);
    expect(verdict.status).toBe('found');
  });

  it('says which words differ when the source gives another count', () => {
    const verdict = matchQuote(wickedlocalQuote, warehamText.replace('two\nincidents', 'three\nincidents'));
    expect(verdict.status).toBe('differs');
    if (verdict.status !== 'differs') return;
    expect(verdict.changes).toEqual([{ quoted: 'two', source: 'three' }]);
    expect(verdict.marked).toContain('advised of [-two-]{+three+} incidents');
  });
});

describe('normalisation: what quoting changes and what it does not', () => {
  const source = 'The mayor’s office said the “well-known” plan — approved in 2019 — was never funded.';

  it.each([
    ['straight quotes and apostrophes', `the mayor's office said the "well-known" plan`],
    ['case', 'THE MAYOR’S OFFICE SAID'],
    [
      'a dash for a hyphen, and a hyphen for a dash',
      'the “well–known” plan - approved in 2019 -- was never funded',
    ],
    ['spacing, line breaks and a no-break space', 'the   mayor’s\noffice\u00a0said'],
    ['trailing and leading punctuation', '...said the “well-known” plan,'],
    ['compatibility characters (NFKC): full-width digits', 'approved in ２０１９'],
  ])('%s: found', (_what, quote) => {
    expect(matchQuote(quote, source).status).toBe('found');
  });

  it('finds a word inside a ligature and a decomposed accent', () => {
    expect(
      matchQuote('the ﬁnal report was signed in Zürich', 'The final report was signed in Zu\u0308rich.')
        .status,
    ).toBe('found');
  });

  it('never finds a quotation inside other words', () => {
    expect(matchQuote('he said no more than that', 'She said no more than that.').status).not.toBe('found');
  });

  it('gives the passage as the source writes it, at its offsets', () => {
    const verdict = matchQuote(`the mayor's office`, source);
    expect(verdict).toMatchObject({
      status: 'found',
      passage: { start: 0, end: 18, text: 'The mayor’s office' },
    });
  });
});

describe('editorial marks', () => {
  const source =
    'Police searched 40 homes on Thursday. The suspects, aged between 18 and 80, were identified with the help of the operator, investigators said.';

  it.each([
    ['[...]', 'The suspects [...] were identified with the help of the operator'],
    ['…', 'The suspects … were identified with the help of the operator'],
    ['...', 'The suspects... were identified with the help of the operator'],
    ['(...)', 'The suspects (...) were identified with the help of the operator'],
    ['an elision across sentences', 'Police searched 40 homes [...] investigators said'],
  ])('%s is an elision', (_mark, quote) => {
    expect(matchQuote(quote, source).status).toBe('found');
  });

  it('needs the parts of an elided quotation in the source’s order', () => {
    expect(
      matchQuote('were identified with the help of the operator [...] Police searched 40 homes', source)
        .status,
    ).not.toBe('found');
  });

  it('needs the parts near each other', () => {
    const far = `Police searched 40 homes. ${'Unrelated words fill the page here. '.repeat(60)}Investigators said little.`;
    expect(matchQuote('Police searched 40 homes [...] investigators said little', far).status).not.toBe(
      'found',
    );
    expect(matchQuote('Police searched 40 homes [...] unrelated words fill the page', far).status).toBe(
      'found',
    );
  });

  it('does not look for the writer’s [insertions], alone or standing for a word', () => {
    expect(matchQuote('The suspects [in the BKA case], aged between 18 and 80', source).status).toBe('found');
    expect(matchQuote('[They] were identified with the help of the operator', source).status).toBe('found');
    expect(
      matchQuote('The suspects, aged between 18 and 80, were identified with the help of [Chatstep]', source)
        .status,
    ).toBe('found');
  });

  it('reads brackets inside a word as a change of case, keeping the letters', () => {
    expect(matchQuote('[T]he suspects, aged between 18 and 80', source).status).toBe('found');
    expect(matchQuote('[W]ere identified with the help of the operator', source).status).toBe('found');
  });

  it('reads past the marks a source prints in its own sentences: footnotes, and its own [T]he', () => {
    const wiki =
      'Devices using Firefox OS include[55] the Alcatel One Touch Fire[a] and the ZTE Open.[citation needed]';
    expect(
      matchQuote('devices using Firefox OS include the Alcatel One Touch Fire and the ZTE Open', wiki).status,
    ).toBe('found');
    expect(
      matchQuote(
        'the birth lottery matters more in the U.S.',
        'She said: "[T]he birth lottery matters more in the U.S."',
      ).status,
    ).toBe('found');
  });

  it('lets an insertion stand for a few words only', () => {
    const long =
      'The plan was approved by the council after a long debate that lasted well into the night on Monday.';
    expect(matchQuote('The plan was approved [...] on Monday', long).status).toBe('found');
    expect(matchQuote('The plan was approved [then] on Monday', long).status).not.toBe('found');
  });
});

describe('differs and not found', () => {
  const source =
    'The Federal Criminal Police Office said officers had arrested 67 people suspected of sharing images, and that eight further suspects were not arrested.';

  it('a changed number differs, showing both', () => {
    const verdict = matchQuote('officers had arrested 76 people suspected of sharing images', source);
    expect(verdict).toMatchObject({ status: 'differs', changes: [{ quoted: '76', source: '67' }] });
  });

  it('a dropped negation differs, showing the missing word', () => {
    const verdict = matchQuote('eight further suspects were arrested', source);
    expect(verdict).toMatchObject({ status: 'differs', changes: [{ quoted: '', source: 'not' }] });
    if (verdict.status === 'differs')
      expect(verdict.marked).toBe('eight further suspects were {+not+} arrested');
  });

  it('a changed name differs, and the passage is where the source says it', () => {
    const verdict = matchQuote('The State Criminal Police Office said officers had arrested', source);
    expect(verdict.status).toBe('differs');
    if (verdict.status !== 'differs') return;
    expect(verdict.changes).toEqual([{ quoted: 'State', source: 'Federal' }]);
    expect(verdict.passage.start).toBe(0);
    expect(verdict.passage.text).toBe('The Federal Criminal Police Office said officers had arrested');
  });

  it('a sentence the source does not have is not found', () => {
    expect(matchQuote('The weather in Boston was lovely all week long', source)).toEqual({
      status: 'not-found',
      quote: 'The weather in Boston was lovely all week long',
    });
  });

  it('says plainly that a quotation without words cannot be looked for', () => {
    expect(() => matchQuote(' […] ', source)).toThrow('A quotation needs words to look for');
  });
});

describe('a batch of quotations', () => {
  it('says a quotation of only the writer’s marks has nothing to look for, and checks the others', () => {
    const verdicts = matchQuotes(['[…] [sic] […]', 'the plan was approved'], 'In May the plan was approved.');
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['not-checkable', 'found']);
    expect(verdicts[0]).toMatchObject({ reason: 'no-words' });
  });
});
