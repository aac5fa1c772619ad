// Slack's official Node Socket Mode client for bench_side_by_side: connect, ack every envelope at once,
// run until SIGTERM. It prints nothing on stdout: the bench measures on the simulator side, the same
// way for both clients. Environment: SIM_API_URL, SIM_APP_TOKEN. Never prints the token.
'use strict';
const { SocketModeClient, LogLevel } = require('@slack/socket-mode');

const client = new SocketModeClient({
  appToken: process.env.SIM_APP_TOKEN,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SIM_API_URL },
});

// Ack first, nothing else. The try/catch matters: with the bare `await ack()` of the SDK's README, an
// envelope that arrives after a `disconnect` frame (while the SDK closes the socket) makes ack() reject
// ("client is not ready"), the rejection is unhandled and Node exits. The bench measures the SDK's
// reconnect, not that crash, so failed acks are only counted (on stderr, at exit).
let failedAcks = 0;
client.on('slack_event', async ({ ack }) => {
  try {
    await ack();
  } catch (error) {
    failedAcks += 1;
  }
});

const stop = () => {
  if (failedAcks > 0) console.error(`ack failed for ${failedAcks} envelope(s): no open connection`);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

client.start().catch((error) => {
  console.error(`start failed: ${error.message}`);
  process.exit(2);
});
