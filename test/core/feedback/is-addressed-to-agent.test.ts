import { isAddressedToAgent } from '../../../src/core/feedback/is-addressed-to-agent.js';

const agentLogin = 'implementation-agent[bot]';
const addressed = (body: string) => isAddressedToAgent({ body, agentLogin });

describe('isAddressedToAgent: a comment that asks the agent for something', () => {
  it.each([
    '/implement use a DynamoDB table instead',
    '\n  /implement',
    '@implementation-agent please rename the handler',
    'Could @Implementation-Agent[bot] add a test?',
    '(@implementation-agent) nit',
    '- a list item for **@implementation-agent**',
    // A reader sees the mention; the zero-width character in it is not what they read.
    '@implementation\u200b-agent hidden split',
  ])('%j is addressed to the agent', (body) => expect(addressed(body)).toBe(true));

  it.each([
    'Looks good to me',
    'see /implement docs',
    '/implementation is the folder',
    '@implementation-agents is another account',
    'mail me at me@implementation-agent',
    'code is not a mention: `@implementation-agent`',
    '```\n@implementation-agent in a code block\n```',
    // A Quote reply repeats someone else's words: quoted text never counts (DESIGN §8).
    '> @implementation-agent quoted in a reply',
  ])('%j is not', (body) => expect(addressed(body)).toBe(false));

  it('without a known login only /implement addresses the agent', () => {
    expect(isAddressedToAgent({ body: '@implementation-agent fix', agentLogin: undefined })).toBe(false);
    expect(isAddressedToAgent({ body: '/implement fix', agentLogin: undefined })).toBe(true);
  });
});
