import { storyIntent, storyIntents } from '../../../../src/generation/offline/naming/story-intent.js';

describe('storyIntent', () => {
  it('finds the action and its object after the modal verb', () => {
    expect(storyIntent('As a customer I can place an order', 1)).toMatchObject({
      verb: 'place',
      objectWords: ['order'],
      testTitle: 'story 1 place order',
    });
    expect(storyIntent('As an admin I want to be able to cancel orders for fraud', 2)).toMatchObject({
      verb: 'cancel',
      objectWords: ['orders'],
    });
    expect(storyIntent('As an SRE, I export the weekly error reports', 3)).toMatchObject({
      verb: 'export',
      objectWords: ['error', 'reports'],
    });
  });

  it('numbers stories in order and tolerates stories without an object', () => {
    const intents = storyIntents(['As a user I can log in', 'Refresh!']);
    expect(intents.map((intent) => intent.number)).toEqual([1, 2]);
    expect(intents[1]).toMatchObject({ verb: 'refresh', objectWords: ['item'] });
  });

  it('keeps hostile text out of test titles and single-lines it for comments', () => {
    const intent = storyIntent("As a user I can */ process.exit(1) /* '); drop\u2028evil()", 4);
    expect(intent.testTitle).toMatch(/^[a-z0-9 ]+$/);
    expect(intent.text).not.toContain('*/');
    expect(intent.text).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});
