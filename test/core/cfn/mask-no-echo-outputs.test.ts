import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';

const TEMPLATE = [
  'Parameters:',
  '  DbPassword: { Type: String, NoEcho: true }',
  "  ApiKey: { Type: String, NoEcho: 'true' }",
  '  Stage: { Type: String }',
  'Resources:',
  '  Topic: { Type: AWS::SNS::Topic }',
].join('\n');

describe('maskNoEchoOutputs', () => {
  it('masks an output equal to, or containing, a NoEcho value and keeps the others', () => {
    const outputs = maskNoEchoOutputs({
      template: TEMPLATE,
      parameters: { DbPassword: 'Zq8-vR2mL0pWx7Nt', ApiKey: 'k-123456', Stage: 'staging' },
      outputs: {
        Echo: 'Zq8-vR2mL0pWx7Nt',
        Connection: 'host=db;user=app;password=Zq8-vR2mL0pWx7Nt',
        Header: 'Bearer k-123456',
        StageName: 'staging',
        Url: 'https://shop.example.com',
      },
    });
    expect(outputs).toEqual({
      Echo: NO_ECHO_MARKER,
      Connection: NO_ECHO_MARKER,
      Header: NO_ECHO_MARKER,
      StageName: 'staging',
      Url: 'https://shop.example.com',
    });
  });

  it('looks for no empty or already withheld value, and none in a template that does not parse', () => {
    const outputs = { A: 'anything', B: `was ${NO_ECHO_MARKER}` };
    expect(maskNoEchoOutputs({ template: TEMPLATE, parameters: { DbPassword: '' }, outputs })).toEqual(
      outputs,
    );
    expect(
      maskNoEchoOutputs({ template: TEMPLATE, parameters: { DbPassword: NO_ECHO_MARKER }, outputs }),
    ).toEqual(outputs);
    expect(
      maskNoEchoOutputs({ template: '{ not: [', parameters: { DbPassword: 'anything' }, outputs }),
    ).toEqual(outputs);
  });
});
