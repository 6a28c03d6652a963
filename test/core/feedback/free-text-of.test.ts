import { freeTextOf } from '../../../src/core/feedback/free-text-of.js';

describe('freeTextOf: what a body asks beyond its suggestion blocks', () => {
  it.each([
    ['an empty body', '', ''],
    ['only whitespace', ' \r\n\t\n', ''],
    ['only a suggestion', '```suggestion\r\nconst a = 1;\r\n```', ''],
    ['two suggestions and blank lines', '```suggestion\nA\n```\n\n~~~suggestion\nB\n~~~\n', ''],
    ['an unclosed suggestion fence (runs to the end)', '```suggestion\nA\n', ''],
  ])('%s leaves nothing to answer', (_what, body, expected) => {
    expect(freeTextOf(body)).toBe(expected);
  });

  it.each([
    [
      'prose beside a suggestion',
      'Use the env var:\r\n```suggestion\r\nA\r\n```\r\nand rename it.',
      'Use the env var:\nand rename it.',
    ],
    ['a fenced block of another language', '```ts\nconst a = 1;\n```', '```ts\nconst a = 1;\n```'],
    [
      'a quoted suggestion (someone else’s, not a block of this body)',
      '> ```suggestion\n> A\n> ```',
      '> ```suggestion\n> A\n> ```',
    ],
    ['plain free text', '  Please use DynamoDB  ', 'Please use DynamoDB'],
  ])('%s is free text', (_what, body, expected) => {
    expect(freeTextOf(body)).toBe(expected);
  });
});
