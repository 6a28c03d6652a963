import { z } from 'zod';
import { loadPrivateKey } from './load-private-key.js';

/** Everything the app server needs from its environment, checked before anything starts. */
export interface ServerSettings {
  readonly appId: number;
  /** PEM text of the app's RSA private key. */
  readonly privateKey: string;
  readonly webhookSecret: string;
  /** The webhook secret before a rotation: markers signed under it are accepted once and re-signed. */
  readonly previousWebhookSecret: string | undefined;
  readonly port: number;
  /** Interface to listen on; undefined listens on all of them. */
  readonly host: string | undefined;
  /** Probot's webhook path (`WEBHOOK_PATH`, default `/api/github/webhooks`). */
  readonly webhookPath: string;
  /** GitHub's REST API: api.github.com, or `GHE_PROTOCOL://GHE_HOST/api/v3` for GitHub Enterprise Server. */
  readonly baseUrl: string;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** `pretty` (Probot's default) or `json` lines for a log collector. */
  readonly logFormat: 'pretty' | 'json';
}

/** Environment variables as read; `process.env` fits. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Every problem with the environment at once, each naming the variable and how to fix it. */
export class ServerSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The app server cannot start:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` +
        'Set them in the environment or in .env in this folder (.env.example lists them; npm run register writes them).',
    );
    this.name = 'ServerSettingsError';
  }
}

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const envSchema = z.object({
  APP_ID: z.preprocess(
    unset,
    z
      .string({ error: 'APP_ID is not set: use the App ID from the app’s settings page (General → About).' })
      .trim()
      .transform((value, ctx) => {
        if (/^\d+$/.test(value)) return Number(value);
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: /^Iv\d/.test(value)
            ? 'APP_ID holds the Client ID (Iv…); use the numeric App ID shown above it on the app’s settings page.'
            : 'APP_ID must be the numeric App ID from the app’s settings page (General → About).',
        });
        return z.NEVER;
      }),
  ),
  WEBHOOK_SECRET: z.preprocess(
    unset,
    z.string({
      error:
        'WEBHOOK_SECRET is not set: use the webhook secret entered when the app was registered (npm run register writes it to .env); without it no delivery can be verified.',
    }),
  ),
  PREVIOUS_WEBHOOK_SECRET: z.preprocess(unset, z.string().optional()),
  PORT: z.preprocess(
    unset,
    z.coerce
      .number({ error: 'PORT must be a port number (0–65535).' })
      .int({ error: 'PORT must be a port number (0–65535).' })
      .min(0, { error: 'PORT must be a port number (0–65535).' })
      .max(65535, { error: 'PORT must be a port number (0–65535).' })
      .default(3000),
  ),
  HOST: z.preprocess(unset, z.string().optional()),
  WEBHOOK_PATH: z.preprocess(unset, z.string().startsWith('/').default('/api/github/webhooks')),
  GHE_HOST: z.preprocess(unset, z.string().optional()),
  GHE_PROTOCOL: z.preprocess(unset, z.enum(['https', 'http']).default('https')),
  LOG_LEVEL: z.preprocess(
    unset,
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
  ),
  LOG_FORMAT: z.preprocess(unset, z.enum(['pretty', 'json']).default('pretty')),
});

/** Every variable the server reads, for `.env.example` to document (tested). */
export const SERVER_VARIABLES: readonly string[] = [
  ...Object.keys(envSchema.shape),
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
];

/**
 * Reads the server's settings from environment variables (Probot's names: APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, LOG_FORMAT;
 * plus PORT, HOST and PREVIOUS_WEBHOOK_SECRET).
 * Throws `ServerSettingsError` listing every problem.
 */
export function readServerSettings(env: Environment, cwd: string): ServerSettings {
  const parsed = envSchema.safeParse(env);
  const key = loadPrivateKey(env, cwd);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map(namingTheVariable)),
    ...(key.ok ? [] : [key.problem]),
  ];
  if (!parsed.success || !key.ok) throw new ServerSettingsError(problems);
  const settings = parsed.data;
  return {
    appId: settings.APP_ID,
    privateKey: key.pem,
    webhookSecret: settings.WEBHOOK_SECRET,
    previousWebhookSecret: settings.PREVIOUS_WEBHOOK_SECRET,
    port: settings.PORT,
    host: settings.HOST,
    webhookPath: settings.WEBHOOK_PATH,
    baseUrl: settings.GHE_HOST
      ? `${settings.GHE_PROTOCOL}://${settings.GHE_HOST}/api/v3`
      : 'https://api.github.com',
    logLevel: settings.LOG_LEVEL,
    logFormat: settings.LOG_FORMAT,
  };
}

/** Zod's own messages (e.g. for LOG_LEVEL) do not say which variable they are about; ours do. */
function namingTheVariable(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0]);
  return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
}
