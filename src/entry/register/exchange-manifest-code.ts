import { z } from 'zod';

/** What GitHub returns for a converted manifest code; only what the app server needs is kept. */
const conversionSchema = z.object({
  id: z.number().int(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  html_url: z.string(),
  owner: z.object({ login: z.string().optional() }).nullable().optional(),
  pem: z.string().includes('PRIVATE KEY'),
  webhook_secret: z.string().nullable(),
});

export type RegisteredApp = z.infer<typeof conversionSchema>;

/**
 * Exchanges the code GitHub redirected back with for the new app's id, private key and webhook
 * secret: `POST /app-manifests/{code}/conversions`, unauthenticated, within an hour of the redirect
 * (https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest). Throws with
 * GitHub's message on an error answer (404/422: the code is unknown, used or expired).
 */
export async function exchangeManifestCode(params: {
  code: string;
  apiUrl?: string;
}): Promise<RegisteredApp> {
  const apiUrl = params.apiUrl ?? 'https://api.github.com';
  const response = await fetch(`${apiUrl}/app-manifests/${encodeURIComponent(params.code)}/conversions`, {
    method: 'POST',
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String(body.message)
        : response.statusText;
    throw new Error(
      `GitHub did not convert the manifest code (HTTP ${response.status}: ${message}). Codes are valid once, for an hour: register again.`,
    );
  }
  const parsed = conversionSchema.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `GitHub's answer for the new app is not what its API documents: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}
