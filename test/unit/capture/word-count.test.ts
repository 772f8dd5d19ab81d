import { describe, expect, it } from 'vitest';
import { countWords } from '../../../core/capture/word-count';

describe('countWords', () => {
  it('counts words as a reader would, keeping contractions and hyphenated words whole', () => {
    expect(countWords("The U.S.-based operators don't agree — at all.")).toBe(7);
    expect(countWords('  \n ')).toBe(0);
  });

  it('counts each ideograph or kana as a word in Chinese and Japanese', () => {
    expect(countWords('欲張りなイヌ')).toBe(6);
    expect(countWords('新竹尖石 camping trip')).toBe(6);
  });
});
