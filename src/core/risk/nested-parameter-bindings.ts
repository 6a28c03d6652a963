import { isPlainObject } from '../cfn/is-plain-object.js';
import type { NestedStackEdge } from './nested-stack-risks.js';
import { parameterOrigins, type ParameterBindings, type ParameterOrigin } from './parameter-origins.js';

/** Past this many distinct origins one parameter's value is called computed, not listed. */
const MAX_ORIGINS = 64;

/**
 * How each template reached by a nested stack of the bundle (`edges`, from `nestedStacks`) gets its
 * parameters: by path, `ParameterBindings` whose `standalone` says whether the template is also
 * judged as a stack of its own (`standalone`), and whose `passed` gives, for each parameter it
 * declares, the origins its parents' nested stacks give it. A parent passing a literal passes that
 * value; a `Ref` to one of the parent's own parameters passes whatever that parameter may hold
 * (`parameterOrigins` of the parent, so a parent that is itself nested is followed up); a `Ref` to
 * a parent's Parameter Store parameter type passes the value read, and any other value (an
 * intrinsic, a pseudo parameter, `Parameters` computed as a whole) is only known at deploy time. A
 * parameter a parent does not pass takes its `Default` (the `declared` origin). A cycle of nested
 * stacks is computed (and is itself high: `nestedStacks`). The template the deploy run deploys
 * (`deployed`) gets the values the run passes it (the target environment's configured
 * `parameters`, AWS CloudFormation API Reference, "CreateChangeSet" `Parameters`) the same way:
 * each one set replaces its `Default`. Templates neither reaches are absent (on their own only).
 * Pure.
 */
export function nestedParameterBindings(params: {
  templates: readonly { path: string; template: unknown }[];
  standalone: ReadonlySet<string>;
  edges: readonly NestedStackEdge[];
  /** The deployed template's path and the parameter values the deploy run passes it (text). */
  deployed?: { readonly path: string; readonly parameters: Readonly<Record<string, string>> } | undefined;
}): ReadonlyMap<string, ParameterBindings> {
  const declarations = new Map(
    params.templates.map(({ path, template }) => [
      path,
      isPlainObject(template) && isPlainObject(template['Parameters']) ? template['Parameters'] : {},
    ]),
  );
  // The deploy run passes text only, so its values are literals: no Ref of the "parent" is followed.
  const deploy: NestedStackEdge[] =
    params.deployed === undefined
      ? []
      : [
          {
            parent: params.deployed.path,
            where: 'the deploy configuration',
            target: params.deployed.path,
            parameters: params.deployed.parameters,
          },
        ];
  const incoming = new Map<string, NestedStackEdge[]>();
  for (const edge of [...params.edges, ...deploy])
    if (declarations.has(edge.parent) && declarations.has(edge.target))
      incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge]);
  const memo = new Map<string, readonly ParameterOrigin[] | 'resolving'>();

  const passedOrigins = (path: string, name: string): readonly ParameterOrigin[] => {
    const key = `${path}\u0000${name}`;
    const known = memo.get(key);
    if (known === 'resolving')
      return [{ kind: 'computed', why: 'a value passed around a cycle of nested stacks' }];
    if (known !== undefined) return known;
    memo.set(key, 'resolving');
    const origins = distinct((incoming.get(path) ?? []).flatMap((edge) => edgeOrigins(edge, name)));
    memo.set(key, origins);
    return origins;
  };
  // What a parameter of `path` may hold, asked as every rule asks: `parameterOrigins`.
  const origins = (path: string, name: string): readonly ParameterOrigin[] =>
    parameterOrigins(
      {
        parameters: declarations.get(path),
        bindings: {
          standalone: params.standalone.has(path),
          passed: new Map([[name, passedOrigins(path, name)]]),
        },
      },
      name,
    );
  const edgeOrigins = (edge: NestedStackEdge, name: string): readonly ParameterOrigin[] => {
    const declaration = declarations.get(edge.target)?.[name];
    const declared: readonly ParameterOrigin[] = isPlainObject(declaration)
      ? [{ kind: 'declared', name, declaration }]
      : [];
    if (edge.parameters === undefined) return declared;
    if (!isPlainObject(edge.parameters) || isIntrinsic(edge.parameters))
      return [{ kind: 'computed', why: `the Parameters of ${edge.where}, computed at deploy time` }];
    if (!Object.hasOwn(edge.parameters, name)) return declared;
    const value = edge.parameters[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return [{ kind: 'passed', value: String(value) }];
    const ref = isPlainObject(value) && Object.keys(value).length === 1 ? value['Ref'] : undefined;
    const parent = typeof ref === 'string' ? declarations.get(edge.parent)?.[ref] : undefined;
    if (typeof ref !== 'string' || !isPlainObject(parent))
      return [{ kind: 'computed', why: `a value ${edge.where} computes at deploy time` }];
    if (String(parent['Type']).startsWith('AWS::SSM::Parameter::Value'))
      return [
        { kind: 'computed', why: `the value ${edge.parent} parameter ${ref} reads from Parameter Store` },
      ];
    return origins(edge.parent, ref);
  };

  const bindings = new Map<string, ParameterBindings>();
  for (const [path, parameters] of declarations) {
    if (!incoming.has(path)) continue;
    bindings.set(path, {
      standalone: params.standalone.has(path),
      passed: new Map(Object.keys(parameters).map((name) => [name, passedOrigins(path, name)])),
    });
  }
  return bindings;
}

/** The origins once each, or one computed origin past `MAX_ORIGINS`. */
function distinct(origins: readonly ParameterOrigin[]): readonly ParameterOrigin[] {
  const unique = new Map<unknown, ParameterOrigin>();
  for (const origin of origins)
    unique.set(
      origin.kind === 'declared'
        ? origin.declaration
        : `${origin.kind}\u0000${origin.kind === 'passed' ? origin.value : origin.why}`,
      origin,
    );
  return unique.size > MAX_ORIGINS
    ? [{ kind: 'computed', why: `more than ${MAX_ORIGINS} values passed by nested stacks` }]
    : [...unique.values()];
}

/** `Parameters` written as an intrinsic (`Fn::If`, `Fn::Transform`…, or a lone `Ref`): only known at deploy time. */
function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.some((key) => key.startsWith('Fn::')) || (keys.length === 1 && keys[0] === 'Ref');
}
