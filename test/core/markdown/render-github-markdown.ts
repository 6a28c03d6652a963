import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * The test oracle: markdown rendered as CommonMark + GFM (micromark, the parser GitHub's own
 * markdown tooling follows), with raw HTML passed through as GitHub's sanitizer would see it.
 */
export function renderGithubMarkdown(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

/** The text a reader sees in rendered HTML: tags dropped, entities decoded, zero-width spaces gone. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '',
    )
    .replaceAll('\u200B', '')
    .trim();
}

/** Every HTML element name in rendered HTML, e.g. `p`, `code`, `a`. */
export function elementNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => (match[1] ?? '').toLowerCase());
}
