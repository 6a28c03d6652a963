import { httpStatusOf } from '../../github/http-status.js';

/** What `GET /app` says about the app the credentials belong to. */
export interface AppIdentity {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly owner: string;
  readonly htmlUrl: string;
  readonly installationsCount: number | undefined;
}

/** The one call this needs; an app-authenticated (JWT) Octokit fits. */
export interface AppIdentityClient {
  apps: {
    getAuthenticated(params?: { request?: { signal?: AbortSignal } }): Promise<{
      data: {
        id: number;
        slug?: string;
        name: string;
        /** A user or organization (`login`), or an enterprise (`slug`). */
        owner: { login?: string; slug?: string } | null;
        html_url: string;
        installations_count?: number;
      } | null;
    }>;
  };
}

export type AppIdentityCheck =
  | { readonly kind: 'confirmed'; readonly identity: AppIdentity }
  /** GitHub refused the credentials: the server must not run with them. */
  | { readonly kind: 'rejected'; readonly problem: string }
  /** GitHub could not be asked (network, outage): serve anyway and say so. */
  | { readonly kind: 'unconfirmed'; readonly problem: string };

/**
 * Asks GitHub who the app is (`GET /app` with the app's JWT:
 * https://docs.github.com/rest/apps/apps#get-the-authenticated-app). A 401 means the App ID and
 * the private key do not belong together, or the key was deleted on the app's settings page.
 */
export async function checkAppIdentity(params: {
  client: AppIdentityClient;
  appId: number;
  /** How long to wait for GitHub before serving unconfirmed; default 10 s. */
  timeoutMs?: number;
}): Promise<AppIdentityCheck> {
  try {
    const { data } = await params.client.apps.getAuthenticated({
      request: { signal: AbortSignal.timeout(params.timeoutMs ?? 10_000) },
    });
    if (!data) return { kind: 'unconfirmed', problem: 'GitHub answered GET /app without a body' };
    return {
      kind: 'confirmed',
      identity: {
        id: data.id,
        slug: data.slug ?? data.name,
        name: data.name,
        owner: data.owner?.login ?? data.owner?.slug ?? 'unknown',
        htmlUrl: data.html_url,
        installationsCount: data.installations_count,
      },
    };
  } catch (error) {
    const status = httpStatusOf(error);
    const detail = error instanceof Error ? error.message : String(error);
    if (status === 401 || status === 403 || status === 404)
      return {
        kind: 'rejected',
        problem:
          `GitHub refused the app's credentials (HTTP ${status}: ${detail}). APP_ID ${params.appId} and the private key ` +
          'must belong to the same app: check the App ID on the app’s settings page, and that the key was generated there and not deleted since.',
      };
    return { kind: 'unconfirmed', problem: `could not ask GitHub who the app is: ${detail}` };
  }
}
