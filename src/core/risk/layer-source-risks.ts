import { isPlainObject } from '../cfn/is-plain-object.js';
import { isOwnResource } from './is-own-resource.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/** The types whose `Layers` a function loads (AWS CloudFormation Template Reference, "AWS::Lambda::Function"; AWS SAM Developer Guide, "AWS::Serverless::Function"). */
const FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** Layers this template builds: their code is the template's own (`Content`/`ContentUri`, judged by `codeSourceRisks`). */
const LAYER_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::LayerVersion',
  'AWS::Serverless::LayerVersion',
]);

/**
 * A function's layers are code it runs: the runtime extracts each into `/opt` and loads what is
 * there (AWS Lambda Developer Guide, "Managing Lambda dependencies with layers"; a layer of
 * another account is used by its ARN once that account grants it, "Granting layer access to other
 * accounts"). So, like `codeSourceRisks`, a layer is this change's code only when it is a layer
 * resource of this template (`Ref` or `Fn::GetAtt` of an `AWS::Lambda::LayerVersion` or
 * `AWS::Serverless::LayerVersion`: `isOwnResource`). Any other item — an ARN literal (another
 * account's or this one's, whose content this change does not hold), a parameter, an import, a
 * computed `Fn::Sub` — is `unseen-effect` at `<where>.Properties.Layers[<i>]` (every `Fn::If`
 * branch judged); a list computed at deploy time is one reason at `Layers`. Pure.
 */
export function layerSourceRisks(params: ResourceRiskInput): RiskReason[] {
  if (!FUNCTION_TYPES.has(params.type)) return [];
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const layers = properties['Layers'];
  if (layers === undefined) return [];
  const reason = (at: string, what: string): RiskReason => ({
    code: 'unseen-effect',
    where: `${params.where}.Properties.${at}`,
    message: `${params.logicalId} (${params.type}) runs ${what}: code this change does not hold, so what it does cannot be judged.`,
  });
  if (!Array.isArray(layers)) return [reason('Layers', 'layers from a list computed at deploy time')];
  return layers.flatMap((layer: unknown, index) =>
    branches(layer, `Layers[${index}]`)
      .filter(({ value }) => !isOwnResource(value, params.context, LAYER_TYPES))
      .map(({ value, at }) =>
        reason(
          at,
          `a layer this template does not build (${JSON.stringify(value)?.slice(0, 200) ?? 'no value'})`,
        ),
      ),
  );
}

/** Every value an `Fn::If` may take (nested ones too); `Ref: AWS::NoValue` is no layer. */
function branches(value: unknown, at: string): { value: unknown; at: string }[] {
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return [{ value, at }];
  if (value['Ref'] === 'AWS::NoValue') return [];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [{ value, at }];
  return [...branches(choice[1], `${at}.Fn::If[1]`), ...branches(choice[2], `${at}.Fn::If[2]`)];
}
