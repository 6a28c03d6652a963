import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PortUnavailableError } from '../listen-on.js';
import { checkWebhookUrl } from './check-webhook-url.js';
import { saveAppCredentials } from './save-app-credentials.js';
import { serveRegistration, type Registration } from './serve-registration.js';

const USAGE = `Usage: npm run register -- --webhook-url URL [--org ORG] [--name NAME] [--port 3333]

Registers the GitHub App from app.yml through GitHub's manifest flow: serves a form on
http://127.0.0.1:PORT that sends the manifest to GitHub; after you confirm there, GitHub sends
you back and the app's id, private key and webhook secret are saved to .env and
<app>.private-key.pem in the current folder, ready for npm start.

  --webhook-url  where GitHub delivers webhooks: your server's public URL ending in
                 /api/github/webhooks, or a https://smee.io channel for a laptop
  --org          register the app for this organization instead of your account
  --name         the app's name (unique on GitHub; default from app.yml)
  --port         local port for the form and GitHub's redirect (default 3333)`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'webhook-url': { type: 'string' },
        org: { type: 'string' },
        name: { type: 'string' },
        port: { type: 'string', default: '3333' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`register: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wrong = (problem: string) => {
    console.error(`register: ${problem}\n\n${USAGE}`);
    return 2;
  };
  if (!values['webhook-url']) return wrong('--webhook-url is required');
  const webhook = checkWebhookUrl(values['webhook-url']);
  if (!webhook.ok) return wrong(`--webhook-url ${webhook.problem}`);
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port <= 65535))
    return wrong(
      `--port must be a port number (0 to 65535), not ${JSON.stringify(values.port.slice(0, 40))}`,
    );
  let registration: Registration;
  try {
    registration = await serveRegistration({
      appYml: await readFile('app.yml', 'utf8'),
      webhookUrl: webhook.url.href,
      port,
      ...(values.org ? { organization: values.org } : {}),
      ...(values.name ? { name: values.name } : {}),
      onRegistered: async (app) => {
        const saved = await saveAppCredentials({ app, dir: process.cwd() });
        return `Saved ${saved.key} and ${saved.env}.`;
      },
    });
  } catch (error) {
    if (!(error instanceof PortUnavailableError)) throw error;
    const another = error.reason === 'in-use' && port > 0 && port < 65535 ? port + 1 : 3333;
    console.error(
      `register: --port ${port}: ${error.message}. Stop what holds it, or pass another port, e.g. --port ${another} (--port 0 takes any free one).`,
    );
    return 2;
  }
  console.log(`Open ${registration.url} in a browser signed in to GitHub, and confirm the app there.`);
  try {
    const app = await registration.registered;
    console.log(`✔ Registered ${app.name} (id ${app.id}): ${app.html_url}`);
    console.log(
      `  Saved APP_ID, PRIVATE_KEY_PATH${app.webhook_secret ? ' and WEBHOOK_SECRET' : ''} to .env.`,
    );
    if (!app.webhook_secret)
      console.log(
        '  GitHub returned no webhook secret: set one on the app’s settings page and add WEBHOOK_SECRET to .env.',
      );
    console.log(`  Next: install it (${app.html_url}/installations/new), then npm start.`);
    return 0;
  } finally {
    await registration.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`register: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
