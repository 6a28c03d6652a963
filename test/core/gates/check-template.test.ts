import {
  checkTemplate,
  TEMPLATE_BODY_LIMIT_BYTES,
  TEMPLATE_URL_LIMIT_BYTES,
} from '../../../src/core/gates/check-template.js';
import { gatePolicyFrom } from '../../../src/core/gates/gate-policy.js';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { ordersApiYaml, queueJson } from '../cfn/template-fixtures.js';
import { bundleOf, file, goodBundle } from './bundle-fixtures.js';

describe('checkTemplate', () => {
  it('passes a bundle with a sound template, and one with no template at all', () => {
    expect(checkTemplate(goodBundle())).toEqual([]);
    expect(checkTemplate(bundleOf([file('src/index.ts')]))).toEqual([]);
  });

  it('checks the file templatePath names even when its role is not "template"', () => {
    const bundle = bundleOf([file('infra/stack.json', '{ "Resources": {} }', 'config')], 'infra/stack.json');
    expect(checkTemplate(bundle)).toEqual([
      {
        gate: 'template',
        path: 'infra/stack.json',
        message: 'Resources: is empty; a template needs at least one resource',
      },
    ]);
  });

  it('checks every file whose role is "template", once each', () => {
    const broken = ordersApiYaml.replace('Role: !GetAtt [OrdersRole, Arn]', 'Role: !GetAtt [OrderRole, Arn]');
    const bundle = bundleOf(
      [file('infra/main.yaml', broken, 'template'), file('infra/queue.json', queueJson, 'template')],
      'infra/main.yaml',
    );
    expect(checkTemplate(bundle)).toEqual([
      {
        gate: 'template',
        path: 'infra/main.yaml',
        message:
          'Resources.OrdersFunction.Properties.Role: Fn::GetAtt target "OrderRole" is not a resource (did you mean "OrdersRole"?)',
      },
    ]);
  });

  it('reports malformed YAML with its line number', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n      Properties: {}\n';
    const [finding, ...rest] = checkTemplate(bundleOf([file('infra/t.yaml', text, 'template')]));
    expect(rest).toEqual([]);
    // The YAML parser blames the scalar that the over-indented line tries to turn into a mapping.
    expect(finding?.message).toBe(
      'YAML does not parse at line 3, column 11: Nested mappings are not allowed in compact mappings',
    );
  });

  it('reports malformed JSON with its line and column', () => {
    const text = '{\n  "Resources": {\n    "Bucket": { "Type": "AWS::S3::Bucket" }\n  },\n}\n';
    expect(checkTemplate(bundleOf([file('infra/t.json', text, 'template')]))).toEqual([
      {
        gate: 'template',
        path: 'infra/t.json',
        message:
          'JSON does not parse at line 5, column 1: a trailing comma before "}" is not allowed in JSON',
      },
    ]);
  });

  it('flags a template over the TemplateBody limit, counting bytes, and still checks it', () => {
    const padding = (bytes: number): string => `Description: "${'x'.repeat(bytes)}"\n`;
    const base = `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`;
    const overhead = Buffer.byteLength(base + padding(0));
    const atLimit = base + padding(TEMPLATE_BODY_LIMIT_BYTES - overhead);
    expect(Buffer.byteLength(atLimit)).toBe(TEMPLATE_BODY_LIMIT_BYTES);
    expect(checkTemplate(bundleOf([file('t.yaml', atLimit, 'template')]))).toEqual([]);

    const over = `${atLimit}Outputs:\n  Name:\n    Value: !Ref Buckt\n`;
    const messages = checkTemplate(bundleOf([file('t.yaml', over, 'template')])).map(
      (finding) => finding.message,
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^template is 51,2\d\d bytes, over CloudFormation's 51,200-byte TemplateBody limit; it would need uploading to S3/,
      ),
      expect.stringContaining('Ref target "Buckt"'),
    ]);
  });

  it('allows a template over the inline limit up to 1 MB only when a deployments bucket takes it (TemplateURL)', () => {
    const base = `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`;
    const sized = (bytes: number) =>
      `${base}Description: "${'x'.repeat(bytes - Buffer.byteLength(base) - 16)}"\n`;
    const large = sized(200_000);
    const withBucket = gatePolicyFrom(
      agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deploys' } }),
    );
    const without = gatePolicyFrom(agentConfigSchema.parse({}));
    expect(without.maxTemplateBytes).toBe(TEMPLATE_BODY_LIMIT_BYTES);
    expect(withBucket.maxTemplateBytes).toBe(TEMPLATE_URL_LIMIT_BYTES);

    expect(checkTemplate(bundleOf([file('t.yaml', large, 'template')]), withBucket)).toEqual([]);
    expect(checkTemplate(bundleOf([file('t.yaml', large, 'template')]), without)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('configure `mirrors.deployments_bucket`'),
      }),
    ]);
    const tooLarge = sized(TEMPLATE_URL_LIMIT_BYTES + 1);
    expect(Buffer.byteLength(tooLarge)).toBe(TEMPLATE_URL_LIMIT_BYTES + 1);
    // The parser also refuses to read it; the size finding says what to do.
    expect(
      checkTemplate(bundleOf([file('t.yaml', tooLarge, 'template')]), withBucket).map((f) => f.message),
    ).toEqual([
      "template is 1,048,577 bytes, over CloudFormation's 1,048,576-byte TemplateURL limit — make it smaller or split it into nested stacks",
      expect.stringContaining('over the limit of 1,048,576'),
    ]);
  });
});
