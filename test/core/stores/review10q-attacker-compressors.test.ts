/**
 * Attacker pass (review #10q) on compressed text, inside base64 (src/core/secrets/
 * scan-base64-literals.ts: gzip and zlib are inflated) and as an artifact's own bytes
 * (src/core/stores/redact-artifact-body.ts, readable-texts.ts: gzip, zip, tar and zlib streams read;
 * bzip2, xz, Zstandard and others, known by their magic numbers, withheld). Attacked: the two
 * compressors with no header to know them by — raw DEFLATE (RFC 1951; SAML's HTTP-Redirect
 * binding sends `SAMLRequest` as base64 of it, URL-encoded) and brotli (RFC 7932; `.br` files a
 * build precompresses for a CDN) — whose bytes read one a character show no secret. Controls: gzip
 * and zlib, inside base64 and as an artifact. A fault is `it.failing` asserting the right answer; an
 * attack refused is an ordinary test.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
/** A bundle a build would precompress: long enough that the compressor codes the token, not stores it. */
const BUNDLE = [
  ...Array.from({ length: 40 }, (_, index) => `export const route${index} = "/api/orders/${index}";`),
  `export const token = "${TOKEN}";`,
  '',
].join('\n');
const AUTHN_REQUEST = `<samlp:AuthnRequest ID="_1"><saml:Issuer>${TOKEN}</saml:Issuer></samlp:AuthnRequest>`;

describe('review10q attacker: base64 of compressed text without a header', () => {
  it.failing('FAULT: base64 of raw DEFLATE (a SAMLRequest as logged) is redacted', async () => {
    const encoded = deflateRawSync(Buffer.from(AUTHN_REQUEST)).toString('base64');
    expect(await redactSecrets(`SAMLRequest: ${encoded}`)).not.toContain(encoded);
  });

  it.failing('FAULT: a SAML HTTP-Redirect URL (base64 of raw DEFLATE, URL-encoded) is redacted', async () => {
    const encoded = encodeURIComponent(deflateRawSync(Buffer.from(AUTHN_REQUEST)).toString('base64'));
    const text = `redirecting to https://idp.example.com/sso?SAMLRequest=${encoded}`;
    expect(await redactSecrets(text)).not.toContain(encoded);
  });

  it.failing('FAULT: base64 of brotli-compressed text is redacted', async () => {
    const encoded = brotliCompressSync(Buffer.from(BUNDLE)).toString('base64');
    expect(await redactSecrets(`cache = "${encoded}"`)).not.toContain(encoded);
  });

  it.each([
    ['gzip', gzipSync],
    ['zlib', deflateSync],
  ])('base64 of %s-compressed text is redacted (control)', async (_name, compress) => {
    const encoded = compress(Buffer.from(BUNDLE)).toString('base64');
    expect(await redactSecrets(`cache = "${encoded}"`)).not.toContain(encoded);
  });
});

describe('review10q attacker: an artifact that is compressed text without a header', () => {
  it.failing('FAULT: a precompressed `.br` bundle holding a token is not kept as it is', async () => {
    const bytes = brotliCompressSync(Buffer.from(BUNDLE));
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false); // the token is coded, not stored
    expect((await redactArtifactBody(bytes, 'files/dist/app.js.br')).equals(bytes)).toBe(false);
  });

  it.failing('FAULT: a raw DEFLATE stream holding a token is not kept as it is', async () => {
    const bytes = deflateRawSync(Buffer.from(BUNDLE));
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect((await redactArtifactBody(bytes, 'logs/request.deflate')).equals(bytes)).toBe(false);
  });

  it('a gzip bundle holding a token is withheld (control)', async () => {
    const bytes = gzipSync(Buffer.from(BUNDLE));
    expect((await redactArtifactBody(bytes, 'files/dist/app.js.gz')).equals(bytes)).toBe(false);
  });
});
