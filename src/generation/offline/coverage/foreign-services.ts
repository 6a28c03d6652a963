import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';
import { AWS_RESOURCE_NAMES, awsKindLabel, awsServicesNamed } from '../naming/aws-resource-names.js';
import { withoutLinks } from '../naming/link-spans.js';

/**
 * Plain nouns that name an AWS service only sometimes (`the support queue` is a list of tickets): a
 * blueprint's own words, so only the infrastructure blueprint, which reads them with their context,
 * takes them as SQS.
 */
const PLAIN_NOUNS = new Set(['queue', 'queues']);
const NAMES = AWS_RESOURCE_NAMES.filter(
  (name) => !(name.words.length === 1 && PLAIN_NOUNS.has(name.words[0] ?? '')),
);

/** `AWS::Lambda::Function` and `lambda:InvokeFunction`: a service the template declares a resource of or grants an action of. */
const RESOURCE_TYPE = /\bAWS::([A-Za-z0-9]+)::/g;
const IAM_ACTION = /["'\s-]([a-z0-9-]+):[A-Z*][A-Za-z*]*/g;

/**
 * The services a template uses, lowercase and without a version (`apigateway`, `events`): those it
 * declares a resource of (`AWS::ApiGatewayV2::Api`) and those whose IAM actions it grants
 * (`events:PutEvents`, the bus being the caller's).
 */
export function servicesUsed(templates: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const text of templates) {
    for (const match of text.matchAll(RESOURCE_TYPE)) used.add(baseOf(match[1] ?? ''));
    for (const match of text.matchAll(IAM_ACTION)) used.add(baseOf(match[1] ?? ''));
  }
  return used;
}

/** `ApiGatewayV2, Lambda and DynamoDB`: the services the templates declare resources of, as written, for a reason. */
export function servicesDeclared(templates: readonly string[]): string {
  const declared = [
    ...new Set(templates.flatMap((text) => [...text.matchAll(RESOURCE_TYPE)].map((match) => match[1] ?? ''))),
  ];
  if (declared.length < 2) return declared.join('');
  return `${declared.slice(0, -1).join(', ')} and ${declared.at(-1) ?? ''}`;
}

/**
 * The coverage with every story and description row that names an AWS service the generated
 * templates neither declare nor call (`Store receipts in EFS`, `send with SES`, `use Kinesis`) told
 * so: a gap saying that no such resource is generated, so a row whose words another capability
 * matched is not counted met. A kind the row already says is not generated is not said twice.
 * `used` comes from servicesUsed and `what` from servicesDeclared, over the bundle's templates.
 */
export function withForeignServices(
  coverage: readonly RequirementCoverage[],
  used: ReadonlySet<string>,
  what: string,
): RequirementCoverage[] {
  return coverage.map((row) => {
    if (row.source.kind !== 'story' && row.source.kind !== 'description') return row;
    const words =
      withoutLinks(row.text)
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? [];
    const foreign = awsServicesNamed(words, NAMES)
      .filter((namespace) => !used.has(baseOf(namespace)))
      .map(awsKindLabel)
      .filter((label) => !row.gaps.some((gap) => gap.includes(`no ${label}`)));
    if (foreign.length === 0) return row;
    const gaps = [
      ...row.gaps,
      ...foreign.map(
        (label) =>
          `no ${label} is generated: the template declares ${what} resources only, and nothing generated creates or calls one; add it to the template (or ask the blueprint that generates it)`,
      ),
    ];
    return { ...row, gaps, status: row.status === 'covered' ? 'partial' : row.status };
  });
}

/** `ApiGatewayV2` → `apigateway`: one service whatever its API version. */
function baseOf(namespace: string): string {
  return namespace.replace(/V\d+$/, '').toLowerCase();
}
