/**
 * Words as a reader counts them. Chinese and Japanese are written without spaces, so each ideograph
 * or kana counts as a word there (as word processors count them); other scripts count runs of
 * letters and digits, with inner apostrophes and hyphens ("don't", "U.S.-based" parts) kept together.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.]+[\p{L}\p{M}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let cjk = 0;
  const rest = text.replace(CJK, () => {
    cjk++;
    return ' ';
  });
  const words = rest.match(WORD);
  return cjk + (words ? words.length : 0);
}
