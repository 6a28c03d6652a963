import { readFile } from 'node:fs/promises';

// Review #9c: issue #9's "Done when" asks that the README explain the review flow to a new user
// as it behaves. Its guided-mode section still ends with a sentence from before review feedback
// was built, telling readers that requesting changes makes the agent do nothing, while the very
// next section ("Review feedback: the agent iterates") and `iterateOnFeedback` make a request for
// changes (with its suggestions, or free text under Bedrock) a new commit from the agent.

describe('review #9c attacks: the README’s review flow', () => {
  it('control: the README says a request for changes is feedback the agent iterates on', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('### Review feedback: the agent iterates');
    expect(readme).toMatch(/A review that requests changes[^.]*is feedback/);
  });

  it('FAULT: the README no longer says that requesting changes does not make the agent regenerate', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme.replace(/\s+/g, ' ')).not.toContain(
      'Requesting changes does not yet make the agent regenerate',
    );
  });
});
