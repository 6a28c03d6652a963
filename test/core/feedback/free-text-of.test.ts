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
      'Use the env var:\n\nand rename it.',
    ],
    // The sanitizer writes code as a reader sees it: the fence's info string is not shown.
    ['a fenced block of another language', '```ts\nconst a = 1;\n```', '```\nconst a = 1;\n```'],
    [
      'a quoted suggestion (someone else’s, not a block of this body)',
      '> ```suggestion\n> A\n> ```',
      '> ```\n> A\n> ```',
    ],
    ['plain free text', '  Please use DynamoDB  ', 'Please use DynamoDB'],
  ])('%s is free text', (_what, body, expected) => {
    expect(freeTextOf(body)).toBe(expected);
  });

  // Review 9m: feedback goes through the sanitizer issue text goes through (DESIGN §5/§5b).
  it.each([
    ['an HTML comment', 'Rename the queue.\n\n<!-- hidden words -->', 'Rename the queue.'],
    ['an inline HTML comment', 'Rename the queue. <!-- hidden words -->', 'Rename the queue.'],
    ['a template element', 'Rename the queue.\n\n<template>hidden words</template>', 'Rename the queue.'],
    ['a script element', 'Rename the queue. <script>hidden words</script>', 'Rename the queue.'],
    ['image alt text', 'Rename the queue. ![hidden words](https://x.test/a.png)', 'Rename the queue.'],
    ['a link title', 'Rename [the queue](https://x.test "hidden words").', 'Rename the queue.'],
    ['zero-width characters', 'Rename the\u200b que\u2063ue.', 'Rename the queue.'],
    [
      'a comment left open over a suggestion',
      'Shown.\n<!--\nhidden words\n```suggestion\nA\n```\nhidden words -->',
      'Shown.',
    ],
  ])('%s is not free text (a reader does not see it)', (_what, body, expected) => {
    expect(freeTextOf(body)).toBe(expected);
    expect(freeTextOf(body)).not.toContain('hidden');
  });

  it('a body holding only hidden text leaves nothing to answer', () => {
    expect(freeTextOf('<!-- widen the role -->\n<template>and this</template>')).toBe('');
  });

  it('keeps text GitHub shows although an attribute asks to hide it, as for issue text (GitHub strips `hidden`)', () => {
    expect(freeTextOf('Rename the queue.\n\n<div hidden>and the topic</div>')).toBe(
      'Rename the queue.\n\nand the topic',
    );
  });
});
