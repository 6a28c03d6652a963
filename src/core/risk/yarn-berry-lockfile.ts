import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import { MAX_LOCKFILE_ENTRIES, MAX_LOCKFILE_LENGTH } from './lockfile-sources.js';

/**
 * A `yarn.lock` read as Yarn 2+'s format: YAML whose mapping has a `__metadata` key, however the
 * key is written (`"__metadata"`, `'__metadata'`, `__metadata :` are the same key to YAML and to
 * yarn), within the lockfile bounds of `lockfile-sources`. `berry: false` when it is not that
 * format, with the YAML parser's message when it was not YAML at all (yarn v1's format often is
 * not); the caller reads yarn v1's format then. Pure.
 */
export function readYarnBerryLockfile(
  content: string,
): { berry: true; entries: Record<string, unknown> } | { berry: false; yamlProblem?: string } {
  const parsed = parseStructuredText({
    text: content,
    format: 'yaml',
    maxLength: MAX_LOCKFILE_LENGTH,
    maxValues: MAX_LOCKFILE_ENTRIES * 20,
  });
  if (!parsed.ok) return { berry: false, yamlProblem: parsed.message };
  if (isPlainObject(parsed.value) && Object.hasOwn(parsed.value, '__metadata'))
    return { berry: true, entries: parsed.value };
  return { berry: false };
}
