import { MAX_UNSENT_DEPLOYMENTS, type UnsentDeployment } from '../../../src/core/state/unsent-deployment.js';
import { resendEarlierDeployments } from '../../../src/pipeline/task/resend-earlier-deployments.js';

const record = (deploymentId: number): UnsentDeployment => ({
  environment: 'staging',
  deployment_id: deploymentId,
  sha: 'c'.repeat(40),
  stack_name: 'shop-staging',
  template_path: 'template.yaml',
  template_sha256: 'd'.repeat(64),
  parameters: {},
});

describe('resendEarlierDeployments: what the marker keeps', () => {
  it('keeps the newest records past the bound and names the oldest lost, never dropping one silently', async () => {
    const earlier = [501, 502, 503, 504].map(record);
    const kept = await resendEarlierDeployments({
      earlier,
      added: [record(505)],
      resend: undefined,
      log: undefined,
    });
    expect(kept.unsent.map((each) => each.deployment_id)).toEqual([502, 503, 504, 505]);
    expect(kept.unsent).toHaveLength(MAX_UNSENT_DEPLOYMENTS);
    expect(kept.note).toContain('lost: the record of deployment(s) 501');
  });

  it('a re-send that throws keeps every earlier record, and the new one is added once', async () => {
    const kept = await resendEarlierDeployments({
      earlier: [record(501)],
      added: [record(501), record(502)],
      resend: async () => {
        throw new Error('GitHub is down');
      },
      log: undefined,
    });
    expect(kept.unsent.map((each) => each.deployment_id)).toEqual([501, 502]);
    expect(kept.note).toBeUndefined();
  });

  it('records re-sent leave the marker; those the store still refuses stay; lost ones are named', async () => {
    const kept = await resendEarlierDeployments({
      earlier: [501, 502, 503].map(record),
      added: undefined,
      resend: async () => ({ sent: [501], lost: ['deployment 503 (staging): gone'], kept: [record(502)] }),
      log: undefined,
    });
    expect(kept.unsent.map((each) => each.deployment_id)).toEqual([502]);
    expect(kept.note).toContain('re-sent the record of deployment(s) 501');
    expect(kept.note).toContain('lost: deployment 503 (staging): gone');
  });
});
