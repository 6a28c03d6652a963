import type { TextLimit } from './github-limits.js';
import { textSize } from './text-size.js';
import { truncateToSize } from './truncate-to-size.js';

/**
 * Plain text for a one-line field with a short limit (a deployment or deployment status
 * `description`): line breaks become spaces, and text over the limit is cut at a character
 * boundary and ends with `…`, so the field always has something to say.
 */
export function fitLine(params: { text: string; limit: TextLimit }): string {
  const { limit } = params;
  const line = params.text
    .split(/\r\n?|[\n\u2028\u2029]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  if (textSize(line, limit.unit) <= limit.max) return line;
  const ellipsis = '…';
  const kept = truncateToSize({
    text: line,
    max: limit.max - textSize(ellipsis, limit.unit),
    unit: limit.unit,
  });
  return `${kept.trimEnd()}${ellipsis}`;
}
