<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DoctorWindow</name>
    <message>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Re-run</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>&amp;Copy as Markdown</translation>
    </message>
    <message>
        <source>Secrets are redacted</source>
        <translation>Secrets are redacted</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <source>Save the report as Markdown, secrets redacted</source>
        <translation>Save the report as Markdown, secrets redacted</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SocketScope</source>
        <translation>SocketScope</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <source>&amp;Open capture…</source>
        <translation>&amp;Open capture…</translation>
    </message>
    <message>
        <source>Open a capture (SQLite or JSONL)</source>
        <translation>Open a capture (SQLite or JSONL)</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Export to JSONL…</source>
        <translation>&amp;Export to JSONL…</translation>
    </message>
    <message>
        <source>Export the selected or filtered envelopes to JSONL (redacted by default)</source>
        <translation>Export the selected or filtered envelopes to JSONL (redacted by default)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy as redacted JSON</source>
        <translation>&amp;Copy as redacted JSON</translation>
    </message>
    <message>
        <source>Copy the selected envelopes with secrets masked</source>
        <translation>Copy the selected envelopes with secrets masked</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Copy &amp;unredacted JSON…</source>
        <translation>Copy &amp;unredacted JSON…</translation>
    </message>
    <message>
        <source>Copy the selected envelopes as captured, secrets included (asks first)</source>
        <translation>Copy the selected envelopes as captured, secrets included (asks first)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Focus the filter (Ctrl+F or /)</source>
        <translation>Focus the filter (Ctrl+F or /)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Next envelope</source>
        <translation>&amp;Next envelope</translation>
    </message>
    <message>
        <source>Next envelope (J or Ctrl+Down)</source>
        <translation>Next envelope (J or Ctrl+Down)</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>&amp;Previous envelope</source>
        <translation>&amp;Previous envelope</translation>
    </message>
    <message>
        <source>Previous envelope (K or Ctrl+Up)</source>
        <translation>Previous envelope (K or Ctrl+Up)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Connect or disconnect (Ctrl+K)</source>
        <translation>Connect or disconnect (Ctrl+K)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Clear &amp;live view</source>
        <translation>Clear &amp;live view</translation>
    </message>
    <message>
        <source>Clear the table (the capture keeps everything)</source>
        <translation>Clear the table (the capture keeps everything)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Format OK (surrounding whitespace will be removed).</source>
        <translation>Format OK (surrounding whitespace will be removed).</translation>
    </message>
    <message>
        <source>Format OK.</source>
        <translation>Format OK.</translation>
    </message>
</context>
<context>
    <name>WizardDoctorPage</name>
    <message>
        <source>Check the setup</source>
        <translation>Check the setup</translation>
    </message>
    <message>
        <source>Every check runs against the values you entered. Nothing is saved yet.</source>
        <translation>Every check runs against the values you entered. Nothing is saved yet.</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Run again</translation>
    </message>
</context>
<context>
    <name>WizardNautobotPage</name>
    <message>
        <source>Nautobot</source>
        <translation>Nautobot</translation>
    </message>
    <message>
        <source>The Nautobot that runs the ChatOps app. The doctor checks its REST API, the ChatOps endpoints and the workers.</source>
        <translation>The Nautobot that runs the ChatOps app. The doctor checks its REST API, the ChatOps endpoints and the workers.</translation>
    </message>
    <message>
        <source>Nautobot &amp;URL:</source>
        <translation>Nautobot &amp;URL:</translation>
    </message>
    <message>
        <source>https://nautobot.example.com/</source>
        <translation>https://nautobot.example.com/</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API &amp;token:</translation>
    </message>
    <message>
        <source>40 hex characters</source>
        <translation>40 hex characters</translation>
    </message>
    <message>
        <source>In Nautobot: your user menu → Profile → API Tokens → Add a token. Read-only is enough for the checks; replay and hand-answers need write access.</source>
        <translation>In Nautobot: your user menu → Profile → API Tokens → Add a token. Read-only is enough for the checks; replay and hand-answers need write access.</translation>
    </message>
</context>
<context>
    <name>WizardNetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>How SocketScope reaches Slack and Nautobot. NO_PROXY still applies to an explicit proxy.</source>
        <translation>How SocketScope reaches Slack and Nautobot. NO_PROXY still applies to an explicit proxy.</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>System (environment variables, then OS settings)</source>
        <translation>System (environment variables, then OS settings)</translation>
    </message>
    <message>
        <source>None (direct)</source>
        <translation>None (direct)</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5 proxy</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>empty = no proxy authentication</source>
        <translation>empty = no proxy authentication</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>stored in the keychain</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA bundle:</translation>
    </message>
    <message>
        <source>optional PEM file or folder (a TLS-inspecting proxy or private CA)</source>
        <translation>optional PEM file or folder (a TLS-inspecting proxy or private CA)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>WizardProfilePage</name>
    <message>
        <source>Name the workspace</source>
        <translation>Name the workspace</translation>
    </message>
    <message>
        <source>A profile holds one Slack app and one Nautobot. Its secrets go to the system keychain, never to a file.</source>
        <translation>A profile holds one Slack app and one Nautobot. Its secrets go to the system keychain, never to a file.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profile &amp;name:</translation>
    </message>
    <message>
        <source>e.g. prod-nautobot</source>
        <translation>e.g. prod-nautobot</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode:</translation>
    </message>
    <message>
        <source>Dedicated (a dev/test Slack app)</source>
        <translation>Dedicated (a dev/test Slack app)</translation>
    </message>
    <message>
        <source>Bridge (share a production app)</source>
        <translation>Bridge (share a production app)</translation>
    </message>
    <message>
        <source>Dedicated acknowledges every envelope at once; use it with a Slack app of its own. Bridge also re-delivers each envelope, signed, to Nautobot, so users still get answers while you watch a production app.</source>
        <translation>Dedicated acknowledges every envelope at once; use it with a Slack app of its own. Bridge also re-delivers each envelope, signed, to Nautobot, so users still get answers while you watch a production app.</translation>
    </message>
