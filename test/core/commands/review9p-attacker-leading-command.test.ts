// Attacker pass 9p (test-only) on the one leading-command reader (src/core/commands/leading-command.ts)
// shared by parseCommand, isAddressedToAgent (review feedback addressed to the agent) and the
// feedback reader (read-review-feedback.ts, through implementInstructions): markdown forms a
// reviewer writes — blockquotes (GitHub's "Quote reply"), lists, HTML comments, fences with ~~~ or
// four backticks, setext headings, tabs, NBSP, right-to-left marks, the fullwidth slash — must be
// read alike by the three, and quoted or code text must never count (DESIGN §8).
import { describe, expect, it } from '@jest/globals';
import { implementInstructions } from '../../../src/core/commands/leading-command.js';
import { parseCommand } from '../../../src/core/commands/parse-command.js';
import { isAddressedToAgent } from '../../../src/core/feedback/is-addressed-to-agent.js';

const AGENT = 'implementation-agent[bot]';

/** What each reader makes of `body`: parseCommand's implement, implementInstructions, isAddressedToAgent. */
function readings(body: string): { command: boolean; instructions: boolean; addressed: boolean } {
  const parsed = parseCommand({ body, environments: ['staging'] });
  return {
    command: parsed.kind === 'command' && parsed.command.kind === 'implement',
    instructions: implementInstructions(body) !== undefined,
    addressed: isAddressedToAgent({ body, agentLogin: AGENT }),
  };
}

describe('text that is no command for any of the three readers (refused)', () => {
  it.each([
    ['a blockquote', '> /implement rename the queue\n\nNot sure about this.'],
    ['an HTML comment on one line', '<!-- /implement rename the queue -->\nLooks fine.'],
    ['an HTML comment over lines', '<!--\n/implement rename the queue\n-->\nLooks fine.'],
    ['a ~~~ fence', '~~~\n/implement rename the queue\n~~~'],
    ['a four-backtick fence', '````\n/implement rename the queue\n````'],
    ['a tab (indented code)', '\t/implement rename the queue'],
    ['two spaces and a tab (indented code)', '  \t/implement rename the queue'],
    ['a list item', '- /implement rename the queue'],
    ['an ordered list item', '1. /implement rename the queue'],
    ['the fullwidth slash', '\uFF0Fimplement rename the queue'],
    ['the division slash', '\u2215implement rename the queue'],
    ['an escaped slash', '\\/implement rename the queue'],
    ['a link reference definition first', '[spec]: https://example.com\n/implement rename the queue'],
  ])('%s', (_, body) => {
    expect(readings(body)).toEqual({ command: false, instructions: false, addressed: false });
  });
});

describe('text the three read as /implement alike (refused divergence)', () => {
  it.each([
    ['a right-to-left mark first', '\u200F/implement rename the queue'],
    ['an NBSP first (no indentation for CommonMark)', '\u00A0/implement rename the queue'],
    ['three spaces', '   /implement rename the queue'],
    ['a setext heading (visible text starting with /implement)', '/implement rename the queue\n---'],
    ['blank and invisible lines first', '\n\u200B\n\r\n/IMPLEMENT rename the queue'],
  ])('%s', (_, body) => {
    expect(readings(body)).toEqual({ command: true, instructions: true, addressed: true });
  });
});

describe('a mention of the agent inside quoted text', () => {
  it("fixed FAULT: a reviewer's Quote reply of an earlier mention counts as addressing the agent (quotes must never count)", () => {
    const body =
      '> @implementation-agent rename this queue to orders\n\nI disagree: the name is fine as it is.';
    expect(isAddressedToAgent({ body, agentLogin: AGENT })).toBe(false);
  });

  it('a mention inside code, an HTML block or an e-mail address does not count (refused)', () => {
    for (const body of [
      '`@implementation-agent` is the bot',
      '```\n@implementation-agent fix\n```',
      '<details>\n@implementation-agent rename\n</details>',
      'write to ops@implementation-agent.com',
      'Fine <!-- @implementation-agent rename -->',
    ])
      expect(isAddressedToAgent({ body, agentLogin: AGENT })).toBe(false);
  });
});
