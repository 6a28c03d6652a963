import { CodeDeployClient } from '@aws-sdk/client-codedeploy';

/** The one place CodeDeploy clients are made; credentials and endpoint come from the environment. */
export function createCodeDeployClient(region: string): CodeDeployClient {
  return new CodeDeployClient({ region, customUserAgent: 'implementation-agent' });
}