</context>
<context>
    <name>WizardSlackPage</name>
    <message>
        <source>Slack tokens</source>
        <translation>Slack tokens</translation>
    </message>
    <message>
        <source>From your Slack app settings at https://api.slack.com/apps (pick the app Nautobot uses, or a dev copy of it).</source>
        <translation>From your Slack app settings at https://api.slack.com/apps (pick the app Nautobot uses, or a dev copy of it).</translation>
    </message>
    <message>
        <source>&amp;App-level token:</source>
        <translation>&amp;App-level token:</translation>
    </message>
    <message>
        <source>xapp-…</source>
        <translation>xapp-…</translation>
    </message>
    <message>
        <source>Basic Information → App-Level Tokens → Generate Token and Scopes, with the connections:write scope. Starts with xapp-.</source>
        <translation>Basic Information → App-Level Tokens → Generate Token and Scopes, with the connections:write scope. Starts with xapp-.</translation>
    </message>
    <message>
        <source>&amp;Bot token:</source>
        <translation>&amp;Bot token:</translation>
    </message>
    <message>
        <source>xoxb-…</source>
        <translation>xoxb-…</translation>
    </message>
    <message>
        <source>OAuth &amp; Permissions → OAuth Tokens → Bot User OAuth Token. Starts with xoxb-.</source>
        <translation>OAuth &amp; Permissions → OAuth Tokens → Bot User OAuth Token. Starts with xoxb-.</translation>
    </message>
    <message>
        <source>&amp;Signing secret:</source>
        <translation>&amp;Signing secret:</translation>
    </message>
    <message>
        <source>32 hex characters</source>
        <translation>32 hex characters</translation>
    </message>
    <message>
        <source>Basic Information → App Credentials → Signing Secret (Show). Needed for Bridge mode and the signature check.</source>
        <translation>Basic Information → App Credentials → Signing Secret (Show). Needed for Bridge mode and the signature check.</translation>
    </message>
    <message>
        <source>Slack &amp;API URL:</source>
        <translation>Slack &amp;API URL:</translation>
    </message>
    <message>
        <source>https://slack.com/api/</source>
        <translation>https://slack.com/api/</translation>
    </message>
</context>
<context>
    <name>WizardSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Save the profile: its settings go to the profile store and its secrets to the system keychain.</source>
        <translation>Save the profile: its settings go to the profile store and its secrets to the system keychain.</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Save the doctor report as Markdown, secrets redacted</source>
        <translation>Save the doctor report as Markdown, secrets redacted</translation>
    </message>
</context>
<context>
    <name>sim</name>
    <message>
        <source>demo simulator</source>
        <translation>demo simulator</translation>
    </message>
</context>
<context>
    <name>socketscope::AboutDialog</name>
    <message>
        <source>About SocketScope</source>
        <translation>About SocketScope</translation>
    </message>
    <message>
        <source>Socket Mode inspector and operator console for Nautobot ChatOps on Slack.</source>
        <translation>Socket Mode inspector and operator console for Nautobot ChatOps on Slack.</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (built with %2)</translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation>QtKeychain:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>License:</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Report a problem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SocketScope</source>
        <translation>&amp;About SocketScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
</context>
<context>
    <name>socketscope::AckHistogram</name>
    <message>
        <source>Ack latency vs 3 s deadline: no acks yet</source>
        <translation>Ack latency vs 3 s deadline: no acks yet</translation>
    </message>
    <message>
        <source>Ack latency, %1 acks: p50 %2, p99 %3, %4 over 3 s</source>
        <translation>Ack latency, %1 acks: p50 %2, p99 %3, %4 over 3 s</translation>
    </message>
    <message>
        <source>3 s</source>
        <translation>3 s</translation>
    </message>
</context>
<context>
    <name>socketscope::AnswerDialog</name>
    <message>
        <source>Ephemeral</source>
        <translation>Ephemeral</translation>
    </message>
    <message>
        <source>In channel</source>
        <translation>In channel</translation>
    </message>
    <message>
        <source>Replace original</source>
        <translation>Replace original</translation>
    </message>
    <message>
        <source>response_url</source>
        <translation>response_url</translation>
    </message>
    <message>
        <source>chat.postMessage</source>
        <translation>chat.postMessage</translation>
    </message>
    <message>
        <source>&amp;Send answer</source>
        <translation>&amp;Send answer</translation>
    </message>
    <message>
        <source>Answer from &amp;Nautobot</source>
        <translation>Answer from &amp;Nautobot</translation>
    </message>
    <message>
        <source>&amp;Use as reply</source>
        <translation>&amp;Use as reply</translation>
    </message>
    <message>
        <source>Answer — %1 %2</source>
        <translation>Answer — %1 %2</translation>
    </message>
    <message>
        <source>Plain text (Slack mrkdwn)</source>
        <translation>Plain text (Slack mrkdwn)</translation>
    </message>
    <message>
        <source>{&quot;blocks&quot;: [...]} or a bare array of blocks, as Block Kit Builder copies them</source>
        <translation>{&quot;blocks&quot;: [...]} or a bare array of blocks, as Block Kit Builder copies them</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Block Kit JSON</source>
        <translation>Block Kit JSON</translation>
    </message>
    <message>
        <source>chat.postMessage to %1</source>
        <translation>chat.postMessage to %1</translation>
    </message>
    <message>
        <source>chat.postMessage (no channel)</source>
        <translation>chat.postMessage (no channel)</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>%1 · %2 · user %3 · channel %4</source>
        <translation>%1 · %2 · user %3 · channel %4</translation>
    </message>
    <message>
        <source>No /nautobot command in this envelope: %1</source>
        <translation>No /nautobot command in this envelope: %1</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Command: %1</translation>
    </message>
    <message>
        <source>no response_url in this envelope</source>
        <translation>no response_url in this envelope</translation>
    </message>
    <message>
        <source>budget unknown (no capture open)</source>
        <translation>budget unknown (no capture open)</translation>
    </message>
    <message>
        <source>uses left %1 of %2 · %3 min left</source>
        <translation>uses left %1 of %2 · %3 min left</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Fix the message first.</source>
        <translation>Fix the message first.</translation>
    </message>
    <message>
        <source>No bot token (xoxb-…): store it in the profile or set SOCKETSCOPE_SLACK_BOT_TOKEN.</source>
        <translation>No bot token (xoxb-…): store it in the profile or set SOCKETSCOPE_SLACK_BOT_TOKEN.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>response_url: %1 · %2 ms · %3%4</source>
        <translation>response_url: %1 · %2 ms · %3%4</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>no HTTP answer</translation>
    </message>
    <message>
        <source>
