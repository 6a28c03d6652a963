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

  it('titles a question by what it asks up to its copula (`see how many loans`), keeping its object words as they were', () => {
    expect(storyIntent('As a librarian I can see how many loans are active', 6)).toMatchObject({
      testTitle: 'story 6 see how many loans',
      objectWords: ['are', 'active'],
    });
    expect(storyIntent('As an auditor I can see how many active cards there are', 2).testTitle).toBe(
      'story 2 see how many active cards',
    );
    // No copula ends it: the title is as before.
    expect(storyIntent('As a lead I can see how many tasks a project has', 3).testTitle).toBe(
      'story 3 see project has',
    );
    expect(storyIntent('As a customer I can see how much is left on my gift card', 1).testTitle).toBe(
      storyIntent('As a customer I can see how much is left on my gift card', 1).objectWords.reduce(
        (title, word) => `${title} ${word}`,
        'story 1 see',
      ),
    );
  });

  it('keeps hostile text out of test titles and single-lines it for comments', () => {
    const intent = storyIntent("As a user I can */ process.exit(1) /* '); drop\u2028evil()", 4);
    expect(intent.testTitle).toMatch(/^[a-z0-9 ]+$/);
    expect(intent.text).not.toContain('*/');
    expect(intent.text).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});
