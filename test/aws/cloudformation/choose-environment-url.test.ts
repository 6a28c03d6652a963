import { chooseEnvironmentUrl } from '../../../src/aws/cloudformation/choose-environment-url.js';

describe('chooseEnvironmentUrl', () => {
  it('prefers EnvironmentUrl over other URL outputs', () => {
    expect(
      chooseEnvironmentUrl({
        ApiUrl: 'https://api.example.com',
        EnvironmentUrl: 'https://staging.example.com',
      }),
    ).toBe('https://staging.example.com');
  });

  it('matches preferred keys without regard to case', () => {
    expect(chooseEnvironmentUrl({ Bucket: 'b', apiURL: 'https://x.execute-api.amazonaws.com/prod' })).toBe(
      'https://x.execute-api.amazonaws.com/prod',
    );
  });

  it('skips a preferred key that is not a URL and falls back to the first https output', () => {
    expect(
      chooseEnvironmentUrl({
        Endpoint: 'orders.cluster-abc.ap-southeast-2.rds.amazonaws.com',
        TableName: 'orders',
        DashboardLink: 'https://console.aws.amazon.com/cloudwatch/home',
      }),
    ).toBe('https://console.aws.amazon.com/cloudwatch/home');
  });

  it('has no URL when no output is one', () => {
    expect(
      chooseEnvironmentUrl({ TableName: 'orders', QueueArn: 'arn:aws:sqs:ap-southeast-2:1:q' }),
    ).toBeUndefined();
  });
});
