import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';

/** Stack outputs the foundation exposes, by the key the TypeScript helper reads them under. */
export const FOUNDATION_OUTPUTS = {
  dataBucketName: 'DataBucketName',
  dataBucketArn: 'DataBucketArn',
  dataKeyArn: 'DataKeyArn',
  notificationsTopicArn: 'NotificationsTopicArn',
} as const;

const OBJECT_KEYS = `const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The data bucket's layout: \`<area>/<yyyy>/<mm>/<dd>/<name>\`. Segments are checked so a caller's
 * input can never climb out of its area or create surprising prefixes.
 */
export function objectKey(params: { area: string; name: string; date: Date }): string {
  for (const segment of [params.area, params.name]) {
    if (!SEGMENT.test(segment) || segment.includes('..')) throw new Error('invalid key segment: ' + JSON.stringify(segment));
  }
  const iso = params.date.toISOString();
  return [params.area, iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), params.name].join('/');
}
`;

const LOAD_OUTPUTS = `import { readFoundationOutputs } from './stack-outputs';
import type { FoundationOutputs } from './stack-outputs';

/** Reads a deployed foundation stack's outputs; the SDK is loaded lazily so tests never need it. */
export async function loadFoundationOutputs(stackName: string): Promise<FoundationOutputs> {
  const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  const result = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: stackName }));
  return readFoundationOutputs(result.Stacks?.[0]?.Outputs ?? []);
}
`;

/** The helper other code uses to consume the foundation: typed outputs and the object-key layout. */
export function infrastructureSource(baseDir: string): GeneratedFile[] {
  const files: [string, string][] = [
    ['stack-outputs.ts', stackOutputsModule()],
    ['object-keys.ts', OBJECT_KEYS],
    ['load-foundation-outputs.ts', LOAD_OUTPUTS],
  ];
  return files.map(([name, content]) => ({ path: `${baseDir}/src/${name}`, role: 'source', content }));
}

function stackOutputsModule(): string {
  const keys = Object.entries(FOUNDATION_OUTPUTS).map(
    ([field, output]) => `  ${field}: ${codeLiteral(output)},`,
  );
  return `/** Template output keys, by the field they are read into. */
export const OUTPUT_KEYS = {
${keys.join('\n')}
} as const;

export type FoundationOutputs = { [K in keyof typeof OUTPUT_KEYS]: string };

export interface StackOutput {
  OutputKey?: string;
  OutputValue?: string;
}

const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:/;

/** Turns DescribeStacks outputs into typed values, naming every output that is missing or malformed. */
export function readFoundationOutputs(outputs: readonly StackOutput[]): FoundationOutputs {
  const byKey = new Map(outputs.map((output) => [output.OutputKey, output.OutputValue]));
  const problems: string[] = [];
  const read = (field: keyof typeof OUTPUT_KEYS): string => {
    const value = byKey.get(OUTPUT_KEYS[field]) ?? '';
    if (value === '') problems.push(OUTPUT_KEYS[field] + ' is missing');
    else if (field.endsWith('Arn') && !ARN.test(value)) problems.push(OUTPUT_KEYS[field] + ' is not an ARN: ' + value);
    return value;
  };
  const result: FoundationOutputs = {
    dataBucketName: read('dataBucketName'),
    dataBucketArn: read('dataBucketArn'),
    dataKeyArn: read('dataKeyArn'),
    notificationsTopicArn: read('notificationsTopicArn'),
  };
  if (problems.length > 0) throw new Error('foundation stack outputs: ' + problems.join('; '));
  return result;
}
`;
}
