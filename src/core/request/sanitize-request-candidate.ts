import { mergeRemovedContent, type RemovedContent } from '../untrusted/removed-content.js';
import { stripInvisibleCharacters } from '../untrusted/invisible-characters.js';
import { sanitizeUntrustedText } from '../untrusted/sanitize-untrusted-text.js';
import { MAX_NESTING_DEPTH } from '../untrusted/untrusted-input-limits.js';
import { isRecord } from './is-record.js';
import type { RequestFieldError } from './request-field-error.js';

export { MAX_NESTING_DEPTH };

export interface SanitizedCandidate {
  readonly candidate: unknown;
  readonly removed: readonly RemovedContent[];
  /** Values nested deeper than any request needs: reported instead of walked. */
  readonly problems: readonly RequestFieldError[];
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const USER_STORIES_PATH = 'support_artifacts.user_stories';

/**
 * Runs every string of a candidate payload — description, task name and user stories, and the extra
 * context fields too, since all of it reaches the prompt — through the untrusted-text sanitizer.
 * Keys lose their invisible characters. User stories that sanitize to nothing are dropped.
 */
export function sanitizeRequestCandidate(candidate: unknown): SanitizedCandidate {
  const removed: (readonly RemovedContent[])[] = [];
  const problems: RequestFieldError[] = [];
  const clean = (text: string): string => {
    const result = sanitizeUntrustedText(text);
    if (result.removed.length > 0) removed.push(result.removed);
    return result.text;
  };
  const walk = (value: unknown, path: readonly string[]): unknown => {
    if (typeof value === 'string') return clean(value);
    if (path.length >= MAX_NESTING_DEPTH && (Array.isArray(value) || isRecord(value))) {
      problems.push({
        field: path.join('.'),
        message: `is nested more than ${MAX_NESTING_DEPTH} levels deep`,
        fix: 'Flatten this part of the request; extra context is read by the model, not by a parser.',
      });
      return value;
    }
    if (Array.isArray(value)) {
      const items = value.map((item, index) => walk(item, [...path, String(index)]));
      return path.join('.') === USER_STORIES_PATH ? items.filter((item) => item !== '') : items;
    }
    if (!isRecord(value)) return value;
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      // Keys are names, never rendered as markdown: only what cannot be seen goes (`__proto__` stays itself).
      const cleanKey = stripInvisibleCharacters(key).text;
      if (cleanKey !== '' && !UNSAFE_KEYS.has(cleanKey))
        entries.push([cleanKey, walk(item, [...path, cleanKey])]);
    }
    return Object.fromEntries(entries);
  };
  const sanitized = walk(candidate, []);
  return { candidate: sanitized, removed: mergeRemovedContent(removed), problems };
}
