import type { AppIdentityClient } from './check-app-identity.js';

/**
 * The login an app's installation writes as, `<app-slug>[bot]`, from `GET /app` with the app's JWT
 * (https://docs.github.com/rest/apps/apps#get-the-authenticated-app). Throws when GitHub answers
 * without the app.
 */
export async function appBotLogin(client: AppIdentityClient): Promise<string> {
  const { data } = await client.apps.getAuthenticated();
  if (!data?.slug) throw new Error('GitHub answered GET /app without the app’s slug');
  return `${data.slug}[bot]`;
}
