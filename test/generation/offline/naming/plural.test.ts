/** The plural and singular of collection names agree, for -s/-ss/-sh/-ch/-x/-z words too. */
import { plural } from '../../../../src/generation/offline/naming/plural.js';
import { singular } from '../../../../src/generation/offline/naming/singular.js';

describe('plural', () => {
  it.each([
    ['class', 'classes'],
    ['address', 'addresses'],
    ['bus', 'buses'],
    ['status', 'statuses'],
    ['box', 'boxes'],
    ['batch', 'batches'],
    ['wish', 'wishes'],
    ['category', 'categories'],
    ['order', 'orders'],
    // A single final z after one short vowel doubles; a word ending in zz already does not.
    ['quiz', 'quizzes'],
    ['whiz', 'whizzes'],
    ['fez', 'fezzes'],
    ['buzz', 'buzzes'],
  ])('%s → %s, and back', (one, many) => {
    expect(plural(one)).toBe(many);
    expect(singular(many)).toBe(one);
  });

  it.each(['orders', 'classes', 'addresses', 'statuses', 'categories', 'quizzes'])(
    'keeps the plural %s plural',
    (many) => {
      expect(plural(many)).toBe(many);
    },
  );
});
