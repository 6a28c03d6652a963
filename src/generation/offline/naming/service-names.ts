import { distinctSlug } from '../../../core/naming/distinct-slug.js';
import { commentSafe } from './comment-safe.js';
import { wordsOf } from './words-of.js';

/** Identifiers derived from an untrusted task name; only these, never the name itself, appear in code. */
export interface ServiceNames {
  /** `orders-api`: folder, package and route-safe (`[a-z0-9-]`). */
  readonly slug: string;
  /** `OrdersApi`: logical-ID and type-name safe (`[A-Za-z0-9]`). */
  readonly pascal: string;
  /** The name as the requester wrote it, made safe for prose and comments only. */
  readonly title: string;
}

const MAX_WORDS = 6;
const MAX_SLUG_LENGTH = 40;
const FALLBACK_WORDS = ['service'];

export function serviceNames(taskName: string): ServiceNames {
  const found = wordsOf(taskName).slice(0, MAX_WORDS);
  const words = found.length === 0 ? FALLBACK_WORDS : found;
  // Identifiers must start with a letter (logical IDs, class names, npm-friendly folders).
  const leading = /^[a-z]/.test(words[0] ?? '') ? words : ['svc', ...words];
  const title = commentSafe(taskName, 100);
  return {
    // Distinct for distinct names: two tasks never share a service folder (`distinctSlug`).
    slug: distinctSlug({
      taskName,
      slug: leading.join('-').slice(0, MAX_SLUG_LENGTH).replace(/-+$/, ''),
      maxLength: MAX_SLUG_LENGTH,
    }),
    pascal: leading.map(capitalize).join('').slice(0, 40),
    title: title === '' ? 'Service' : title,
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
