import { describe, expect, it } from 'vitest';
import { checkOrder } from '../../../core/check-run/check-order';
import { citation } from '../components/sample-capture';

const cited = (url: string, relation: 'external' | 'same-site') =>
  citation(url, relation, [{ anchorText: url, sentence: `See ${url}.`, linkIndex: 0 }]);

describe('checkOrder', () => {
  it('checks the external sources first, in reading order, then the outlet’s own pages', () => {
    const citations = [
      cited('https://outlet.example/earlier-report', 'same-site'),
      cited('https://court.example/ruling', 'external'),
      cited('https://outlet.example/tag/courts', 'same-site'),
      cited('https://agency.example/data', 'external'),
    ];
    expect(checkOrder(citations)).toEqual([
      'https://court.example/ruling',
      'https://agency.example/data',
      'https://outlet.example/earlier-report',
      'https://outlet.example/tag/courts',
    ]);
  });
});
