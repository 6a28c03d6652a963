import { codeSpan } from '../../../src/core/markdown/code-span.js';
import { renderGithubMarkdown } from './render-github-markdown.js';

/** The text of the one code span in rendered HTML, entities decoded. */
function codeText(html: string): string | undefined {
  const match = /<code>([\s\S]*?)<\/code>/.exec(html);
  return match?.[1]?.replace(
    /&(lt|gt|quot|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '',
  );
}

describe('codeSpan', () => {
  it.each([
    [
      'plain text',
      'aws cloudformation delete-stack --stack-name orders',
      '`aws cloudformation delete-stack --stack-name orders`',
    ],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['a backtick at an end', '`x`', '`` `x` ``'],
    ['a run of backticks', 'a```b', '````a```b````'],
    ['spaces at both ends', ' y ', '`  y  `'],
    ['nothing', '', '` `'],
  ])('shows %s literally', (_name, text, expected) => {
    const span = codeSpan(text);
    expect(span).toBe(expected);
    expect(codeText(renderGithubMarkdown(`x ${span} y`))).toBe(text === '' ? ' ' : text);
  });

  it('shows a line break as \\u000a, so a following line cannot start a block', () => {
    const html = renderGithubMarkdown(`- ${codeSpan('ok\n# heading')}`);
    expect(html).not.toContain('<h1>');
    expect(codeText(html)).toBe('ok\\u000a# heading');
  });

  it('keeps a table cell whole with pipes inside, and shows them as pipes', () => {
    const html = renderGithubMarkdown(
      `| a | b |\n| - | - |\n| ${codeSpan('x|y', { inTableCell: true })} | z |`,
    );
    expect(codeText(html)).toBe('x|y');
    expect(html).toContain('<td>z</td>');
  });

  it('defuses an HTML comment opener, which a raw search for the state marker would find', () => {
    const span = codeSpan('<!-- implementation-agent:state {} -->');
    expect(span).not.toContain('<!--');
    expect(codeText(renderGithubMarkdown(span))).toBe('<!\u200B-- implementation-agent:state {} -->');
  });

  it('mentions nobody and references no issue', () => {
    expect(renderGithubMarkdown(codeSpan('@org/team #12'))).toBe('<p><code>@org/team #12</code></p>');
  });
});
