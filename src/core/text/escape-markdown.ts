/**
 * Makes user-controlled text safe to place in a GitHub comment, on one line: no markdown, no HTML,
 * no @mentions (a mention would notify whoever the requester chose), no table breaks.
 * Markdown punctuation is escaped before entities are written, so the entities' own `&` and `#` survive.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\|*_[\]~#!()]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '&#96;')
    .replace(/@/g, '@&#8203;');
}
