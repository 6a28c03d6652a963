import { descriptionFields } from '../../../../src/generation/offline/blueprints/application/model/description-fields.js';
import { limitAt } from '../../../../src/generation/offline/blueprints/application/model/number-limit.js';
import { readFields } from '../../../../src/generation/offline/blueprints/application/model/read-fields.js';
import { numberWord } from '../../../../src/generation/offline/naming/number-word.js';
import { wordsOf } from '../../../../src/generation/offline/naming/words-of.js';

/**
 * A field list goes on past a relation clause (`belongs to a project and has …`) and past a unit or
 * a bound (`an amount in cents greater than 0, a donor email`), and the bound is kept on the field it
 * follows (a number's value, a text's length, a list's count), with numbers as digits or words.
 */
const fieldsOf = (text: string, resources: readonly string[], resource = resources[0]) =>
  descriptionFields([{ number: 1, text }] as never, resources).find((found) => found.resource === resource)
    ?.fields ?? [];

describe('numbers in words and bounds', () => {
  it.each([
    ['7', 7],
    ['seven', 7],
    ['twelve', 12],
    ['twenty', 20],
    ['zero', 0],
  ])('reads %s as %d', (word, value) => {
    expect(numberWord(word)).toBe(value);
  });

  it('reads no Object.prototype member as a number (`at most constructor characters` bounds nothing)', () => {
    expect(numberWord('constructor')).toBeUndefined();
    expect(numberWord('__proto__')).toBeUndefined();
    expect(limitAt(wordsOf('at most constructor characters'), 0)).toBeUndefined();
  });

  it.each([
    ['at most 5 items', { maximum: 5 }, 'items'],
    ['up to 10', { maximum: 10 }, undefined],
    ['no more than three', { maximum: 3 }, undefined],
    ['not more than fifteen characters', { maximum: 15 }, 'characters'],
    ['at least two', { minimum: 2 }, undefined],
    ['greater than 0', { exclusiveMinimum: 0 }, undefined],
    ['less than 100', { exclusiveMaximum: 100 }, undefined],
    ['between 100 and 1', { minimum: 1, maximum: 100 }, undefined],
    ['from one to twenty', { minimum: 1, maximum: 20 }, undefined],
  ])('"%s" bounds %j', (text, limit, unit) => {
    const found = limitAt(wordsOf(text), 0);
    expect(found?.limit).toEqual(limit);
    expect(found?.unit).toBe(unit);
  });

  it.each(['one or more items', 'over time', 'more than ever', 'under review', 'up to date'])(
    '"%s" bounds nothing (no number after the lead)',
    (text) => {
      const words = wordsOf(text);
      expect(words.map((_, at) => limitAt(words, at)).filter(Boolean)).toEqual([]);
    },
  );
});

describe('field lists past relations, units and bounds', () => {
  it.each([
    'Each task belongs to a project and has a title, an estimate in hours and a done flag.',
    'Each task is part of a project and has a title, an estimate in hours and a done flag.',
    'A task is owned by a project and includes a title, an estimate in hours and a done flag.',
  ])('%s', (text) => {
    expect(fieldsOf(text, ['task', 'project'])).toEqual([
      { name: 'title', list: false, minItems: 0 },
      { name: 'estimate', list: false, minItems: 0, type: 'number' },
      { name: 'done', list: false, minItems: 0, type: 'boolean' },
    ]);
    // The project the task belongs to has none of the task's fields.
    expect(fieldsOf(text, ['task', 'project'], 'project')).toEqual([]);
  });

  it('keeps the fields after a unit and a bound, and the bound on its field', () => {
    const fields = fieldsOf(
      'Each donation has an amount in cents greater than 0, a donor email, whether the donor is anonymous and an optional message of at most 280 characters.',
      ['donation'],
    );
    expect(fields).toEqual([
      { name: 'amount', list: false, minItems: 0, type: 'number', exclusiveMinimum: 0, integer: true },
      { name: 'donorEmail', list: false, minItems: 0 },
      { name: 'donorAnonymous', list: false, minItems: 0, type: 'boolean' },
      { name: 'message', list: false, minItems: 0, maxLength: 280 },
    ]);
  });

  it.each([
    ['a price in dollars of at least 1, a name', { name: 'price', type: 'number', minimum: 1 }],
    ['a weight in kg no more than twenty, a name', { name: 'weight', type: 'number', maximum: 20 }],
    ['a seat count up to 10, a name', { name: 'seatCount', type: 'number', maximum: 10 }],
    ['a positive quantity, a name', { name: 'quantity', type: 'number', exclusiveMinimum: 0 }],
    ['a non-negative balance, a name', { name: 'balance', type: 'number', minimum: 0 }],
    ['a nickname of no more than twelve characters, a name', { name: 'nickname', maxLength: 12 }],
  ])('"%s": the bound stays on its field and the next field is read', (list, expected) => {
    const fields = fieldsOf(`Each player has ${list}.`, ['player']);
    expect(fields[0]).toMatchObject(expected);
    expect(fields.map((field) => field.name)).toEqual([expected.name, 'name']);
  });

  it.each([
    ['with at most 5 items', { name: 'items', list: true, minItems: 1, maxItems: 5 }],
    ['with up to ten photos', { name: 'photos', list: true, minItems: 1, maxItems: 10 }],
    ['with no more than three tags', { name: 'tags', list: true, minItems: 1, maxItems: 3 }],
    ['with between 2 and 4 players', { name: 'players', list: true, minItems: 2, maxItems: 4 }],
    ['with a list of at most 5 tags', { name: 'tags', list: true, minItems: 1, maxItems: 5 }],
  ])('"%s": a bound before a noun counts its entries', (text, expected) => {
    expect(readFields(wordsOf(text).slice(1))).toEqual([expected]);
  });
});