Not recorded: %1</source>
        <translation>
Not recorded: %1</translation>
    </message>
    <message>
        <source>chat.postMessage failed: %1</source>
        <translation>chat.postMessage failed: %1</translation>
    </message>
    <message>
        <source>Posted to %1 (ts %2) · %3 ms</source>
        <translation>Posted to %1 (ts %2) · %3 ms</translation>
    </message>
    <message>
        <source>Running %1 against Nautobot…</source>
        <translation>Running %1 against Nautobot…</translation>
    </message>
    <message>
        <source>%1: %2 row(s)%3 · %4 ms
%5</source>
        <translation>%1: %2 row(s)%3 · %4 ms
%5</translation>
    </message>
    <message>
        <source> (truncated)</source>
        <translation> (truncated)</translation>
    </message>
</context>
<context>
    <name>socketscope::ColorLegend</name>
    <message>
        <source>Colours:</source>
        <translation>Colours:</translation>
    </message>
</context>
<context>
    <name>socketscope::ConnectionBar</name>
    <message>
        <source>Workspace profile</source>
        <translation>Workspace profile</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>Dedicated</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Dedicated: for a dev/test app; every envelope is acked, nothing is answered.
Bridge: envelopes are re-delivered, signed, to Nautobot so users still get answers.</source>
        <translation>Dedicated: for a dev/test app; every envelope is acked, nothing is answered.
Bridge: envelopes are re-delivered, signed, to Nautobot so users still get answers.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Connect / disconnect (Ctrl+K)</source>
        <translation>Connect / disconnect (Ctrl+K)</translation>
    </message>
    <message>
        <source>Demo workspace — built-in simulator</source>
        <translation>Demo workspace — built-in simulator</translation>
    </message>
    <message>
        <source>No Slack token is used: a simulator on 127.0.0.1 sends sample envelopes.</source>
        <translation>No Slack token is used: a simulator on 127.0.0.1 sends sample envelopes.</translation>
    </message>
    <message>
        <source>Links that received hello and are open</source>
        <translation>Links that received hello and are open</translation>
    </message>
    <message>
        <source>hello.num_connections: every consumer of this Slack app, SocketScope included</source>
        <translation>hello.num_connections: every consumer of this Slack app, SocketScope included</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo workspace</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Links: %1</source>
        <translation>Links: %1</translation>
    </message>
    <message>
        <source>num_connections: %1</source>
        <translation>num_connections: %1</translation>
    </message>
    <message>
        <source>num_connections: —</source>
        <translation>num_connections: —</translation>
    </message>
    <message>
        <source>Reconnects: %1</source>
        <translation>Reconnects: %1</translation>
    </message>
    <message>
        <source>Up: —</source>
        <translation>Up: —</translation>
    </message>
    <message>
        <source>Up: %1:%2:%3</source>
        <translation>Up: %1:%2:%3</translation>
    </message>
    <message>
        <source>⚠ hello.num_connections is %1: other consumers share this Slack app. Slack gives each envelope to one connection, so commands SocketScope receives get no answer unless Bridge mode is on.</source>
        <translation>⚠ hello.num_connections is %1: other consumers share this Slack app. Slack gives each envelope to one connection, so commands SocketScope receives get no answer unless Bridge mode is on.</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <source>Backing off</source>
        <translation>Backing off</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
</context>
<context>
    <name>socketscope::DeliveryTableModel</name>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Outcome / meaning</source>
        <translation>Outcome / meaning</translation>
    </message>
</context>
<context>
    <name>socketscope::DetailPane</name>
    <message>
        <source>JSON tree</source>
        <translation>JSON tree</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Raw JSON</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>What Slack would have POSTed to Nautobot ChatOps over HTTP (unsigned: signed re-delivery adds X-Slack-Request-Timestamp and X-Slack-Signature over this body).</source>
        <translation>What Slack would have POSTed to Nautobot ChatOps over HTTP (unsigned: signed re-delivery adds X-Slack-Request-Timestamp and X-Slack-Signature over this body).</translation>
    </message>
    <message>
        <source>HTTP form</source>
        <translation>HTTP form</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Collapse all</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copy path</translation>
    </message>
    <message>
        <source>Find in raw JSON (Enter: next, Shift+Enter: previous)</source>
        <translation>Find in raw JSON (Enter: next, Shift+Enter: previous)</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>Select an envelope to see its timing.</source>
        <translation>Select an envelope to see its timing.</translation>
    </message>
    <message>
        <source>// not JSON: %1 at offset %2
</source>
        <translation>// not JSON: %1 at offset %2
