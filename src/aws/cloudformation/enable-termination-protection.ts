import { UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationApi } from './cloudformation-api.js';

/** Turns on termination protection, so the stack cannot be deleted until someone turns it off. Idempotent. */
export async function enableTerminationProtection(params: {
  cfn: CloudFormationApi;
  stackName: string;
}): Promise<void> {
  await params.cfn.send(
    new UpdateTerminationProtectionCommand({
      StackName: params.stackName,
      EnableTerminationProtection: true,
    }),
  );
}
