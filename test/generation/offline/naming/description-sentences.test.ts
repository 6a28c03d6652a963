import {
  descriptionSentences,
  MAX_SENTENCES,
} from '../../../../src/generation/offline/naming/description-sentences.js';
import { durationDays, firstDuration } from '../../../../src/generation/offline/naming/durations.js';
import { participle } from '../../../../src/generation/offline/naming/participle.js';
import { singular } from '../../../../src/generation/offline/naming/singular.js';

describe('descriptionSentences', () => {
  it('splits sentences into clauses at commas, colons and "and", keeping event names as written', () => {
    const [first, second] = descriptionSentences(
      'Receive webhooks, verify their signature, and put a PaymentSettled or PaymentFailed event on the bus. Keep it cheap!',
    );
    expect(first?.clauses.map((clause) => clause.text)).toEqual([
      'Receive webhooks',
      'verify their signature',
      'put a PaymentSettled or PaymentFailed event on the bus.',
    ]);
    expect(first?.clauses[2]?.names).toEqual(['PaymentSettled', 'PaymentFailed']);
    expect(second).toMatchObject({ number: 2, text: 'Keep it cheap!' });
  });

  it('keeps hostile text to one safe line and bounds the count', () => {
    const [sentence] = descriptionSentences('Store */ data\u2028now');
    expect(sentence?.text).toBe('Store data now');
    expect(
      descriptionSentences(
        Array.from({ length: MAX_SENTENCES + 30 }, (_, index) => `Sentence ${index}.`).join(' '),
      ),
    ).toHaveLength(MAX_SENTENCES);
  });
});

describe("sentence and clause boundaries (Unicode's rules, a few suppressions)", () => {
  const clauseTexts = (description: string) =>
    descriptionSentences(description).map((sentence) => sentence.clauses.map((clause) => clause.text));

  it('ends a sentence after a unit ("800 ms.") but not after a title ("Ms. Lee"): suppressions match case as CLDR\'s do', () => {
    expect(clauseTexts('Alarm above 800 ms. Page Ms. Lee. Ask Dr. Who.')).toEqual([
      ['Alarm above 800 ms.'],
      ['Page Ms. Lee.'],
      ['Ask Dr. Who.'],
    ]);
    expect(clauseTexts('Wait 5 MS. Then stop. Use a cache, E.g. Redis.')).toEqual([
      ['Wait 5 MS.'],
      ['Then stop.'],
      ['Use a cache', 'E.g. Redis.'],
    ]);
  });

  it('never splits a clause inside a time of day or a number with digit groups', () => {
    expect(clauseTexts('Run at 02:00 UTC, then at 23:59:59: stop. Start 2026-01-01T02:00:00Z.')).toEqual([
      ['Run at 02:00 UTC', 'then at 23:59:59', 'stop.'],
      ['Start 2026-01-01T02:00:00Z.'],
    ]);
    expect(clauseTexts('Serve 10,000 requests, 2,500.5 bytes each, 5 at a time.')).toEqual([
      ['Serve 10,000 requests', '2,500.5 bytes each', '5 at a time.'],
    ]);
    expect(clauseTexts('Retry 1,2,3 times: then stop.')).toEqual([['Retry 1', '2', '3 times', 'then stop.']]);
  });
});

describe('words the blueprints derive', () => {
  it('reads durations in digits or words', () => {
    expect(firstDuration(['for', 'seven', 'years'])).toEqual({ amount: 7, unit: 'years' });
    expect(firstDuration(['after', '90', 'days'])).toEqual({ amount: 90, unit: 'days' });
    expect(durationDays({ amount: 7, unit: 'years' })).toBe(2557);
    expect(firstDuration(['forever'])).toBeUndefined();
  });

  it('reads durations with the number words of numberWord, an article as one, and no zero or thirteen digits', () => {
    expect(firstDuration(['keep', 'a', 'year'])).toEqual({ amount: 1, unit: 'years' });
    expect(firstDuration(['an', 'extra', 'month'])).toBeUndefined();
    expect(firstDuration(['for', 'forty', 'days'])).toEqual({ amount: 40, unit: 'days' });
    expect(firstDuration(['a', 'dozen', 'months'])).toEqual({ amount: 12, unit: 'months' });
    expect(firstDuration(['99999', 'days'])).toEqual({ amount: 99999, unit: 'days' });
    expect(firstDuration(['100000', 'days'])).toEqual({ amount: 100000, unit: 'days' });
    expect(firstDuration(['999999999999', 'years'])).toEqual({ amount: 999999999999, unit: 'years' });
    expect(firstDuration(['1000000000000', 'years'])).toBeUndefined();
    expect(firstDuration(['zero', 'days'])).toBeUndefined();
    expect(firstDuration(['0', 'days'])).toBeUndefined();
    expect(firstDuration(['seven', 'constructor'])).toBeUndefined();
    expect(firstDuration(['constructor', 'days'])).toBeUndefined();
  });

  it('makes status names and singular nouns', () => {
    expect(['place', 'ship', 'cancel', 'pay', 'approve', 'verify'].map(participle)).toEqual([
      'placed',
      'shipped',
      'cancelled',
      'paid',
      'approved',
      'verified',
    ]);
    expect(['orders', 'categories', 'statuses', 'boxes', 'status', 'address'].map(singular)).toEqual([
      'order',
      'category',
      'status',
      'box',
      'status',
      'address',
    ]);
  });
});