</translation>
    </message>
    <message>
        <source>&lt;b&gt;not acked&lt;/b&gt;: Slack retries events_api envelopes after 3 s; commands and interactions fail for the user</source>
        <translation>&lt;b&gt;not acked&lt;/b&gt;: Slack retries events_api envelopes after 3 s; commands and interactions fail for the user</translation>
    </message>
    <message>
        <source>&lt;b&gt;over the 3 s deadline&lt;/b&gt; by %1</source>
        <translation>&lt;b&gt;over the 3 s deadline&lt;/b&gt; by %1</translation>
    </message>
    <message>
        <source>%1 % of the 3 s deadline used; %2 to spare</source>
        <translation>%1 % of the 3 s deadline used; %2 to spare</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Committed&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;(+%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Acked&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;(+%5 after commit)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ack latency&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Deadline&lt;/td&gt;&lt;td colspan=2&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Retry&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Duplicate&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Committed&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;(+%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Acked&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;(+%5 after commit)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ack latency&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Deadline&lt;/td&gt;&lt;td colspan=2&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Retry&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Duplicate&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>attempt %1 (%2)</source>
        <translation>attempt %1 (%2)</translation>
    </message>
    <message>
        <source>first delivery</source>
        <translation>first delivery</translation>
    </message>
    <message>
        <source>yes: same event_id or envelope_id seen before</source>
        <translation>yes: same event_id or envelope_id seen before</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link %1&lt;/b&gt; of session %2&lt;br&gt;</source>
        <translation>&lt;b&gt;Link %1&lt;/b&gt; of session %2&lt;br&gt;</translation>
    </message>
    <message>
        <source>Envelope id: %1&lt;br&gt;accepts_response_payload: %2&lt;br&gt;&lt;br&gt;</source>
        <translation>Envelope id: %1&lt;br&gt;accepts_response_payload: %2&lt;br&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=3&gt;&lt;tr&gt;&lt;th align=left&gt;Time&lt;/th&gt;&lt;th align=left&gt;Event&lt;/th&gt;&lt;th align=left&gt;Detail&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellspacing=3&gt;&lt;tr&gt;&lt;th align=left&gt;Time&lt;/th&gt;&lt;th align=left&gt;Event&lt;/th&gt;&lt;th align=left&gt;Detail&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>No lifecycle events recorded for this link.</source>
        <translation>No lifecycle events recorded for this link.</translation>
    </message>
    <message>
        <source>Copied the value of %1</source>
        <translation>Copied the value of %1</translation>
    </message>
    <message>
        <source>Copied path %1</source>
        <translation>Copied path %1</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <source>Select an envelope to see its deliveries and answers.</source>
        <translation>Select an envelope to see its deliveries and answers.</translation>
    </message>
    <message>
        <source>Not delivered or answered yet. Replay it (Ctrl+R), answer it (Ctrl+Shift+A), or connect in Bridge mode.</source>
        <translation>Not delivered or answered yet. Replay it (Ctrl+R), answer it (Ctrl+Shift+A), or connect in Bridge mode.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery/answer attempt(s).</source>
        <translation>
            <numerusform>%n delivery/answer attempt.</numerusform>
            <numerusform>%n delivery/answer attempts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deliveries (%1)</source>
        <translation>Deliveries (%1)</translation>
    </message>
</context>
<context>
    <name>socketscope::DoctorPanel</name>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the checks that are still running</source>
        <translation>Stop the checks that are still running</translation>
    </message>
    <message>
        <source>%v of %m checks</source>
        <translation>%v of %m checks</translation>
    </message>
    <message>
        <source>Select a check to read its full detail and fix.</source>
        <translation>Select a check to read its full detail and fix.</translation>
    </message>
    <message>
        <source>Not run: the checks were stopped.</source>
        <translation>Not run: the checks were stopped.</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Fix:</translation>
    </message>
    <message>
        <source>Running checks…</source>
        <translation>Running checks…</translation>
    </message>
    <message>
        <source>%1 passed, %2 warnings, %3 failed, %4 skipped</source>
        <translation>%1 passed, %2 warnings, %3 failed, %4 skipped</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>Done in %1 ms: %2</source>
        <translation>Done in %1 ms: %2</translation>
    </message>
</context>
<context>
    <name>socketscope::DoctorTable</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
</context>
<context>
    <name>socketscope::DoctorWindow</name>
    <message>
        <source>Export doctor report</source>
        <translation>Export doctor report</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;All files (*)</translation>
    </message>
    <message>
        <source>Saved %1 (secrets redacted).</source>
        <translation>Saved %1 (secrets redacted).</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: Slack %2, Nautobot %3, %4 mode.</source>
        <translation>Profile &quot;%1&quot;: Slack %2, Nautobot %3, %4 mode.</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <source>Doctor — %1</source>
        <translation>Doctor — %1</translation>
    </message>
    <message>
        <source>Copied the report as Markdown (secrets redacted).</source>
        <translation>Copied the report as Markdown (secrets redacted).</translation>
    </message>
    <message>
        <source>The checks have not finished yet.</source>
        <translation>The checks have not finished yet.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Choose a folder you can write to.</translation>
    </message>
</context>
<context>
    <name>socketscope::EngineWorker</name>
    <message>
        <source>Could not open the capture %1: %2</source>
        <translation>Could not open the capture %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stored %n envelope(s) that an earlier session acknowledged but had not written to the capture&apos;s tables when it stopped (they were safe in its ack journal).</source>
        <translation>
            <numerusform>Stored %n envelope that an earlier session acknowledged but had not written to the capture&apos;s tables when it stopped (they were safe in its ack journal).</numerusform>
            <numerusform>Stored %n envelopes that an earlier session acknowledged but had not written to the capture&apos;s tables when it stopped (they were safe in its ack journal).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketscope::EnvelopeColoring</name>
    <message>
        <source>Ack ≥ 3 s</source>
        <translation>Ack ≥ 3 s</translation>
    </message>
    <message>
        <source>Acked after Slack&apos;s 3 s deadline: the user saw an error or Slack retries</source>
        <translation>Acked after Slack&apos;s 3 s deadline: the user saw an error or Slack retries</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Unacked</translation>
    </message>
    <message>
        <source>Never acked within 3 s: Slack retries events; commands fail for the user</source>
        <translation>Never acked within 3 s: Slack retries events; commands fail for the user</translation>
    </message>
    <message>
        <source>Ack ≥ 1 s</source>
        <translation>Ack ≥ 1 s</translation>
    </message>
    <message>
        <source>Acked late (1–3 s): close to the deadline</source>
        <translation>Acked late (1–3 s): close to the deadline</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Same event_id or envelope_id seen before in this capture</source>
        <translation>Same event_id or envelope_id seen before in this capture</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>retry_attempt &gt; 0: Slack re-sent an unacked event</source>
        <translation>retry_attempt &gt; 0: Slack re-sent an unacked event</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Unknown type</translation>
    </message>
    <message>
        <source>Envelope type other than events_api, slash_commands, interactive (kept raw)</source>
        <translation>Envelope type other than events_api, slash_commands, interactive (kept raw)</translation>
    </message>
</context>
<context>
    <name>socketscope::EnvelopeTableModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Command / event</source>
        <translation>Command / event</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ack ms</source>
        <translation>Ack ms</translation>
    </message>
    <message>
        <source>Retry / dup</source>
        <translation>Retry / dup</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Receive → ack sent, milliseconds; Slack&apos;s deadline is 3000 ms</source>
        <translation>Receive → ack sent, milliseconds; Slack&apos;s deadline is 3000 ms</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>socketscope::ExportDialog</name>
    <message>
        <source>Selected envelopes (%1)</source>
        <translation>Selected envelopes (%1)</translation>
    </message>
    <message>
        <source>All envelopes in the capture</source>
        <translation>All envelopes in the capture</translation>
    </message>
    <message>
        <source>All envelopes matching the filter: %1</source>
        <translation>All envelopes matching the filter: %1</translation>
    </message>
    <message>
        <source>Redact secrets (response_url, trigger_id, tokens)</source>
        <translation>Redact secrets (response_url, trigger_id, tokens)</translation>
    </message>
    <message>
        <source>Export to JSONL</source>
        <translation>Export to JSONL</translation>
    </message>
    <message>
        <source>Preview of what leaves this machine (first envelopes):</source>
        <translation>Preview of what leaves this machine (first envelopes):</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Redaction is not available in this build yet, so a redacted export cannot be made. Untick it only if the file stays with people allowed to see these secrets.</source>
        <translation>Redaction is not available in this build yet, so a redacted export cannot be made. Untick it only if the file stays with people allowed to see these secrets.</translation>
    </message>
    <message>
        <source>⚠ Unredacted: the file will contain response_url and trigger_id values that let anyone post as the app for 30 minutes, plus any tokens in the payloads.</source>
        <translation>⚠ Unredacted: the file will contain response_url and trigger_id values that let anyone post as the app for 30 minutes, plus any tokens in the payloads.</translation>
    </message>
    <message>
        <source>(no preview: redaction unavailable)</source>
        <translation>(no preview: redaction unavailable)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 envelope(s) to %2%3</source>
        <translation>Exported %1 envelope(s) to %2%3</translation>
    </message>
    <message>
        <source> (redacted)</source>
        <translation> (redacted)</translation>
    </message>
    <message>
        <source> (unredacted)</source>
        <translation> (unredacted)</translation>
    </message>
</context>
<context>
    <name>socketscope::FilterBar</name>
    <message>
        <source>Slash</source>
        <translation>Slash</translation>
    </message>
    <message>
        <source>slash_commands envelopes</source>
        <translation>slash_commands envelopes</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interactive</translation>
    </message>
    <message>
        <source>interactive envelopes (block_actions, view_submission, …)</source>
        <translation>interactive envelopes (block_actions, view_submission, …)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>events_api envelopes (app_mention, message, …)</source>
        <translation>events_api envelopes (app_mention, message, …)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>envelopes of any other type (kept raw)</source>
        <translation>envelopes of any other type (kept raw)</translation>
    </message>
    <message>
        <source>Filter: type:slash_commands user:U123 command:/nautobot ack&gt;1000 retry dup unacked &quot;text&quot;   (Ctrl+F or /)</source>
        <translation>Filter: type:slash_commands user:U123 command:/nautobot ack&gt;1000 retry dup unacked &quot;text&quot;   (Ctrl+F or /)</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Column %1: %2</translation>
    </message>
    <message>
        <source>type:… user:… channel:… command:… event:… text:&quot;…&quot; ack&gt;ms ack&lt;=ms retry dup unacked acked; ! negates</source>
        <translation>type:… user:… channel:… command:… event:… text:&quot;…&quot; ack&gt;ms ack&lt;=ms retry dup unacked acked; ! negates</translation>
    </message>
    <message>
        <source>Save current filter</source>
        <translation>Save current filter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>socketscope::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>socketscope::LinkTimeline</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Link %1
opened %2
hello %3
disconnect %4 %5
closed %6 %7</source>
        <translation>Link %1
opened %2
hello %3
disconnect %4 %5
closed %6 %7</translation>
    </message>
    <message>
        <source>No links yet: connect to see each link&apos;s life here</source>
        <translation>No links yet: connect to see each link&apos;s life here</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>link %1</translation>
    </message>
</context>
<context>
    <name>socketscope::MainWindow</name>
    <message>
        <source>Redacted copy needs the capture Redactor, which is not in this build yet</source>
        <translation>Redacted copy needs the capture Redactor, which is not in this build yet</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Could not read the capture %1: %2</source>
        <translation>Could not read the capture %1: %2</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message>
        <source>Viewing %1 (read-only).</source>
        <translation>Viewing %1 (read-only).</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>Imported %1 envelope(s) from %2%3</source>
        <translation>Imported %1 envelope(s) from %2%3</translation>
    </message>
    <message>
        <source>, %1 line(s) skipped</source>
        <translation>, %1 line(s) skipped</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>Open capture</translation>
    </message>
    <message>
        <source>Captures (*.sqlite *.db *.jsonl);;All files (*)</source>
        <translation>Captures (*.sqlite *.db *.jsonl);;All files (*)</translation>
    </message>
    <message>
        <source>Redacted copy is not available in this build.</source>
        <translation>Redacted copy is not available in this build.</translation>
    </message>
    <message>
        <source>Copy unredacted?</source>
        <translation>Copy unredacted?</translation>
    </message>
    <message numerus="yes">
        <source>The copy will contain response_url, trigger_id and any tokens in the payload. Anyone who gets them can post as the app or open modals. Copy %n envelope(s) unredacted?</source>
        <translation>
            <numerusform>The copy will contain response_url, trigger_id and any tokens in the payload. Anyone who gets them can post as the app or open modals. Copy %n envelope unredacted?</numerusform>
            <numerusform>The copy will contain response_url, trigger_id and any tokens in the payload. Anyone who gets them can post as the app or open modals. Copy %n envelopes unredacted?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n envelope(s), redacted</source>
        <translation>
            <numerusform>Copied %n envelope, redacted</numerusform>
            <numerusform>Copied %n envelopes, redacted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n envelope(s), unredacted</source>
        <translation>
            <numerusform>Copied %n envelope, unredacted</numerusform>
            <numerusform>Copied %n envelopes, unredacted</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: no capture is open.</source>
        <translation>Nothing to export yet: no capture is open.</translation>
    </message>
    <message>
        <source>Rate: %1 env/s</source>
        <translation>Rate: %1 env/s</translation>
    </message>
    <message>
        <source>Ack p50 %1 · p99 %2</source>
        <translation>Ack p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>No envelopes match the filter.</source>
        <translation>No envelopes match the filter.</translation>
    </message>
    <message>
        <source>Connected. Waiting for envelopes…
Run a /nautobot command in Slack, or use the demo workspace&apos;s simulator traffic.</source>
        <translation>Connected. Waiting for envelopes…
Run a /nautobot command in Slack, or use the demo workspace&apos;s simulator traffic.</translation>
    </message>
    <message>
        <source>No envelopes. Connect (Ctrl+K) or open a capture (Ctrl+O).</source>
        <translation>No envelopes. Connect (Ctrl+K) or open a capture (Ctrl+O).</translation>
    </message>
    <message>
        <source>Rows: %1%2%3</source>
        <translation>Rows: %1%2%3</translation>
    </message>
    <message>
        <source> (%1 live filtered out)</source>
        <translation> (%1 live filtered out)</translation>
    </message>
    <message>
        <source> · older rows: scroll to the top</source>
        <translation> · older rows: scroll to the top</translation>
    </message>
    <message>
        <source> · %1 newer envelope(s) not shown while viewing older history (change the filter to return to the tail)</source>
        <translation> · %1 newer envelope(s) not shown while viewing older history (change the filter to return to the tail)</translation>
    </message>
    <message>
        <source>&amp;Set up workspace…</source>
        <translation>&amp;Set up workspace…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>&amp;Edit profile…</translation>
    </message>
    <message>
        <source>&amp;Doctor…</source>
        <translation>&amp;Doctor…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>You are watching the demo workspace: the built-in simulator. Set up a workspace to connect to your own Slack app and Nautobot.</source>
        <translation>You are watching the demo workspace: the built-in simulator. Set up a workspace to connect to your own Slack app and Nautobot.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved. Connect (Ctrl+K) to open its Socket Mode connection.</source>
        <translation>Profile &quot;%1&quot; saved. Connect (Ctrl+K) to open its Socket Mode connection.</translation>
    </message>
    <message>
        <source>No profile to edit yet. Set up a workspace first.</source>
        <translation>No profile to edit yet. Set up a workspace first.</translation>
    </message>
    <message>
        <source>The doctor checks a workspace profile, and there is none yet (the demo workspace needs no checks).</source>
        <translation>The doctor checks a workspace profile, and there is none yet (the demo workspace needs no checks).</translation>
    </message>
    <message>
        <source>Reading the secrets of profile &quot;%1&quot;…</source>
        <translation>Reading the secrets of profile &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>E&amp;nvelope</source>
        <translation>E&amp;nvelope</translation>
    </message>
    <message>
        <source>&amp;Replay to Nautobot…</source>
        <translation>&amp;Replay to Nautobot…</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>&amp;Answer…</translation>
    </message>
    <message>
        <source>Nautobot &amp;REST console…</source>
        <translation>Nautobot &amp;REST console…</translation>
    </message>
    <message>
        <source>Select an envelope first.</source>
        <translation>Select an envelope first.</translation>
    </message>
    <message>
        <source>Replays and answers will not be recorded: %1</source>
        <translation>Replays and answers will not be recorded: %1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>profile %1</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environment</translation>
    </message>
    <message>
        <source>This event has no channel or response_url to answer to.</source>
        <translation>This event has no channel or response_url to answer to.</translation>
    </message>
    <message>
        <source>Looking into it — the *ams01* switches are being checked.</source>
        <translation>Looking into it — the *ams01* switches are being checked.</translation>
    </message>
    <message numerus="yes">
        <source>Search scans the %n envelope(s) of this capture that are not indexed yet (the file cannot be indexed here).</source>
        <translation>
            <numerusform>Search scans the %n envelope of this capture that are not indexed yet (the file cannot be indexed here).</numerusform>
            <numerusform>Search scans the %n envelopes of this capture that are not indexed yet (the file cannot be indexed here).</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing for search…</source>
        <translation>Indexing for search…</translation>
    </message>
    <message>
        <source>Searches find every envelope meanwhile; those not indexed yet are scanned.</source>
        <translation>Searches find every envelope meanwhile; those not indexed yet are scanned.</translation>
    </message>
    <message>
        <source>Indexing for search: %1 %</source>
        <translation>Indexing for search: %1 %</translation>
    </message>
    <message>
        <source>Search index ready.</source>
        <translation>Search index ready.</translation>
    </message>
    <message>
        <source>Could not index this capture for search; search still finds every envelope, more slowly. %1</source>
        <translation>Could not index this capture for search; search still finds every envelope, more slowly. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) acknowledged by a session that stopped abruptly are not in this view: they wait in the capture&apos;s ack journal, and this file cannot be written here. Open it for writing once (for example with socketscope-cli index) to store them.</source>
        <translation>
            <numerusform>%n envelope acknowledged by a session that stopped abruptly are not in this view: they wait in the capture&apos;s ack journal, and this file cannot be written here. Open it for writing once (for example with socketscope-cli index) to store them.</numerusform>
            <numerusform>%n envelopes acknowledged by a session that stopped abruptly are not in this view: they wait in the capture&apos;s ack journal, and this file cannot be written here. Open it for writing once (for example with socketscope-cli index) to store them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) acknowledged by a session that stopped abruptly wait in the capture&apos;s ack journal. They are being stored and appear when that is done.</source>
        <translation>
            <numerusform>%n envelope acknowledged by a session that stopped abruptly wait in the capture&apos;s ack journal. They are being stored and appear when that is done.</numerusform>
            <numerusform>%n envelopes acknowledged by a session that stopped abruptly wait in the capture&apos;s ack journal. They are being stored and appear when that is done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored %n envelope(s) from the capture&apos;s ack journal.</source>
        <translation>
            <numerusform>Stored %n envelope from the capture&apos;s ack journal.</numerusform>
            <numerusform>Stored %n envelopes from the capture&apos;s ack journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>socketscope::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>socketscope::NautobotPage</name>
    <message>
        <source>Optional for watching; Bridge mode and the Nautobot checks need it.</source>
        <translation>Optional for watching; Bridge mode and the Nautobot checks need it.</translation>
    </message>
    <message>
        <source>URL OK.</source>
        <translation>URL OK.</translation>
    </message>
    <message>
        <source>Stored in the keychain; leave empty to keep it.</source>
        <translation>Stored in the keychain; leave empty to keep it.</translation>
    </message>
    <message>
        <source>Optional: the doctor checks the token and its permissions with it.</source>
        <translation>Optional: the doctor checks the token and its permissions with it.</translation>
    </message>
