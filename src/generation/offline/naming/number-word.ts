/** Numbers written as words, zero to twenty and the tens to a hundred (`three`, `fifteen`, `sixty`). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/**
 * The whole number a word writes (`7`, `seven`, `twenty`), or undefined: digits up to nine of them
 * (a bound no field needs more of, and short of float imprecision), words from zero to twenty and
 * the tens. One word only: `twenty five` is read as twenty.
 */
export function numberWord(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,9}$/.test(word)) return Number(word);
  // Own keys only: `constructor` or `__proto__` in issue text must not read Object.prototype.
  return Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word] : undefined;
}
