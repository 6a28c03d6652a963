/** Parameter names (lower case, without `-`, `_` and `.`) that are credentials whole. */
const NAMES: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'key',
  'apikey',
  'accesskey',
  'token',
  'auth',
  'authorization',
  'code',
  'sig',
  'signature',
  'credential',
  'credentials',
  'sessionid',
]);

/**
 * Endings of a parameter name that make it a credential: `client_secret`, `access_token`,
 * `X-Amz-Signature` (S3 presigned URLs), `X-Goog-Signature` (GCS signed URLs), `X-Amz-Security-Token`,
 * `db_password`, `x-api-key`. Azure SAS URLs carry theirs as `sig`.
 */
const ENDINGS = ['password', 'passwd', 'secret', 'token', 'apikey', 'signature', 'credential', 'privatekey'];

/**
 * Whether a URL query or fragment parameter named `name` carries a credential (compared without
 * case, `-`, `_` or `.`), e.g. `password`, `api_key`, `access_token`, `sig`, `X-Amz-Signature`.
 * Sources: RFC 6750 §2.3 (`access_token` in a query), RFC 6749 §4.1.2 (`code`), AWS Signature
 * Version 4 query parameters, Azure SAS `sig`, GCS `X-Goog-Signature`. Pure.
 */
export function isCredentialParameter(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_.]/g, '');
  return NAMES.has(normal) || ENDINGS.some((ending) => normal.endsWith(ending));
}
