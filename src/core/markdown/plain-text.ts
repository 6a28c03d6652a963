import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: false });

/**
 * One line of our markdown as the plain text a reader sees: code spans keep their text, escapes
 * and entities are resolved, emphasis and link markup disappear (link text stays). For fields
 * GitHub shows unrendered, such as a deployment status description.
 */
export function plainText(markdown: string): string {
  const inline = parser.parseInline(markdown, {})[0]?.children ?? [];
  return inline
    .map((token) => {
      if (token.type === 'text' || token.type === 'code_inline' || token.type === 'text_special')
        return token.content;
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      if (token.type === 'image') return token.children?.map((child) => child.content).join('') ?? '';
      return '';
    })
    .join('')
    .replaceAll('\u200B', '');
}
