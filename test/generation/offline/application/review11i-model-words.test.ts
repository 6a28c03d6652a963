import type { DescriptionSentence } from '../../../../src/generation/offline/naming/description-sentences.js';
import { rangePhrase } from '../../../../src/generation/offline/blueprints/application/model/range-phrase.js';
import {
  requiredInDescription,
  statedInitialStatus,
} from '../../../../src/generation/offline/blueprints/application/model/stated-in-description.js';
import { tableActions } from '../../../../src/generation/offline/blueprints/application/table-actions.js';

/** The words review 11i taught the application model: ranges of time, required fields, first statuses; and the table actions routes need. */
const sentences = (...texts: string[]): DescriptionSentence[] =>
  texts.map((text, index) => ({ number: index + 1, text, clauses: [] }));

describe('range phrases', () => {
  it.each([
    [['entries', 'by', 'actor', 'between', 'two', 'dates'], 'between two dates', ['entries', 'by', 'actor']],
    [['orders', 'in', 'a', 'date', 'range'], 'in a date range', ['orders']],
    [['readings', 'between', 'times'], 'between times', ['readings']],
  ])('%j asks for %s', (words, said, kept) => {
    expect(rangePhrase(words)).toEqual({ said, kept });
  });

  it('a range of numbers is not a range of time', () => {
    expect(rangePhrase(['products', 'between', '5', 'and', '10'])).toBeUndefined();
  });
});

describe('what the description states', () => {
  it('a first status: the items start in it, never the object of a verb start', () => {
    expect(
      statedInitialStatus(sentences('Requests start pending, then are approved.'), 'accessRequest'),
    ).toBe('pending');
    expect(statedInitialStatus(sentences('New orders begin as draft.'), 'order')).toBe('draft');
    expect(
      statedInitialStatus(sentences('Users can start a session at any time.'), 'session'),
    ).toBeUndefined();
  });

  it('a field an item must have, in a sentence naming the item', () => {
    expect(
      requiredInDescription(sentences('Return 400 when an entry is missing its actor.'), 'entry'),
    ).toEqual(['actor']);
    expect(requiredInDescription(sentences('The customer is required for every order.'), 'order')).toEqual([
      'customer',
    ]);
    expect(
      requiredInDescription(sentences('Return 400 when an order is missing its total.'), 'entry'),
    ).toEqual([]);
  });
});

describe('table actions', () => {
  it('follow the routes: no delete route, no DeleteItem; no list, no Query', () => {
    expect(tableActions([{ kind: 'create' }, { kind: 'read' }, { kind: 'list' }])).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(tableActions([{ kind: 'read' }, { kind: 'delete' }])).toEqual([
      'dynamodb:GetItem',
      'dynamodb:DeleteItem',
    ]);
  });
});
