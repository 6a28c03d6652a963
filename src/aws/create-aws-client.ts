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
  /**
   * When a call gives up on a silent endpoint (a stuck proxy, a half-open connection): connecting,
   * and waiting with no byte moving. The SDK has no such default (it waits for ever); a timed-out
   * attempt is retried like any transient error. Absent: the SDK's (none). A model call, silent
   * while the model writes, must not have it; a mirror must (`MIRROR_TIMEOUTS`).
   */
  readonly timeouts?: AwsTimeouts;
}

export interface AwsTimeouts {
  /** Milliseconds to open the connection. */
  readonly connectionMs: number;
  /** Milliseconds with no byte sent or received (an upload that moves keeps its socket alive). */
  readonly socketMs: number;
}

/**
 * A mirror's calls (DynamoDB, S3, EventBridge) answer in well under a second; these are long
 * enough for a slow network and short enough that a silent mirror costs a step about a minute with
 * the retries, never the task (issue #10: a mirror failure never fails the task).
 */
export const MIRROR_TIMEOUTS: AwsTimeouts = { connectionMs: 5_000, socketMs: 20_000 };

/** What every client gets from the factory. */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialsInput;
  customUserAgent: string;
  maxAttempts: number;
  retryMode: 'standard';
  /** The Node HTTP handler's options (`NodeHttpHandlerOptions`), when `timeouts` are set. */
  requestHandler?: { connectionTimeout: number; socketTimeout: number };
}

/**
 * The one place AWS SDK clients are made (STYLE §4): region, endpoint, credentials, user agent,
 * retries and (when given) timeouts set the same way for every service. `extra` carries a service's own settings (S3's
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
    ...(settings.timeouts === undefined
      ? {}
      : {
          requestHandler: {
            connectionTimeout: settings.timeouts.connectionMs,
            socketTimeout: settings.timeouts.socketMs,
          },
        }),
  };
  return new ClientClass({ ...config, ...(extra ?? ({} as Extra)) });
}
