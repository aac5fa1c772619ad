// Slack's official Node Socket Mode client against the simulator: ack every envelope, exit after N.
// Environment: SIM_API_URL, SIM_APP_TOKEN, SIM_EXPECT (N), SIM_TIMEOUT_MS. Never prints the token.
'use strict';
const { SocketModeClient, LogLevel } = require('@slack/socket-mode');

const expected = parseInt(process.env.SIM_EXPECT || '10', 10);
const timeoutMs = parseInt(process.env.SIM_TIMEOUT_MS || '60000', 10);
const client = new SocketModeClient({
  appToken: process.env.SIM_APP_TOKEN,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SIM_API_URL },
});

const seen = new Set();
let acked = 0;
client.on('connected', () => console.log('connected'));
client.on('slack_event', async ({ ack, envelope_id: envelopeId, type }) => {
  await ack();
  acked += 1;
  seen.add(type);
  if (acked >= expected) {
    console.log(JSON.stringify({ acked, types: [...seen].sort(), last: envelopeId }));
    await client.disconnect();
    process.exit(0);
  }
});

setTimeout(() => {
  console.error(`timeout: acked ${acked} of ${expected}`);
  process.exit(3);
}, timeoutMs);

client.start().catch((error) => {
  console.error(`start failed: ${error.message}`);
  process.exit(2);
});
