import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Mends one place where markdown-it departs from CommonMark (and from GitHub's cmark-gfm): a line
 * indented four or more spaces right after a link reference definition. The specification reads it
 * as paragraph text continuing the definition's paragraph (§4.7: definitions are taken from the start
 * of a paragraph; an indented code block cannot interrupt one), so `[r]: /x\n    <!-- … -->` renders
 * an HTML comment — hidden — while markdown-it makes it a code block, whose text would be shown.
 *
 * A core rule after block parsing (before markdown-it strips its `reference_definition` tokens): a
 * `code_block` that starts on the line a definition ends on is such a continuation. It becomes a paragraph,
 * joined with a paragraph that follows it without a blank line, as the specification's single
 * paragraph would be; the inline rule then parses it like any other.
 *
 * The same continuation inside a footnote definition: `[^1]: [r]: /x\nwords` keeps `words` in the
 * footnote's paragraph (a lazy continuation line, §5.1), so GitHub hides it with an unreferenced
 * footnote; markdown-it ends the footnote after the definition and shows `words` as a paragraph of
 * its own. That paragraph is moved back into the footnote. Linear in the tokens.
 */
export function lazyContinuation(reader: MarkdownIt): void {
  reader.core.ruler.after('block', 'lazy_continuation', (state) => {
    state.tokens = mended(state);
    return true;
  });
}

function mended(state: StateCore): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < state.tokens.length; index += 1) {
    const token = state.tokens[index];
    if (token === undefined) continue;
    const previous = state.tokens[index - 1];
    const lazyParagraph = footnoteLazyParagraph(state.tokens, index);
    if (lazyParagraph !== undefined) {
      tokens.push(...lazyParagraph.map((part) => nested(part)), token);
      index += lazyParagraph.length;
      continue;
    }
    const continuesDefinition =
      token.type === 'code_block' &&
      previous?.type === 'reference_definition' &&
      previous.map?.[1] === token.map?.[0];
    if (!continuesDefinition) {
      tokens.push(token);
      continue;
    }
    let content = token.content.replace(/^[ \t]+/gm, '').trimEnd();
    const next = state.tokens[index + 1];
    if (next?.type === 'paragraph_open' && next.level === token.level && next.map?.[0] === token.map?.[1]) {
      content += `\n${state.tokens[index + 2]?.content ?? ''}`;
      index += 3;
    }
    tokens.push(...paragraph(state, token, content));
  }
  return tokens;
}

/**
 * The paragraph that markdown-it put right after a footnote definition's close although it is a lazy
 * continuation of the definition's last line: the footnote ends in a link reference definition and
 * the paragraph starts on the line that definition ends on.
 */
function footnoteLazyParagraph(tokens: readonly Token[], closeAt: number): Token[] | undefined {
  if (tokens[closeAt]?.type !== 'footnote_reference_close') return undefined;
  const definition = tokens[closeAt - 1];
  const [open, inline, end] = [tokens[closeAt + 1], tokens[closeAt + 2], tokens[closeAt + 3]];
  if (definition?.type !== 'reference_definition') return undefined;
  if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || end?.type !== 'paragraph_close')
    return undefined;
  if (open.map?.[0] !== definition.map?.[1]) return undefined;
  return [open, inline, end];
}

function nested(token: Token): Token {
  token.level += 1;
  return token;
}

function paragraph(state: StateCore, like: Token, content: string): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1);
  const inline = new state.Token('inline', '', 0);
  const close = new state.Token('paragraph_close', 'p', -1);
  inline.content = content;
  inline.children = [];
  for (const token of [open, inline, close]) {
    token.level = like.level;
    token.block = true;
    token.map = like.map;
  }
  inline.level = like.level + 1;
  return [open, inline, close];
}