</context>
<context>
    <name>socketscope::NetworkPage</name>
    <message>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>None: TLS is verified against the system CAs only.</source>
        <translation>None: TLS is verified against the system CAs only.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted in addition to the system CAs.</source>
        <translation>
            <numerusform>%n certificate will be trusted in addition to the system CAs.</numerusform>
            <numerusform>%n certificates will be trusted in addition to the system CAs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host and port.</source>
        <translation>Enter the proxy&apos;s host and port.</translation>
    </message>
    <message>
        <source>A proxy password needs a user name.</source>
        <translation>A proxy password needs a user name.</translation>
    </message>
</context>
<context>
    <name>socketscope::ProfileConnector</name>
    <message>
        <source>SOCKETSCOPE_SLACK_API_URL: %1</source>
        <translation>SOCKETSCOPE_SLACK_API_URL: %1</translation>
    </message>
    <message>
        <source>Bridge mode needs the Nautobot URL of profile &quot;%1&quot;.</source>
        <translation>Bridge mode needs the Nautobot URL of profile &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Set it with Connection → Edit profile…, or connect in Dedicated mode.</source>
        <translation>Set it with Connection → Edit profile…, or connect in Dedicated mode.</translation>
    </message>
    <message>
        <source>The CA bundle of profile &quot;%1&quot;: %2</source>
        <translation>The CA bundle of profile &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>No %1 for profile &quot;%2&quot; in the keychain.</source>
        <translation>No %1 for profile &quot;%2&quot; in the keychain.</translation>
    </message>
    <message>
        <source>No %1 for profile &quot;%2&quot;: it is not in the keychain and %3 is not set.</source>
        <translation>No %1 for profile &quot;%2&quot;: it is not in the keychain and %3 is not set.</translation>
    </message>
    <message>
        <source>Enter it with Connection → Edit profile….</source>
        <translation>Enter it with Connection → Edit profile….</translation>
    </message>
    <message>
        <source>Enter it with Connection → Edit profile…, or set %1.</source>
        <translation>Enter it with Connection → Edit profile…, or set %1.</translation>
    </message>
    <message>
        <source>The %1 of profile &quot;%2&quot; could not be read: %3</source>
        <translation>The %1 of profile &quot;%2&quot; could not be read: %3</translation>
    </message>
