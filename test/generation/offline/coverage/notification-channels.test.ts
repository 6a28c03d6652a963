import { channelsNamed } from '../../../../src/generation/offline/coverage/notification-channels.js';

const names = (text: string) => channelsNamed(text).map((channel) => channel.name);

describe('channelsNamed: a channel the service receives from is not one it sends by', () => {
  it.each([
    'Receive Slack slash commands and interactive messages',
    "Verify Slack's request signature",
    'Accept commands from Slack and put them on the bus',
    'Receive Slack interactions',
    'Each user has an email address',
  ])('"%s" asks to reach nobody', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['As finance I receive an email when the nightly report is ready', ['email']],
    ['Notify the on-call team via Slack when a job fails', ['slack']],
    ['Alert me by email when the export lands', ['email']],
    ['Send a Slack message when an order ships', ['slack']],
  ])('"%s" asks for %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
