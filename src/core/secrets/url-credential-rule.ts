import type { SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';
import { isCredentialParameter } from './is-credential-parameter.js';

/** The rule's id, beside secretlint's own `@secretlint/secretlint-rule-*`. */
export const URL_CREDENTIAL_RULE = 'implementation-agent/url-credential';

/** A URL with a scheme, up to the first character a URL cannot hold unencoded (RFC 3986 §2). */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'`<>\\{}|^]{1,4096}/gi;
/** A value that is a placeholder or a template variable (`${Token}`, `{{ token }}`, `%TOKEN%`, `$TOKEN`). */
const PLACEHOLDER =
  /^(?:\$\{.*\}|\{\{.*\}\}|\{.*\}|%[A-Z_]+%|\$[A-Za-z_]\w*|<[^>]*>|\[REDACTED[^\]]*\]?|(.)\1*)$/;

const messages = {
  URLCredential: {
    en: (props: { CREDENTIAL: string; NAME: string }) => `found a credential in a URL (${props.NAME})`,
  },
};

/**
 * A secretlint rule for credentials a URL carries where secretlint's recommended preset does not
 * look: the password of `user:password@` in any URL's authority (the preset's `basicauth` rule
 * takes only `[-A-Za-z0-9_]` passwords on a dotted host), and the value of a query or fragment
 * parameter that names a credential (`isCredentialParameter`: `?password=`, `?api_key=`,
 * `#access_token=`, `?token=`, the signature of an S3, GCS or Azure presigned URL). The value's
 * span is reported, so redaction keeps the rest of the URL. Template variables and placeholders
 * (`${Token}`, `{{token}}`, `<token>`, `xxxx`) are not credentials. URL syntax: RFC 3986 §3.
 */
export const urlCredentialRule: SecretLintRuleCreator = {
  messages,
  meta: {
    id: URL_CREDENTIAL_RULE,
    recommended: true,
    type: 'scanner',
    supportedContentTypes: ['text'],
    docs: { url: 'https://www.rfc-editor.org/rfc/rfc3986#section-3' },
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source: SecretLintSourceCode) {
        for (const match of source.content.matchAll(URL_PATTERN)) {
          for (const found of credentialsIn(match[0])) {
            const start = (match.index ?? 0) + found.at;
            context.report({
              message: t('URLCredential', { CREDENTIAL: found.value, NAME: found.name }),
              range: [start, start + found.value.length],
            });
          }
        }
      },
    };
  },
};

/** The credentials in one URL, with their offsets into it. */
function credentialsIn(url: string): { at: number; value: string; name: string }[] {
  const found: { at: number; value: string; name: string }[] = [];
  const authorityStart = url.indexOf('//') + 2;
  const authorityEnd = firstOf(url, ['/', '?', '#'], authorityStart);
  const userinfoEnd = url.lastIndexOf('@', authorityEnd - 1);
  if (userinfoEnd >= authorityStart) {
    const colon = url.indexOf(':', authorityStart);
    if (colon !== -1 && colon < userinfoEnd) {
      const value = url.slice(colon + 1, userinfoEnd);
      if (isCredentialValue(value)) found.push({ at: colon + 1, value, name: 'password' });
    }
  }
  const queryStart = firstOf(url, ['?', '#'], authorityEnd);
  let cursor = queryStart + 1;
  while (cursor < url.length) {
    const end = firstOf(url, ['&', ';', '#', '?'], cursor);
    const pair = url.slice(cursor, end);
    const equals = pair.indexOf('=');
    if (equals > 0) {
      const name = decoded(pair.slice(0, equals));
      const value = trimmedValue(pair.slice(equals + 1));
      if (isCredentialParameter(name) && isCredentialValue(value))
        found.push({ at: cursor + equals + 1, value, name });
    }
    cursor = end + 1;
  }
  return found;
}

/** A value as written up to where prose would end it (a closing bracket or sentence punctuation). */
function trimmedValue(value: string): string {
  return value.replace(/[)\].,:!]+$/, '');
}

function isCredentialValue(value: string): boolean {
  return value.length > 0 && !PLACEHOLDER.test(decoded(value));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/** The first index at or after `from` of any of `characters`, or the text's length. */
function firstOf(text: string, characters: readonly string[], from: number): number {
  const found = characters.map((character) => text.indexOf(character, from)).filter((at) => at !== -1);
  return found.length === 0 ? text.length : Math.min(...found);
}