</context>
<context>
    <name>socketscope::ProfilePage</name>
    <message>
        <source>Give the workspace a short name.</source>
        <translation>Give the workspace a short name.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists. Pick another name, or use Connection → Edit profile… to change it.</source>
        <translation>A profile named &quot;%1&quot; exists. Pick another name, or use Connection → Edit profile… to change it.</translation>
    </message>
</context>
<context>
    <name>socketscope::ReplayDialog</name>
    <message>
        <source>I understand this runs the command in Nautobot</source>
        <translation>I understand this runs the command in Nautobot</translation>
    </message>
    <message>
        <source>&amp;Send replay</source>
        <translation>&amp;Send replay</translation>
    </message>
    <message>
        <source>Replay to Nautobot — %1</source>
        <translation>Replay to Nautobot — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · to %3%4</source>
        <translation>%1 · %2 · to %3%4</translation>
    </message>
    <message>
        <source>(no Nautobot URL)</source>
        <translation>(no Nautobot URL)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Command text, e.g. get-devices location ams01</source>
        <translation>Command text, e.g. get-devices location ams01</translation>
    </message>
    <message>
        <source>%1 text:</source>
        <translation>%1 text:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Command text</source>
        <translation>Command text</translation>
    </message>
    <message>
        <source>Payload JSON</source>
        <translation>Payload JSON</translation>
    </message>
    <message>
        <source>Edit before sending (re-signed on every change):</source>
        <translation>Edit before sending (re-signed on every change):</translation>
    </message>
    <message>
        <source>Request (secrets masked):</source>
        <translation>Request (secrets masked):</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</translation>
    </message>
    <message>
        <source>No Slack signing secret: store it in the profile&apos;s keychain entry or set SOCKETSCOPE_SLACK_SIGNING_SECRET. Nautobot rejects unsigned requests.</source>
        <translation>No Slack signing secret: store it in the profile&apos;s keychain entry or set SOCKETSCOPE_SLACK_SIGNING_SECRET. Nautobot rejects unsigned requests.</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Fix the edit first.</source>
        <translation>Fix the edit first.</translation>
    </message>
    <message>
        <source>Tick the confirmation first.</source>
        <translation>Tick the confirmation first.</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Sending to %1…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 ms
