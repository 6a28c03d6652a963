import type { EnvironmentVariable } from './environment-variable-risks.js';
import { readTemplateValue } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * Proxies for a function's outbound traffic: read in either case by curl, Python's
 * `urllib`/`requests`, Go's `net/http` and the AWS SDKs' HTTP clients, so compared in upper case
 * (`NO_PROXY` only exempts hosts from a proxy and is harmless).
 */
const PROXY_VARIABLES: ReadonlySet<string> = new Set(['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY']);

/**
 * Other variables that send a function's traffic to another host, read by their exact name. AWS endpoints: `AWS_ENDPOINT_URL` for every service and `AWS_ENDPOINT_URL_<SERVICE>` for one (AWS
 * SDKs and Tools Reference Guide, "Service-specific endpoints"): the SDK sends its signed requests,
 * session token header and payloads there. `AWS_XRAY_DAEMON_ADDRESS`: where the X-Ray SDK sends
 * trace segments (AWS Lambda Developer Guide, "Working with Lambda environment variables", defined
 * runtime environment variables that are not reserved).
 */
const REDIRECTING_VARIABLES: ReadonlySet<string> = new Set(['AWS_ENDPOINT_URL', 'AWS_XRAY_DAEMON_ADDRESS']);
const SERVICE_ENDPOINT = /^AWS_ENDPOINT_URL_[A-Z0-9_]+$/;

/**
 * Variables that make the runtime trust certificates this change does not show (a file in a layer
 * or the image): whoever holds the matching key can read and alter the function's TLS traffic.
 * `NODE_EXTRA_CA_CERTS` (Node.js documentation, "Command-line API"), `SSL_CERT_FILE`/`SSL_CERT_DIR`
 * (OpenSSL, read by Python, Ruby and Go), `AWS_CA_BUNDLE` (AWS SDKs and Tools Reference Guide,
 * "Environment variables support").
 */
const TRUST_VARIABLES: ReadonlySet<string> = new Set([
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'AWS_CA_BUNDLE',
]);

/**
 * `data-egress` for a function environment variable that sends its traffic elsewhere or lets
 * another party read it: a proxy (`PROXY_VARIABLES`), an AWS endpoint or X-Ray daemon address (`REDIRECTING_VARIABLES`,
 * `AWS_ENDPOINT_URL_<SERVICE>`), extra trusted certificates (`TRUST_VARIABLES`), or
 * `NODE_TLS_REJECT_UNAUTHORIZED` set to `0` (Node.js documentation, "Command-line API": certificate
 * validation is then off for every TLS connection; one only known at deploy time is
 * `unresolved-value`). Turning TLS checks off is judged `data-egress`, not `unseen-effect`: what it
 * puts at stake is the data (and the session token) any host on the path may then read, which is
 * the question `data-egress` asks a reviewer. Judged by presence: the value names a host or a file
 * this change does not show. A proxy set to the empty text (no proxy) is harmless.
 * Walked by `environmentVariableRisks`.
 */
export function trafficRedirectVariableRisks(input: EnvironmentVariable): RiskReason[] {
  const { name, setting, where, subject } = input;
  const reason = (message: string): RiskReason[] => [{ code: 'data-egress', where, message }];
  if (
    PROXY_VARIABLES.has(name.toUpperCase()) ||
    REDIRECTING_VARIABLES.has(name) ||
    SERVICE_ENDPOINT.test(name)
  )
    return setting === ''
      ? []
      : reason(
          `${subject} sets ${name}, which sends the function's outbound requests (with its AWS session token, for AWS endpoints) through a host this change does not show.`,
        );
  if (TRUST_VARIABLES.has(name))
    return reason(
      `${subject} sets ${name}, which trusts certificates this change does not show: whoever holds their keys can read the function's TLS traffic.`,
    );
  if (name !== 'NODE_TLS_REJECT_UNAUTHORIZED') return [];
  const read = readTemplateValue(setting, input.resource.context);
  if (!read.known)
    return [
      {
        code: 'unresolved-value',
        where,
        message: `${subject} sets ${name} from ${read.why}; "0" turns off certificate checks for every TLS connection.`,
      },
    ];
  return read.texts.includes('0')
    ? reason(
        `${subject} sets ${name} to "0": Node.js checks no TLS certificate, and any host on the path can read the function's traffic.`,
      )
    : [];
}
