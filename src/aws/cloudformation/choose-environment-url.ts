import { redactSecrets } from '../../core/secrets/redact-secrets.js';

/** Output keys that name the environment's address, in order of preference (compared without case). */
const PREFERRED_KEYS = ['environmenturl', 'apiurl', 'url', 'endpoint', 'websiteurl', 'serviceurl'];

/**
 * The URL to show on the GitHub deployment: a preferred output key holding an http(s) URL, else
 * the first https:// output. Values that are not URLs (an RDS host name under `Endpoint`) are skipped,
 * because GitHub links the environment URL as is. So is a URL the secret scanner finds a secret in
 * (credentials, a token in the query, a Slack webhook) or cannot check: the URL goes to the
 * deployment status, the deploy report and the Action's outputs, which the record's redaction
 * (`redactEventText`) never reaches, and a redacted link leads nowhere.
 */
export async function chooseEnvironmentUrl(
  outputs: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  const entries = Object.entries(outputs);
  const candidates = [
    ...PREFERRED_KEYS.flatMap((preferred) =>
      entries.filter(([key, value]) => key.toLowerCase() === preferred && isWebUrl(value)),
    ),
    ...entries.filter(([, value]) => value.startsWith('https://') && isWebUrl(value)),
  ];
  for (const [, value] of candidates) {
    if (await holdsNoSecret(value)) return value;
  }
  return undefined;
}

async function holdsNoSecret(url: string): Promise<boolean> {
  return redactSecrets(url).then(
    (redacted) => redacted === url,
    () => false,
  );
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
