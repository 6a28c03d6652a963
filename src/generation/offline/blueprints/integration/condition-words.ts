/** Words that start the condition a text asks for an event on (`… when a release is drafted`). */
const CONDITIONS = new Set(['when', 'whenever', 'once', 'if']);
/** What a service is asked to do, which ends a leading condition (`When a tag is pushed, publish …`). */
const REQUESTS = new Set(['publish', 'send', 'emit', 'put', 'forward', 'post', 'notify', 'alert', 'relay']);
const LINKS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'gets', 'get']);

/** `… when a tag is pushed` → `a tag is pushed`; `When a tag is pushed publish an event` → `a tag is pushed`. */
export function conditionWords(words: readonly string[]): readonly string[] | undefined {
  const at = words.findIndex((word) => CONDITIONS.has(word));
  if (at === -1) return undefined;
  const after = words.slice(at + 1);
  if (at > 0) return after;
  const end = after.findIndex(
    (word, index) => index > 0 && REQUESTS.has(word) && !LINKS.has(after[index - 1] ?? ''),
  );
  return end === -1 ? after : after.slice(0, end);
}
