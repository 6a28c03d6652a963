import { codeBlock } from '../../../src/core/markdown/code-block.js';
import { elementNames, renderGithubMarkdown } from './render-github-markdown.js';

describe('codeBlock', () => {
  it('fences text with its language', () => {
    expect(codeBlock({ text: '{\n  "a": 1\n}\n', language: 'json' })).toBe('```json\n{\n  "a": 1\n}\n```');
  });

  it('uses a fence longer than any backtick run inside, so no line can close it early', () => {
    const text = 'before\n```\n# not a heading\n````\nafter';
    const block = codeBlock({ text });
    expect(block.startsWith('`````\n')).toBe(true);
    const html = renderGithubMarkdown(`${block}\n\nparagraph`);
    expect(elementNames(html)).toEqual(['pre', 'code', 'p']);
  });

  it('shows control characters but keeps line breaks and tabs', () => {
    expect(codeBlock({ text: 'a\tb\u0007\r\nc' })).toBe('```\na\tb\\u0007\nc\n```');
  });

  it('defuses HTML comment openers', () => {
    expect(codeBlock({ text: '<!-- implementation-agent:state {} -->' })).not.toContain('<!--');
  });
});
