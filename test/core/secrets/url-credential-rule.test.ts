import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.js';

describe('credentials in a URL (urlCredentialRule)', () => {
  it.each([
    [
      'https://api.example.com/?password=S3cr3tPassw0rd',
      'https://api.example.com/?password=[REDACTED:url-credentials]',
    ],
    [
      'see https://api.example.com/hook?access_token=9f8e7d6c5b4a3928. Then',
      'see https://api.example.com/hook?access_token=[REDACTED:url-credentials]. Then',
    ],
    [
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abcdef0123456789&X-Amz-Expires=60',
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=[REDACTED:url-credentials]&X-Amz-Expires=60',
    ],
    [
      'https://x.example.com/c?sv=2020&sig=abc%2Bdef%3D',
      'https://x.example.com/c?sv=2020&sig=[REDACTED:url-credentials]',
    ],
    [
      'https://x.example.com/api/f?client_secret=abc123',
      'https://x.example.com/api/f?client_secret=[REDACTED:url-credentials]',
    ],
    ['https://deploy:p%40ss!w0rd@api.internal/', 'https://deploy:[REDACTED:url-credentials]@api.internal/'],
    [
      '(https://a.example.com/#id_token=eyJhbGciOi)',
      '(https://a.example.com/#id_token=[REDACTED:url-credentials])',
    ],
  ])('redacts the credential of %s, keeping the rest of the URL', async (text, redacted) => {
    expect(await redactSecrets(text)).toBe(redacted);
  });

  it.each([
    'https://example.com/?page=2&sort=name&q=token',
    'https://${User}:${Password}@db.example.com/',
    'https://example.com/?token={{ token }}&api_key=<your key>&password=xxxx',
    'https://user@example.com/path?tokenizer=word',
    'mailto:someone@example.com?subject=password',
  ])('finds nothing in %s', async (text) => {
    expect(await scanSecrets({ text })).toEqual([]);
  });

  it('names what it found for people, never the value', async () => {
    const [match] = await scanSecrets({ text: 'https://a.example.com/?api_key=9f8e7d6c5b4a3928' });
    expect(match?.kind).toEqual({
      slug: 'url-credentials',
      title: 'credential in a URL (password, token or signature)',
    });
    expect(match?.ruleId).toBe('implementation-agent/url-credential');
  });
});
