import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeStackEventsCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { withholdingCloudFormation } from '../../../src/aws/cloudformation/withholding-cloudformation.js';
import { awsError, REGION } from './helpers/cloudformation-fixtures.js';

const cfnMock = mockClient(CloudFormationClient);
const withhold = (text: string) => text.replaceAll('orders', '[W]');
const cfn = () => withholdingCloudFormation(new CloudFormationClient({ region: REGION }), withhold);

beforeEach(() => cfnMock.reset());

describe('withholdingCloudFormation: AWS text withheld as it arrives, identifiers kept', () => {
  it('withholds status reasons but keeps names, ids and statuses', async () => {
    cfnMock.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          StackName: 'orders-api',
          StackId: 'arn:aws:cloudformation:ap-southeast-2:1:stack/orders-api/1',
          EventId: 'e1',
          LogicalResourceId: 'OrdersDb',
          ResourceStatus: 'UPDATE_FAILED',
          ResourceStatusReason: 'user orders is invalid',
          Timestamp: new Date(0),
        },
      ],
    });
    const answer = await cfn().send(new DescribeStackEventsCommand({ StackName: 'orders-api' }));
    expect(answer.StackEvents?.[0]).toEqual({
      StackName: 'orders-api',
      StackId: 'arn:aws:cloudformation:ap-southeast-2:1:stack/orders-api/1',
      EventId: 'e1',
      LogicalResourceId: 'OrdersDb',
      ResourceStatus: 'UPDATE_FAILED',
      ResourceStatusReason: 'user [W] is invalid',
      Timestamp: new Date(0),
    });
  });

  it('withholds a thrown error’s message and keeps its name', async () => {
    cfnMock.on(CreateChangeSetCommand).rejects(awsError('ValidationError', "value 'orders' is invalid"));
    const sent = cfn().send(new CreateChangeSetCommand({ StackName: 'x', ChangeSetName: 'y' }));
    await expect(sent).rejects.toMatchObject({ name: 'ValidationError', message: "value '[W]' is invalid" });
  });
});
