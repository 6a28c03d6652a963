import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';

/**
 * The one CloudFormation method the deploy code calls. Tests hand in a real client mocked with
 * aws-sdk-client-mock; production hands in the client built by the AWS client factory.
 */
export type CloudFormationApi = Pick<CloudFormationClient, 'send'>;
