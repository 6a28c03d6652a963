import { describeAwsError } from '../../../src/aws/cloudformation/describe-aws-error.js';
import { awsError } from './helpers/cloudformation-fixtures.js';

describe('describeAwsError', () => {
  it('names the IAM action an AccessDenied is missing', () => {
    const error = awsError(
      'AccessDenied',
      'User: arn:aws:sts::123456789012:assumed-role/deploy/GitHubActions is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:ap-southeast-2:123456789012:stack/orders-api-staging/* because no identity-based policy allows the cloudformation:CreateChangeSet action',
    );
    const described = describeAwsError(error);
    expect(described.name).toBe('AccessDenied');
    expect(described.advice).toContain('cloudformation:CreateChangeSet');
  });

  it('points at the OIDC credentials step when there are no credentials', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(describeAwsError(error).advice).toContain('configure-aws-credentials');
  });

  it('gives no advice for errors it does not recognise, and reads non-errors', () => {
    expect(describeAwsError(awsError('ValidationError', 'Template format error')).advice).toBeUndefined();
    expect(describeAwsError('boom')).toEqual({ name: 'Error', message: 'boom' });
  });
});
