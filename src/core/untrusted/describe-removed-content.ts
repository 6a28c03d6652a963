import type { RemovedContent, RemovedContentKind } from './removed-content.js';

const NOUNS: Record<RemovedContentKind, readonly [singular: string, plural: string]> = {
  'html-comment': ['HTML comment', 'HTML comments'],
  'invisible-character': ['invisible character', 'invisible characters'],
  'direction-control': ['text-direction control character', 'text-direction control characters'],
  'hidden-element': ['script, style or other hidden element', 'script, style or other hidden elements'],
  'html-tag': ['HTML tag', 'HTML tags'],
  'markdown-image': ['image (with its alt text)', 'images (with their alt text)'],
  'link-title': ['link title', 'link titles'],
  'reference-definition': ['link reference definition', 'link reference definitions'],
  footnote: ['footnote', 'footnotes'],
};

/** "2 HTML comments and 1 invisible character"; empty when nothing was removed. */
export function describeRemovedContent(removed: readonly RemovedContent[]): string {
  const parts = removed
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
