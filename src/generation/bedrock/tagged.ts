/**
 * A value as JSON inside `<tag>…</tag>`: every `<` in it is escaped, so nothing in untrusted text
 * can close the tag and speak as the prompt.
 */
export function tagged(tag: string, value: unknown): string {
  const json = JSON.stringify(value, null, 2).replaceAll('<', '\\u003c');
  return `<${tag}>\n${json}\n</${tag}>`;
}
