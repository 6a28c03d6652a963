import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { heldTextDigest } from './held-text-digest.js';

/**
 * The request a hold showed, read back from the status comment's body: the fenced code block
 * whose text has `digest`, parsed. `undefined` when no block has it (the comment was cut to fit,
 * or edited since). Only the marker is signed, so the digest is what proves the block is the
 * request that was held; the block is read for showing what changed, never to run it.
 */
export function findHeldRequest(params: { body: string; digest: string }): unknown {
  for (const token of parseMarkdown(params.body).tokens) {
    if (token.type !== 'fence') continue;
    const text = token.content.replace(/\n$/, '');
    if (heldTextDigest(text) !== params.digest) continue;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
