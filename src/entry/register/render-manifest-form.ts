import type { AppManifest } from './build-app-manifest.js';

/**
 * The page that starts GitHub's manifest flow: a form POSTing `manifest` (JSON) to
 * `https://github.com/settings/apps/new` — or `/organizations/<org>/settings/apps/new` for an
 * organization's app — with `state`, which GitHub hands back with the code.
 */
export function renderManifestForm(params: {
  manifest: AppManifest;
  state: string;
  organization?: string;
}): string {
  const owner = params.organization ? `organizations/${encodeURIComponent(params.organization)}/` : '';
  const action = `https://github.com/${owner}settings/apps/new?state=${encodeURIComponent(params.state)}`;
  const json = JSON.stringify(params.manifest, null, 2);
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Register ${escapeHtml(params.manifest.name)} on GitHub</title>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto">
<h1>Register the GitHub App</h1>
<p>GitHub will show these settings for ${params.organization ? `the organization <b>${escapeHtml(params.organization)}</b>` : 'your account'}; you can still change the name there.
Webhooks go to <code>${escapeHtml(params.manifest.hook_attributes.url)}</code>.</p>
<form action="${escapeHtml(action)}" method="post">
<input type="hidden" name="manifest" value="${escapeHtml(json)}">
<button type="submit">Create the app on GitHub</button>
</form>
<details><summary>Manifest</summary><pre>${escapeHtml(json)}</pre></details>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