%4</source>
        <translation>%1 · %2 · %3 ms
%4</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>no HTTP answer</translation>
    </message>
    <message>
        <source>
Body: %1</source>
        <translation>
Body: %1</translation>
    </message>
    <message>
        <source>
Not recorded in the capture: %1</source>
        <translation>
Not recorded in the capture: %1</translation>
    </message>
</context>
<context>
    <name>socketscope::RestConsoleDialog</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Nautobot REST console — %1</source>
        <translation>Nautobot REST console — %1</translation>
    </message>
    <message>
        <source>JSON body for PATCH / POST, e.g. {&quot;status&quot;: &quot;Planned&quot;}</source>
        <translation>JSON body for PATCH / POST, e.g. {&quot;status&quot;: &quot;Planned&quot;}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Raw JSON</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</translation>
    </message>
    <message>
        <source>Token from %1. GET runs at once; PATCH, POST and DELETE ask you to confirm by name.</source>
        <translation>Token from %1. GET runs at once; PATCH, POST and DELETE ask you to confirm by name.</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>the environment</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Body: a JSON object is needed.</source>
        <translation>Body: a JSON object is needed.</translation>
    </message>
    <message>
        <source>Reading what %1 would change…</source>
        <translation>Reading what %1 would change…</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <source>%1 %2 changes data in Nautobot.
