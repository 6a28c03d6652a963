/**
 * A production word (`prod`, which `production` holds, `prd` or `live`) in a lower-cased name,
 * wherever it stands, unless a negating word (`pre`, `non`, `dev`…) that starts the name or
 * follows a non-letter comes just before it, with nothing but non-letters between. The lookahead
 * comes first so the look back runs only where a production word starts (linear, not quadratic).
 */
const UNNEGATED_PRODUCTION_WORD =
  /(?=prod|prd|live)(?<!(?:^|[^a-z])(?:pre|non|not|dev|test|qa|uat|stage|staging|sandbox)[^a-z]*)/;

/**
 * Whether an environment name says production, the one rule the agent uses everywhere (config
 * defaults, the risk classifier, GitHub's `production_environment`, production-shaped generated
 * resources). GitHub treats environment names without regard to case (GitHub Docs, "Managing
 * environments for deployment": environment names are not case sensitive), so the answer depends
 * on the lower-cased name only: `PRODeu`, `prodeu` and `pRODEU` are one environment and get one
 * answer. Case then cannot tell where a word starts (`usProd` and `usprod` are the same name), so
 * the rule fails closed: the name is production when it contains `prod` (and so `production`),
 * `prd` or `live` anywhere, inside a longer word too — `prod`, `prod-eu`, `us-prod`, `usprod`,
 * `prodeu`, `eu_production`, `prod2`, `prd`, `liveus` — unless a negating word (`pre`, `non`, `not`,
 * `dev`, `test`, `qa`, `uat`, `stage`, `staging`, `sandbox`) comes just before that occurrence,
 * starting the name or following a non-letter, with only non-letters between (`preprod`,
 * `pre-prod`, `non_prod`, `dev-live`, `qa2live`); any occurrence not negated makes it production.
 * A name that only contains the letters (`products`, `prodigy`, `delivery`, `olive`) is production
 * too: a false alarm only guards an environment (approval, guided mode), the safe side, while a
 * word boundary guessed from case would let another spelling of a production environment through.
 * Linear in the name's length. Our own convention (the usual names for production environments):
 * GitHub gives environment names no other meaning.
 */
export function isProductionName(name: string): boolean {
  return UNNEGATED_PRODUCTION_WORD.test(name.toLowerCase());
}
