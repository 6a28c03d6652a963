import { stripInvisibleCharacters } from '../untrusted/invisible-characters.js';

/**
 * Whether text asks the agent for something (issue #9 item 3): its first non-empty line starts
 * with `/implement`, or it mentions the agent's login (`@implementation-agent` for
 * `implementation-agent[bot]`, as GitHub lets people mention an app) as a whole word. Invisible
 * characters are removed first so a hidden one cannot split or forge a mention. Case-insensitive,
 * as GitHub's logins are.
 */
export function isAddressedToAgent(params: { body: string; agentLogin: string | undefined }): boolean {
  const text = stripInvisibleCharacters(params.body).text;
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (/^\s{0,3}\/implement(?:\s|$)/i.test(firstLine)) return true;
  if (params.agentLogin === undefined) return false;
  const name = params.agentLogin.replace(/\[bot\]$/i, '');
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(?:^|[^\\w/@-])@${escaped}(?:\\[bot\\])?(?![\\w-])`, 'i').test(text);
}
