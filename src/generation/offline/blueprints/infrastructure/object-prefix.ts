import { withoutLinks } from '../../naming/link-spans.js';

/** S3 object keys are at most 1,024 bytes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html). */
const MAX_PREFIX_LENGTH = 1024;
/** A key prefix as written: path segments ending in `/` (`tmp/`, `raw/2024/`), only characters safe in YAML and code. */
const SLASHED = /(?<![\w./:-])([A-Za-z0-9][\w.-]*(?:\/[\w.-]+)*\/)(?![\w/])/;
/** `the "tmp" prefix`, `prefix 'tmp'`: a quoted name beside `prefix` when no slash marks it. */
const QUOTED_BESIDE_PREFIX =
  /["'`]([A-Za-z0-9][\w./-]*)["'`]\s+prefix\b|\bprefix\s+["'`]([A-Za-z0-9][\w./-]*)["'`]/i;

/**
 * The object key prefix a text scopes its ask to (`Objects under the tmp/ prefix expire…` →
 * `tmp/`), or undefined when it names none: a rule asked for a prefix must carry it, or it would
 * act on every object of the bucket. Links are ignored (a URL's path is no prefix).
 */
export function objectPrefixIn(text: string): string | undefined {
  const plain = withoutLinks(text);
  const slashed = SLASHED.exec(plain)?.[1];
  const quoted = QUOTED_BESIDE_PREFIX.exec(plain);
  const named = slashed ?? quoted?.[1] ?? quoted?.[2];
  if (named === undefined || named.length > MAX_PREFIX_LENGTH) return undefined;
  return named;
}
