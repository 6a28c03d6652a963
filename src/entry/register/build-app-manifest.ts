import { parse } from 'yaml';
import { z } from 'zod';
import { checkWebhookUrl } from './check-webhook-url.js';

/**
 * A GitHub App manifest: the settings GitHub pre-fills when registering an app
 * (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest#github-app-manifest-parameters).
 */
export interface AppManifest {
  readonly name: string;
  readonly url: string;
  readonly hook_attributes: { readonly url: string; readonly active?: boolean };
  readonly redirect_url: string;
  readonly public: boolean;
  readonly default_events: readonly string[];
  readonly default_permissions: Readonly<Record<string, string>>;
  readonly [setting: string]: unknown;
}

/** The parts of `app.yml` this needs; any other manifest setting in it passes through. */
const appYmlSchema = z.looseObject({
  name: z.string().min(1),
  url: z.string(),
  hook_attributes: z.looseObject({ url: z.string() }),
  public: z.boolean(),
  default_events: z.array(z.string()),
  default_permissions: z.record(z.string(), z.string()),
});

/**
 * `app.yml` (the project's manifest, with a placeholder webhook URL) made ready to register: the
 * webhook URL GitHub will deliver to, the local address GitHub sends the browser back to with the
 * code, and optionally another name (app names are unique on GitHub). Throws on a webhook URL
 * `checkWebhookUrl` refuses.
 */
export function buildAppManifest(params: {
  appYml: string;
  webhookUrl: string;
  redirectUrl: string;
  name?: string;
}): AppManifest {
  const base = appYmlSchema.parse(parse(params.appYml));
  const webhook = checkWebhookUrl(params.webhookUrl);
  if (!webhook.ok) throw new Error(`Bad webhook URL: ${webhook.problem}`);
  return {
    ...base,
    name: params.name ?? base.name,
    hook_attributes: { ...base.hook_attributes, url: webhook.url.href, active: true },
    redirect_url: params.redirectUrl,
  };
}
