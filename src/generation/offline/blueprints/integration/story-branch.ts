/** Branch names a request may give bare (`on main`); any other is read only beside `branch` or in backticks. */
const KNOWN_BRANCHES = new Set(['main', 'master', 'develop', 'development', 'trunk']);
const BEFORE = String.raw`\b(?:on|against|to|into|onto)\s+(?:the\s+)?`;
const NAME = String.raw`\x60?([A-Za-z0-9][\w./-]*?)\x60?`;

/**
 * The branch a story's condition names (`when a workflow run fails on the main branch`, `a pull
 * request is opened against main`, `a commit is pushed to \`release/2\``): the name as written,
 * undefined when the condition names none. Read after the condition's word (when, whenever, if).
 */
export function storyBranch(text: string): string | undefined {
  const condition = /\b(?:when|whenever|if)\b(.*)$/i.exec(text)?.[1];
  if (condition === undefined) return undefined;
  const spelled = new RegExp(`${BEFORE}${NAME}\\s+branch\\b`, 'i').exec(condition)?.[1];
  if (spelled !== undefined) return spelled;
  const quoted = new RegExp(`${BEFORE}\x60([^\x60\\s]+)\x60`, 'i').exec(condition)?.[1];
  if (quoted !== undefined) return quoted;
  const bare = new RegExp(`${BEFORE}([A-Za-z][\\w./-]*)`, 'gi');
  for (const match of condition.matchAll(bare)) {
    const name = (match[1] ?? '').replace(/[.]+$/, '');
    if (KNOWN_BRANCHES.has(name.toLowerCase()) || /^(?:release|hotfix)\/\S+$/i.test(name)) return name;
  }
  return undefined;
}
