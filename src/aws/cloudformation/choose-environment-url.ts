/** Output keys that name the environment's address, in order of preference (compared without case). */
const PREFERRED_KEYS = ['environmenturl', 'apiurl', 'url', 'endpoint', 'websiteurl', 'serviceurl'];

/**
 * The URL to show on the GitHub deployment: a preferred output key holding an http(s) URL, else
 * the first https:// output. Values that are not URLs (an RDS host name under `Endpoint`) are skipped,
 * because GitHub links the environment URL as is.
 */
export function chooseEnvironmentUrl(outputs: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(outputs);
  for (const preferred of PREFERRED_KEYS) {
    const match = entries.find(([key, value]) => key.toLowerCase() === preferred && isWebUrl(value));
    if (match) return match[1];
  }
  return entries.find(([, value]) => value.startsWith('https://') && isWebUrl(value))?.[1];
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
