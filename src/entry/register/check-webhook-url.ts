/** A webhook URL GitHub can deliver to, or what is wrong with it (a sentence naming no option). */
export type WebhookUrlCheck =
  { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: string };

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Checks the URL GitHub is to deliver the app's webhooks to: an absolute http(s) URL whose host
 * GitHub can reach (not loopback). `text` is the user's input, quoted back bounded in length.
 */
export function checkWebhookUrl(text: string): WebhookUrlCheck {
  const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: `${shown} is not a URL: give an absolute one, e.g. https://agent.example.com/api/github/webhooks or https://smee.io/<channel>`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: `${shown} is not an http(s) URL` };
  if (LOOPBACK.includes(url.hostname))
    return {
      ok: false,
      problem: `GitHub cannot deliver webhooks to ${url.hostname}: use your server's public URL, or a smee.io channel that forwards to it.`,
    };
  return { ok: true, url };
}
