import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';

/**
 * The one CodeDeploy method the deploy code calls. Tests hand in a real client mocked with
 * aws-sdk-client-mock; production hands in the client built by the AWS client factory.
 */
export type CodeDeployApi = Pick<CodeDeployClient, 'send'>;
