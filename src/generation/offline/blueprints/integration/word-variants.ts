/** Every combination of each word's forms: `payment settled` also matches `payments settle`. */
export function variants(words: readonly string[]): string[][] {
  return words.reduce<string[][]>(
    (combinations, word) => {
      const stem = word.replace(/(?:ed|es|e|s|d)$/, '');
      const forms = [
        ...new Set([word, stem, `${stem}e`, `${stem}s`, `${stem}es`, `${stem}ed`, `${stem}d`, `${stem}ing`]),
      ];
      return combinations.flatMap((combination) => forms.map((form) => [...combination, form]));
    },
    [[]],
  );
}
