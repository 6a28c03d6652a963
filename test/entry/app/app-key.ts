import { generateKeyPairSync } from 'node:crypto';

/** A real RSA key in the PEM form GitHub hands out for apps (PKCS#1), generated once per test file. */
export const appPrivateKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;
