import { codeSpan } from '../../core/markdown/code-span.js';
import { mention } from '../../core/markdown/mention.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { DeployLock } from '../../core/stores/deploy-lock-store.js';

/**
 * The bot's answer to a deploy request that found the environment locked: who, since when, for
 * what, until when, and how to break the lock. Every field comes from users, so each is escaped;
 * only the holder is mentioned.
 */
export function describeLockHolder(lock: DeployLock, now: number): string {
  const environment = codeSpan(lock.environment);
  const acquiredMs = Date.parse(lock.acquiredAt);
  const since = Number.isNaN(acquiredMs)
    ? untrustedInline(lock.acquiredAt)
    : `${utcMinute(acquiredMs)} (${relativeTime(acquiredMs, now)})`;
  const expiresMs = lock.expiresAt * 1000;
  const expiry = `${expiresMs < now ? 'It expired at' : 'It expires at'} ${utcMinute(expiresMs)} (${relativeTime(expiresMs, now)})`;
  const details = [
    lock.deploymentId === undefined ? undefined : `deployment ${lock.deploymentId}`,
    runLink(lock.runUrl),
  ].filter((part) => part !== undefined);

  return (
    `${environment} is locked by ${mention(lock.holder)} since ${since} for ${codeSpan(lock.ref)} (${codeSpan(lock.sha.slice(0, 7))})` +
    `${details.length === 0 ? '' : ` — ${details.join(', ')}`}. ` +
    `${expiry}; a write user can ${codeSpan(`/unlock ${lock.environment}`)}.`
  );
}

/** Only http(s) links, with the characters that would end a markdown link encoded. */
function runLink(runUrl: string | undefined): string | undefined {
  if (runUrl === undefined || !URL.canParse(runUrl)) return undefined;
  const url = new URL(runUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[run](${href})`;
}

function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  const span = Math.abs(seconds);
  if (span < 60) return seconds <= 0 ? 'just now' : 'in under a minute';
  const amount = amountOf(span);
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

function amountOf(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
