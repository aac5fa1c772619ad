<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
<context>
    <name>socketscope::EngineWorker</name>
    <message>
        <source>Could not open the capture %1: %2</source>
        <translation>Could not open the capture %1: %2</translation>
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
        <source>No Slack app-level token for profile &quot;%1&quot;. Set SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…) or start with --demo to use the built-in simulator.</source>
        <translation>No Slack app-level token for profile &quot;%1&quot;. Set SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…) or start with --demo to use the built-in simulator.</translation>
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
</context>
<context>
    <name>socketscope::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>socketscope::SimWorker</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1: %1</source>
        <translation>The built-in simulator could not listen on 127.0.0.1: %1</translation>
    </message>
</context>
</TS>
