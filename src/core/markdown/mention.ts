import { untrustedInline } from './untrusted-inline.js';

/** A GitHub login: alphanumerics and single hyphens, at most 39 characters (dead-claudia/github-limits). */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * An `@login` that notifies the user, for a login GitHub gave us (a webhook's sender, a lock's
 * holder). Anything that is not a login is shown literally, so it can never mention someone else.
 */
export function mention(login: string): string {
  return GITHUB_LOGIN.test(login) ? `@${login}` : untrustedInline(login);
}
