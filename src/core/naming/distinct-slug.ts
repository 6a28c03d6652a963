import { sha256Hex } from '../stores/sha256-hex.js';

/** Hex digits of the name's digest a lossy slug carries: 32 bits, so two names meet by chance 1 in 4 billion. */
const DIGEST_LENGTH = 8;

/**
 * A task's slug (`[a-z0-9-]`) made distinct for distinct task names. When `slug` spells every
 * letter and digit of `taskName` (case and accents folded; a prefix such as `svc-` allowed) it is
 * returned as is, so ASCII names keep their readable slugs. When the slug lost letters (a name in
 * Japanese slugs to `api`; a long name is cut at `maxLength`) two tasks could share a branch and a
 * folder, so the slug is cut to leave room and ends with `-` and 8 hex digits of the sha256 of the
 * trimmed, NFC-normalized name: the same name gives the same slug on every run. Result is at most
 * `maxLength` characters (`maxLength` ≥ 10). Pure.
 */
export function distinctSlug(params: { taskName: string; slug: string; maxLength: number }): string {
  const name = params.taskName.normalize('NFC').trim();
  const nameLetters = lettersOf(name);
  const slugLetters = params.slug.replace(/[^a-z0-9]/g, '');
  if (nameLetters !== '' && slugLetters.endsWith(nameLetters) && params.slug.length <= params.maxLength)
    return params.slug;
  const digest = sha256Hex(name).slice(0, DIGEST_LENGTH);
  const kept = params.slug.slice(0, params.maxLength - DIGEST_LENGTH - 1).replace(/-+$/, '');
  return kept === '' ? digest : `${kept}-${digest}`;
}

/** The letters and digits of any script, lowercased with accents dropped (`Café 2` → `cafe2`). */
function lettersOf(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]/gu) ?? []
  ).join('');
}
