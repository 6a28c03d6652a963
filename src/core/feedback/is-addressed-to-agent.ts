import { implementInstructions } from '../commands/leading-command.js';
import { stripInvisibleCharacters } from '../untrusted/invisible-characters.js';
import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/**
 * Whether text asks the agent for something (issue #9 item 3): it starts with the command
 * `/implement` (`implementInstructions`, the reading `parseCommand` makes), or it mentions the agent's login (`@implementation-agent` for
 * `implementation-agent[bot]`) as a whole word in its prose. The text is read as GitHub renders it
 * (the project's markdown reader), so a mention inside code — which GitHub does not link or
 * notify — does not count; invisible characters are removed first, so a hidden one cannot split
 * or forge a mention. A text longer than GitHub accepts addresses nobody. Case-insensitive, as
 * GitHub's logins are.
 */
export function isAddressedToAgent(params: { body: string; agentLogin: string | undefined }): boolean {
  if (params.body.length > MAX_UNTRUSTED_TEXT_LENGTH) return false;
  if (implementInstructions(params.body) !== undefined) return true;
  const text = stripInvisibleCharacters(params.body).text;
  if (params.agentLogin === undefined) return false;
  const name = params.agentLogin.replace(/\[bot\]$/i, '');
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const mention = new RegExp(`(?:^|[^\\w/@-])@${escaped}(?:\\[bot\\])?(?![\\w-])`, 'i');
  return proseOf(text).some((prose) => mention.test(prose));
}

/**
 * The text of every paragraph and heading, code spans, code blocks and blockquotes left out: a
 * blockquote is someone else's words (GitHub's "Quote reply"), never counted, as `parseCommand`
 * skips it.
 */
function proseOf(markdown: string): string[] {
  const prose: string[] = [];
  let quoteDepth = 0;
  for (const token of parseMarkdown(markdown).tokens) {
    if (token.type === 'blockquote_open') quoteDepth += 1;
    if (token.type === 'blockquote_close') quoteDepth = Math.max(0, quoteDepth - 1);
    if (token.type !== 'inline' || quoteDepth > 0) continue;
    const parts = (token.children ?? []).map((child) =>
      child.type === 'text' ? child.content : child.type === 'code_inline' ? ' ' : '\n',
    );
    prose.push(parts.join(''));
  }
  return prose;
}
