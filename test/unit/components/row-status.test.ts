import { describe, expect, it } from 'vitest';
import { checkedRowStatus } from '../../../components/row-status';
import type { Citation } from '../../../core/citations/types';
import { citation } from './sample-capture';

const original = citation('https://gazette.example.com/wall', 'external', [
  { anchorText: '[3]', sentence: 'The wall failed.[3]', linkIndex: 2 },
]);
const markedDead: Citation = {
  ...original,
  reference: {
    title: 'Harbour wall gives way',
    archive: { url: 'https://web.archive.org/web/20190305101010/https://gazette.example.com/wall' },
    originalDead: true,
  },
};

describe('a checked row’s status', () => {
  it('says “dead, archived copy in reference” when the reference already marks the dead original so', () => {
    expect(checkedRowStatus(markedDead, 'dead', 'HTTP 404')).toEqual({
      code: 'dead',
      label: 'dead, archived copy in reference',
      description:
        'The reference already marks this address dead and gives an archived copy: https://web.archive.org/web/20190305101010/https://gazette.example.com/wall',
    });
  });

  it('raises the usual alarm for a dead original the reference does not mark dead, or an alive one', () => {
    const live: Citation = { ...markedDead, reference: { ...markedDead.reference, originalDead: false } };
    expect(checkedRowStatus(live, 'dead', 'HTTP 404')).toMatchObject({
      code: 'dead',
      label: 'dead',
      description: 'HTTP 404',
    });
    expect(checkedRowStatus(original, 'dead', 'HTTP 404').label).toBe('dead');
    expect(checkedRowStatus(markedDead, 'alive').code).toBe('alive');
  });
});
