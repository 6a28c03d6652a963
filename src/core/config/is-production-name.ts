/** Words that say production, among the words of an environment name. */
const PRODUCTION_WORDS: ReadonlySet<string> = new Set(['prod', 'production', 'prd', 'live']);

/** A word just before a production word that says it is not production (`pre-prod`, `non-prod`, `dev-prod`). */
const NOT_PRODUCTION: ReadonlySet<string> = new Set([
  'pre',
  'non',
  'not',
  'dev',
  'test',
  'qa',
  'uat',
  'stage',
  'staging',
  'sandbox',
]);

/**
 * Whether an environment name says production, the one rule the agent uses everywhere (config
 * defaults, the risk classifier, GitHub's `production_environment`, production-shaped generated
 * resources). The name is split into words at every character that is not a letter (`-`, `_`,
 * `.`, `/`, spaces, digits) and where a capital starts a word (camelCase and PascalCase: `usProd`,
 * `ProdEU`, `EUProd`); it is production when a word is `prod`, `production`, `prd` or `live` (any
 * case), wherever it stands — `prod`, `prod-eu`, `us-prod`, `eu_production`, `prod-eu-west-1`,
 * `prod2`, `prd`, `live-us`, `usProd`, `apiLive` — unless the word before it says otherwise
 * (`pre-prod`, `non-prod`, `dev-prod`, `preProd`). A run of capitals before a lowercase letter is
 * read both ways, its last capital starting the next word (`APIProd`: `API Prod`) or the run a word
 * of its own (`PRODeu`: `PROD eu`, `LIVEus`): production when either reading says so. Words that
 * only contain the letters (`products`, `preprod`, `delivery`, `PRODUCTS`) are not production. Our
 * own convention (the usual names for production environments): GitHub gives environment names no
 * meaning ("Managing environments for deployment").
 */
export function isProductionName(name: string): boolean {
  const camel = name.replace(/([a-z])([A-Z])/g, '$1 $2');
  return [camel.replace(/([A-Z])([A-Z][a-z])/g, '$1 $2'), camel.replace(/([A-Z]{2,})([a-z])/g, '$1 $2')].some(
    saysProduction,
  );
}

/** Whether one reading of a name, split into words at non-letters, has a production word not negated. */
function saysProduction(spaced: string): boolean {
  const words = spaced
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
  return words.some(
    (word, index) => PRODUCTION_WORDS.has(word) && !NOT_PRODUCTION.has(words[index - 1] ?? ''),
  );
}
