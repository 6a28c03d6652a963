import { contentWords } from './story-words.js';

/** Fields a list may be filtered by (`list tickets by status`, `by priority`); `by date` or `by name` orders, and is not one. */
export const FILTER_FIELDS: Readonly<Record<string, string>> = {
  status: 'status',
  state: 'status',
  priority: 'priority',
  category: 'category',
  type: 'type',
  severity: 'severity',
};

/**
 * `list high priority tickets`, `list critical severity incidents`: a filter field named before the
 * list's noun, and the value named before it.
 */
export function namedFilter(
  phrase: readonly string[],
): { readonly field: string; readonly value?: string; readonly words: readonly string[] } | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's')).slice(0, -1);
  const at = content.findIndex(
    (word) => FILTER_FIELDS[word] !== undefined && FILTER_FIELDS[word] !== 'status',
  );
  const field = at === -1 ? undefined : FILTER_FIELDS[content[at] ?? ''];
  if (field === undefined) return undefined;
  const value = at > 0 ? content[at - 1] : undefined;
  return {
    field,
    ...(value === undefined ? {} : { value }),
    words: content.slice(Math.max(at - 1, 0), at + 1),
  };
}
