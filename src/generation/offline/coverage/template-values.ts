import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';
import { parseTemplate } from '../../../core/cfn/parse-template.js';

/** The units a request states a value in, as the template's property and parameter names say them. */
type Unit = 'second' | 'minute' | 'hour' | 'day' | 'percent';

/** A value the template holds, in the unit its name (`RetentionInDays`) or its text (`rate(15 minutes)`) gives, if any. */
interface Quantity {
  readonly value: number;
  readonly unit?: Unit;
}

const SECONDS: Readonly<Record<Exclude<Unit, 'percent'>, number>> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: 86_400,
};

/** `RetentionInDays` → day, `VisibilityTimeout` → second: the unit a template name gives its value. */
function unitOfName(name: string): Unit | undefined {
  if (/days?\b|InDays|Days/i.test(name)) return 'day';
  if (/hours?\b|Hours/i.test(name)) return 'hour';
  if (/minutes?\b|Minutes/i.test(name)) return 'minute';
  if (/seconds?\b|Seconds|Timeout|Period/i.test(name)) return 'second';
  if (/percent/i.test(name)) return 'percent';
  return undefined;
}

/** `days`, `min`, `%`: the unit a request writes after a value. */
function unitOfWord(word: string): Unit | undefined {
  if (/^days?$/.test(word)) return 'day';
  if (/^(?:hours?|hrs?)$/.test(word)) return 'hour';
  if (/^(?:minutes?|mins?)$/.test(word)) return 'minute';
  if (/^(?:seconds?|secs?|s)$/.test(word)) return 'second';
  if (/^(?:%|percent|pct)$/.test(word)) return 'percent';
  return undefined;
}

/** `rate(15 minutes)` → 15 minutes; a bare number (`30`, `'30'`) → 30 in the unit of its name. */
function quantitiesOfValue(value: unknown, unit: Unit | undefined): Quantity[] {
  if (typeof value === 'number') return [{ value, ...(unit === undefined ? {} : { unit }) }];
  if (typeof value !== 'string') return [];
  if (/^\d+(?:\.\d+)?$/.test(value)) return quantitiesOfValue(Number(value), unit);
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(value);
  return rate === null ? [] : [{ value: Number(rate[1]), unit: rate[2] as Unit }];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every value under a resource's properties, a `Ref` to a parameter read as that parameter's
 * default (`RetentionInDays: !Ref LogRetentionDays`, default 30 → 30 days). Depth-bounded: a
 * template is generated, but its size is not trusted.
 */
function propertyQuantities(node: unknown, key: string, parameters: Json, depth = 0): Quantity[] {
  if (depth > 12) return [];
  if (Array.isArray(node))
    return node.flatMap((item) => propertyQuantities(item, key, parameters, depth + 1));
  if (!isObject(node)) return quantitiesOfValue(node, unitOfName(key));
  const ref = node['Ref'];
  if (typeof ref === 'string' && Object.keys(node).length === 1) {
    const parameter = parameters[ref];
    const fallback = isObject(parameter) ? parameter['Default'] : undefined;
    return quantitiesOfValue(fallback, unitOfName(key) ?? unitOfName(ref));
  }
  return Object.entries(node).flatMap(([name, value]) =>
    propertyQuantities(value, name, parameters, depth + 1),
  );
}

/** The values the templates' resources with these logical IDs hold. */
function quantitiesOf(templates: readonly Json[], resourceIds: readonly string[]): Quantity[] {
  return templates.flatMap((template) => {
    const resources = isObject(template['Resources']) ? template['Resources'] : {};
    const parameters = isObject(template['Parameters']) ? template['Parameters'] : {};
    return resourceIds.flatMap((id) => {
      const resource = resources[id];
      return isObject(resource) ? propertyQuantities(resource['Properties'], id, parameters) : [];
    });
  });
}

/** Whether a value asked in a unit is one the template holds: the same unit, or the same time in seconds. */
function held(asked: Required<Quantity>, quantities: readonly Quantity[]): boolean {
  return quantities.some((quantity) => {
    if (quantity.unit === asked.unit) return quantity.value === asked.value;
    if (asked.unit === 'percent' || quantity.unit === undefined || quantity.unit === 'percent') return false;
    return quantity.value * SECONDS[quantity.unit] === asked.value * SECONDS[asked.unit];
  });
}

/** `"Keep Lambda logs for 30 days.": 30 is not a value of what was generated; …` → the clause and 30. */
const VALUE_GAP =
  /^"([\s\S]*)": (\d+(?:\.\d+)?) is not a value of what was generated; set it by hand or ask again$/;

/** The unit written right after the value in the clause (`30 days`, `10%`), if any. */
function unitAfter(clause: string, value: number): Unit | undefined {
  const words = clause.toLowerCase().match(/\d+(?:\.\d+)?|[a-z]+|%/g) ?? [];
  const at = words.findIndex((word) => /^\d/.test(word) && Number(word) === value);
  return at === -1 ? undefined : unitOfWord(words[at + 1] ?? '');
}

/**
 * The coverage with every gap "N is not a value of what was generated" dropped where the row's own
 * resources hold N in the template, in the unit the clause names after it (`Keep Lambda logs for 30 days.`
 * beside log groups whose RetentionInDays is a parameter defaulting to 30; 15 minutes beside a
 * period of 900 seconds): such a gap is contradicted by what was generated. A partial row left with
 * no gap is covered. `templates`: the text of each template of the bundle; one that does not parse
 * changes nothing.
 */
export function withTemplateValues(
  coverage: readonly RequirementCoverage[],
  templates: readonly string[],
): RequirementCoverage[] {
  const parsed = templates.flatMap((text) => {
    const result = parseTemplate(text);
    return result.ok && isObject(result.template) ? [result.template] : [];
  });
  if (parsed.length === 0) return [...coverage];
  return coverage.map((row) => {
    const quantities = quantitiesOf(parsed, row.resources);
    const gaps = row.gaps.filter((gap) => {
      const match = VALUE_GAP.exec(gap);
      if (match === null) return true;
      const value = Number(match[2]);
      const unit = unitAfter(match[1] ?? '', value);
      // A bare number (`at most 5 concurrent consumers`) says too little to match a value of the template.
      return unit === undefined || !held({ value, unit }, quantities);
    });
    if (gaps.length === row.gaps.length) return row;
    return { ...row, gaps, ...(row.status === 'partial' && gaps.length === 0 ? { status: 'covered' } : {}) };
  });
}
