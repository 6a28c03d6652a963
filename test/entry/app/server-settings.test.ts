import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { loadPrivateKey } from '../../../src/entry/app/load-private-key.js';
import {
  readServerSettings,
  SERVER_VARIABLES,
  ServerSettingsError,
} from '../../../src/entry/app/read-server-settings.js';
import { appPrivateKey } from './app-key.js';

const cwd = process.cwd();
const base = { APP_ID: '123', PRIVATE_KEY: appPrivateKey, WEBHOOK_SECRET: 'secret' };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readServerSettings(env, cwd);
  } catch (error) {
    if (error instanceof ServerSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected ServerSettingsError');
}

describe('readServerSettings', () => {
  it('reads Probot’s variables with our defaults', () => {
    expect(readServerSettings(base, cwd)).toEqual({
      appId: 123,
      privateKey: appPrivateKey,
      webhookSecret: 'secret',
      port: 3000,
      host: undefined,
      webhookPath: '/api/github/webhooks',
      baseUrl: 'https://api.github.com',
      logLevel: 'info',
      logFormat: 'pretty',
    });
    expect(
      readServerSettings({ ...base, PORT: '8080', GHE_HOST: 'ghe.example.com', LOG_LEVEL: 'warn' }, cwd),
    ).toMatchObject({ port: 8080, baseUrl: 'https://ghe.example.com/api/v3', logLevel: 'warn' });
  });

  it('explains PRIVATE_KEY=not-a-key instead of "privateKey option is required"', () => {
    const problems = problemsOf({ ...base, PRIVATE_KEY: 'not-a-key' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^PRIVATE_KEY is not a PEM private key .*PRIVATE_KEY_PATH=app\.private-key\.pem/,
    );
  });

  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf({ APP_ID: 'Iv1.8a61f9b3a7aba766', PORT: '99999', LOG_LEVEL: 'loud' });
    expect(problems).toEqual([
      expect.stringMatching(/^APP_ID holds the Client ID/),
      expect.stringMatching(/^WEBHOOK_SECRET is not set/),
      expect.stringMatching(/^PORT must be a port number/),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^PRIVATE_KEY_PATH \(or PRIVATE_KEY\) is not set/),
    ]);
    expect(problemsOf({ ...base, APP_ID: 'twelve' })).toEqual([
      expect.stringMatching(/^APP_ID must be the numeric App ID/),
    ]);
  });
});

describe('loadPrivateKey', () => {
  it('accepts the key as PEM, with \\n escapes, in base64, or from PRIVATE_KEY_PATH', async () => {
    const escaped = appPrivateKey.replace(/\n/g, '\\n');
    const base64 = Buffer.from(appPrivateKey).toString('base64');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'key-'));
    await writeFile(path.join(dir, 'app.pem'), appPrivateKey);
    for (const env of [{ PRIVATE_KEY: escaped }, { PRIVATE_KEY: base64 }, { PRIVATE_KEY_PATH: 'app.pem' }]) {
      const result = loadPrivateKey(env, dir);
      expect(result.ok && result.pem.trim()).toBe(appPrivateKey.trim());
    }
  });

  it('names a missing key file and a key of the wrong kind', () => {
    expect(loadPrivateKey({ PRIVATE_KEY_PATH: 'missing.pem' }, cwd)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^PRIVATE_KEY_PATH missing\.pem cannot be read \(no such file\)/),
    });
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    expect(loadPrivateKey({ PRIVATE_KEY: ec }, cwd)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^PRIVATE_KEY holds a ec key; GitHub App keys are RSA/),
    });
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');

  it('documents exactly the variables the server reads', () => {
    const named = [...example.matchAll(/^#? ?([A-Z_]+)=/gm)].map((match) => match[1]);
    expect([...new Set(named)].sort()).toEqual([...SERVER_VARIABLES].sort());
  });

  it('is accepted once its key file exists', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'env-'));
    const env = parseEnv(example);
    await writeFile(path.join(dir, env.PRIVATE_KEY_PATH ?? ''), appPrivateKey);
    expect(readServerSettings(env, dir)).toMatchObject({ appId: 123456, port: 3000 });
  });
});
