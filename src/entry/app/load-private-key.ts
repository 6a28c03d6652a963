import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Environment } from './read-server-settings.js';

export type PrivateKeyResult =
  { readonly ok: true; readonly pem: string } | { readonly ok: false; readonly problem: string };

const WHERE =
  'GitHub generates it on the app’s settings page (Private keys → Generate a private key) as a .pem file';

/**
 * The app's private key, from `PRIVATE_KEY` (the .pem file's contents; `\n`-escaped or base64 also
 * accepted, as Probot does) or `PRIVATE_KEY_PATH` (the file, relative to `cwd`). The key must parse
 * as an RSA private key — what GitHub issues for apps — so a wrong value is explained at start-up
 * instead of failing at the first webhook.
 */
export function loadPrivateKey(env: Environment, cwd: string): PrivateKeyResult {
  const inline = env.PRIVATE_KEY?.trim() ? env.PRIVATE_KEY : undefined;
  const file = env.PRIVATE_KEY_PATH?.trim();
  let text: string;
  let source: string;
  if (inline) {
    text = decodeInline(inline);
    source = 'PRIVATE_KEY';
  } else if (file) {
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        problem: `PRIVATE_KEY_PATH ${file} cannot be read (${code === 'ENOENT' ? 'no such file' : code}). ${WHERE}; point PRIVATE_KEY_PATH at it.`,
      };
    }
    source = `PRIVATE_KEY_PATH ${file}`;
  } else {
    return {
      ok: false,
      problem: `PRIVATE_KEY_PATH (or PRIVATE_KEY) is not set. ${WHERE}; set PRIVATE_KEY_PATH to that file, or PRIVATE_KEY to its contents.`,
    };
  }
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'rsa')
      return {
        ok: false,
        problem: `${source} holds a ${key.asymmetricKeyType} key; GitHub App keys are RSA. ${WHERE}.`,
      };
    return { ok: true, pem: text };
  } catch {
    return {
      ok: false,
      problem:
        `${source} is not a PEM private key (it should start with "-----BEGIN RSA PRIVATE KEY-----"). ` +
        `${WHERE}; use the whole file, e.g. PRIVATE_KEY="$(cat app.private-key.pem)", or PRIVATE_KEY_PATH=app.private-key.pem.`,
    };
  }
}

/** Hosts that cannot hold newlines in a variable pass `\n` escapes or base64. */
function decodeInline(value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
  return decoded.includes('-----BEGIN') ? decoded : value;
}
