/** Who calls AWS, in every request's user agent (CloudTrail shows it beside the role). */
export const AWS_USER_AGENT = 'implementation-agent';

/** Attempts per call, the first included: the SDK's standard retry mode, with backoff and jitter. */
const DEFAULT_MAX_ATTEMPTS = 3;

/** Keys as the SDK takes them: fixed, or a provider that fetches (and refreshes) them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export type AwsCredentialsInput = AwsCredentials | (() => Promise<AwsCredentials>);

export interface AwsClientSettings {
  readonly region: string;
  /**
   * A stand-in (moto, dynalite) or a private endpoint. Absent: AWS's own, or what the environment
   * names (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`), which the SDK reads itself.
   */
  readonly endpoint?: string;
  /**
   * Keys or a provider of them (stand-ins take any fixed keys). Absent: the SDK's default chain (in the Action,
   * configure-aws-credentials puts OIDC session credentials in the environment).
   */
  readonly credentials?: AwsCredentialsInput;
  /** Attempts per call including the first; 1 turns the SDK's retries off (a caller with its own policy). */
  readonly maxAttempts?: number;
}

/** What every client gets from the factory. */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialsInput;
  customUserAgent: string;
  maxAttempts: number;
  retryMode: 'standard';
}

/**
 * The one place AWS SDK clients are made (STYLE §4): region, endpoint, credentials, user agent and
 * retries set the same way for every service. `extra` carries a service's own settings (S3's
 * `forcePathStyle`, a test's `requestHandler`). The class is passed in, so a bundle holds only the
 * clients it uses.
 */
export function createAwsClient<Client, Extra extends object = object>(
  ClientClass: new (config: AwsClientConfig & Extra) => Client,
  settings: AwsClientSettings,
  extra?: Extra,
): Client {
  const config: AwsClientConfig = {
    region: settings.region,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
    customUserAgent: AWS_USER_AGENT,
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
  };
  return new ClientClass({ ...config, ...(extra ?? ({} as Extra)) });
}
