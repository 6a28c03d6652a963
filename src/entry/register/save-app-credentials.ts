import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegisteredApp } from './exchange-manifest-code.js';

/** The variables `npm start` reads that registration sets; other lines of an existing `.env` stay. */
const SET_HERE = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET'];

/**
 * Saves a newly registered app's credentials in `dir`: the private key as `<slug>.private-key.pem`
 * (owner-only permissions; git-ignored) and APP_ID, PRIVATE_KEY_PATH and WEBHOOK_SECRET in `.env`,
 * replacing those lines in an existing `.env` and keeping the rest. Returns the files written.
 */
export async function saveAppCredentials(params: {
  app: RegisteredApp;
  dir: string;
}): Promise<{ env: string; key: string }> {
  const { app, dir } = params;
  const keyFile = `${app.slug}.private-key.pem`;
  const key = path.join(dir, keyFile);
  await writeFile(key, app.pem, { mode: 0o600 });
  await chmod(key, 0o600);
  const env = path.join(dir, '.env');
  const existing = await readFile(env, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const kept = existing
    .split('\n')
    .filter(
      (line) =>
        line.trim() !== '' &&
        !SET_HERE.some((name) => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(line)),
    );
  const lines = [
    ...kept,
    `# GitHub App ${app.name} (${app.html_url}), registered ${new Date().toISOString().slice(0, 10)}`,
    `APP_ID=${app.id}`,
    `PRIVATE_KEY_PATH=${keyFile}`,
    ...(app.webhook_secret ? [`WEBHOOK_SECRET=${app.webhook_secret}`] : []),
  ];
  await writeFile(env, lines.join('\n') + '\n', { mode: 0o600 });
  return { env, key };
}
