import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

// Environment variables that send a Lambda function's traffic through another host (a proxy, an
// AWS endpoint, the X-Ray daemon) or let another party read it (extra trusted certificates, TLS
// checks off): the host or file they name is not in this change (AWS SDKs and Tools Reference
// Guide, "Service-specific endpoints"; AWS Lambda Developer Guide, "Working with Lambda environment variables").

const ROLE = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/r' };
const lambda = (variables: unknown) => ({
  Resources: {
    F: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: ROLE,
        Code: { ZipFile: 'exports.handler = async () => 1;' },
        Environment: { Variables: variables },
      },
    },
  },
});
const WHERE = 'Resources.F.Properties.Environment.Variables';
const environmentReasons = (body: Record<string, unknown>) =>
  reasonsOf(body).filter((reason) => reason.includes('Environment.Variables'));

describe('Lambda environment variables that redirect traffic', () => {
  it.each([
    ['HTTPS_PROXY', 'http://proxy.example:3128'],
    ['https_proxy', 'http://proxy.example:3128'],
    ['HTTP_PROXY', 'http://proxy.example:3128'],
    ['http_proxy', 'http://proxy.example:3128'],
    ['ALL_PROXY', 'socks5://proxy.example:1080'],
    ['all_proxy', 'socks5://proxy.example:1080'],
    ['AWS_ENDPOINT_URL', 'https://collector.example'],
    ['AWS_ENDPOINT_URL_DYNAMODB', 'https://collector.example'],
    ['AWS_ENDPOINT_URL_SECRETS_MANAGER', 'https://collector.example'],
    ['AWS_XRAY_DAEMON_ADDRESS', '203.0.113.5:2000'],
    ['NODE_EXTRA_CA_CERTS', '/opt/ca.pem'],
    ['SSL_CERT_FILE', '/opt/ca.pem'],
    ['SSL_CERT_DIR', '/opt/certs'],
    ['AWS_CA_BUNDLE', '/opt/ca.pem'],
    ['NODE_TLS_REJECT_UNAUTHORIZED', '0'],
    ['NODE_TLS_REJECT_UNAUTHORIZED', 0],
  ])('%s=%s is data-egress at the variable', (name, value) => {
    expect(environmentReasons(lambda({ TABLE: 'orders', [name]: value }))).toEqual([
      `data-egress ${WHERE}.${name}`,
    ]);
  });

  it('a proxy from a parameter is data-egress; a TLS setting from one is unresolved-value', () => {
    const body = {
      ...lambda({ HTTPS_PROXY: { Ref: 'P' }, NODE_TLS_REJECT_UNAUTHORIZED: { Ref: 'P' } }),
      Parameters: { P: { Type: 'String' } },
    };
    expect(environmentReasons(body)).toEqual([
      `data-egress ${WHERE}.HTTPS_PROXY`,
      `unresolved-value ${WHERE}.NODE_TLS_REJECT_UNAUTHORIZED`,
    ]);
  });

  it('in one Fn::If branch, on a SAM function and in SAM Globals.Function', () => {
    const sam = {
      Transform: 'AWS::Serverless-2016-10-31',
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      Globals: { Function: { Environment: { Variables: { AWS_ENDPOINT_URL_S3: 'https://x.example' } } } },
      Resources: {
        F: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Runtime: 'nodejs22.x',
            Handler: 'index.handler',
            Role: ROLE,
            InlineCode: 'exports.handler = async () => 1;',
            Environment: { Variables: { 'Fn::If': ['C', { A: 'b' }, { HTTPS_PROXY: 'http://p.example' }] } },
          },
        },
      },
    };
    const reasons = reasonsOf(sam);
    expect(reasons).toContain(`data-egress ${WHERE}.Fn::If[2].HTTPS_PROXY`);
    expect(reasons).toContain('data-egress Globals.Function.Environment.Variables.AWS_ENDPOINT_URL_S3');
  });

  it('variables computed as a whole are one unresolved-value, not one per rule', () => {
    const body = { ...lambda({ 'Fn::GetAtt': ['X', 'Y'] }) };
    expect(environmentReasons(body)).toEqual([`unresolved-value ${WHERE}`]);
  });

  it('control: NO_PROXY, an empty proxy, TLS checks left on and look-alike names stay low', () => {
    expect(
      environmentReasons(
        lambda({
          NO_PROXY: 'localhost,169.254.169.254',
          no_proxy: '*',
          HTTPS_PROXY: '',
          NODE_TLS_REJECT_UNAUTHORIZED: '1',
          ENDPOINT_URL: 'https://api.example',
          aws_endpoint_url: 'https://x.example',
          ENVIRONMENT_NAME: 'staging',
        }),
      ),
    ).toEqual([]);
  });
});