Type “%3” to confirm:</source>
        <translation>%1 %2 changes data in Nautobot.
Type “%3” to confirm:</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>Send %1</translation>
    </message>
    <message>
        <source>Refused: %1 was not confirmed; nothing was sent.</source>
        <translation>Refused: %1 was not confirmed; nothing was sent.</translation>
    </message>
    <message>
        <source>Running %1 %2…</source>
        <translation>Running %1 %2…</translation>
    </message>
    <message>
        <source>Refused, nothing was sent: %1</source>
        <translation>Refused, nothing was sent: %1</translation>
    </message>
    <message>
        <source>%1 %2 → HTTP %3 · %4 row(s)%5 · %6 ms</source>
        <translation>%1 %2 → HTTP %3 · %4 row(s)%5 · %6 ms</translation>
    </message>
    <message>
        <source> (truncated)</source>
        <translation> (truncated)</translation>
    </message>
</context>
<context>
    <name>socketscope::SetupWizard</name>
    <message>
        <source>Set up a workspace</source>
        <translation>Set up a workspace</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Edit profile %1</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>stored in the keychain; type to replace</translation>
    </message>
    <message>
        <source>The checks have not finished yet.</source>
        <translation>The checks have not finished yet.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Choose a folder you can write to.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation>The profile was not saved: %1</translation>
    </message>
    <message>
        <source>Storing the secrets in the keychain…</source>
        <translation>Storing the secrets in the keychain…</translation>
    </message>
    <message>
        <source>The profile was saved, but its %1 was not stored: %2 Nothing was written anywhere else; until the keychain works, set the SOCKETSCOPE_* environment variables instead.</source>
        <translation>The profile was saved, but its %1 was not stored: %2 Nothing was written anywhere else; until the keychain works, set the SOCKETSCOPE_* environment variables instead.</translation>
    </message>
</context>
<context>
    <name>socketscope::SimWorker</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1: %1</source>
        <translation>The built-in simulator could not listen on 127.0.0.1: %1</translation>
    </message>
</context>
<context>
    <name>socketscope::SlackPage</name>
    <message>
        <source>Stored in the keychain; leave empty to keep it.</source>
        <translation>Stored in the keychain; leave empty to keep it.</translation>
    </message>
    <message>
        <source>Required: SocketScope opens its Socket Mode connection with it.</source>
        <translation>Required: SocketScope opens its Socket Mode connection with it.</translation>
    </message>
    <message>
        <source>Optional: the doctor uses it for auth.test and the scope checks.</source>
        <translation>Optional: the doctor uses it for auth.test and the scope checks.</translation>
    </message>
    <message>
        <source>Optional for Dedicated mode; Bridge mode needs it.</source>
        <translation>Optional for Dedicated mode; Bridge mode needs it.</translation>
    </message>
</context>
<context>
    <name>socketscope::SummaryPage</name>
    <message>
        <source>Export doctor report</source>
        <translation>Export doctor report</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;All files (*)</translation>
    </message>
    <message>
        <source>Report saved (secrets redacted).</source>
        <translation>Report saved (secrets redacted).</translation>
    </message>
    <message>
        <source>Every check passed or did not apply. Save the profile &quot;%1&quot; and connect.</source>
        <translation>Every check passed or did not apply. Save the profile &quot;%1&quot; and connect.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n check failed</numerusform>
            <numerusform>%n checks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>. You can save the profile now and fix these later; Tools → Doctor… runs the checks again.</source>
        <translation>. You can save the profile now and fix these later; Tools → Doctor… runs the checks again.</translation>
    </message>
    <message>
        <source>Fail:</source>
        <translation>Fail:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Fix:</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing to fix.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nothing to fix.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What will be saved</source>
        <translation>What will be saved</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; (%2 mode) in %3; secrets in the system keychain under service &quot;SocketScope&quot;.</source>
        <translation>Profile &quot;%1&quot; (%2 mode) in %3; secrets in the system keychain under service &quot;SocketScope&quot;.</translation>
    </message>
</context>
</TS>
