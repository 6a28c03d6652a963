import { readMarkdownBlocks } from './markdown/read-markdown-blocks.js';
import type { RemovedContent } from './removed-content.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from './untrusted-input-limits.js';

export interface SanitizedText {
  /** What a reader sees when GitHub renders the text, in plain form (see `VisibleTextWriter`). */
  readonly text: string;
  readonly removed: readonly RemovedContent[];
}

/**
 * Keeps only what a reader sees when GitHub renders untrusted text (DESIGN §5 and §5b: issue text is
 * untrusted; what a reader cannot see never reaches a request or a prompt): HTML comments, tags and
 * their attributes, hidden elements, images with their alt text, link titles, reference definitions
 * and invisible characters go; text inside `<details>`, `<b>` and the like stays. Text past GitHub's
 * 65,536-character body limit is not read (every channel refuses such input before it gets here).
 * Linear in the text.
 */
export function sanitizeUntrustedText(input: string): SanitizedText {
  const { blocks, removed } = readMarkdownBlocks(input.slice(0, MAX_UNTRUSTED_TEXT_LENGTH));
  return { text: blocks.map((block) => block.text).join('\n\n'), removed };
}
