<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>SocketScope</source>
        <translation>SocketScope</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Open capture…</source>
        <translation>Mitschnitt &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open a capture (SQLite or JSONL)</source>
        <translation>Einen Mitschnitt öffnen (SQLite oder JSONL)</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Export to JSONL…</source>
        <translation>Als JSONL &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the selected or filtered envelopes to JSONL (redacted by default)</source>
        <translation>Die ausgewählten oder gefilterten Envelopes als JSONL exportieren (standardmäßig geschwärzt)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy as redacted JSON</source>
        <translation>Als geschwärztes JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected envelopes with secrets masked</source>
        <translation>Die ausgewählten Envelopes mit maskierten Geheimnissen kopieren</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Copy &amp;unredacted JSON…</source>
        <translation>&amp;Ungeschwärztes JSON kopieren…</translation>
    </message>
    <message>
        <source>Copy the selected envelopes as captured, secrets included (asks first)</source>
        <translation>Die ausgewählten Envelopes wie mitgeschnitten kopieren, samt Geheimnissen (fragt vorher nach)</translation>
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
        <translation>Zum Filter springen (Strg+F oder /)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Next envelope</source>
        <translation>&amp;Nächstes Envelope</translation>
    </message>
    <message>
        <source>Next envelope (J or Ctrl+Down)</source>
        <translation>Nächstes Envelope (J oder Strg+Ab)</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>&amp;Previous envelope</source>
        <translation>&amp;Vorheriges Envelope</translation>
    </message>
    <message>
        <source>Previous envelope (K or Ctrl+Up)</source>
        <translation>Vorheriges Envelope (K oder Strg+Auf)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect or disconnect (Ctrl+K)</source>
        <translation>Verbinden oder trennen (Strg+K)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Clear &amp;live view</source>
        <translation>Live-Ansicht &amp;leeren</translation>
    </message>
    <message>
        <source>Clear the table (the capture keeps everything)</source>
        <translation>Die Tabelle leeren (der Mitschnitt behält alles)</translation>
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
        <translation>Über SocketScope</translation>
    </message>
    <message>
        <source>Socket Mode inspector and operator console for Nautobot ChatOps on Slack.</source>
        <translation>Socket-Mode-Inspektor und Bedienkonsole für Nautobot ChatOps auf Slack.</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (gebaut mit %2)</translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation>QtKeychain:</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Plattform:</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Ein Problem melden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SocketScope</source>
        <translation>&amp;Über SocketScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>socketscope::AckHistogram</name>
    <message>
        <source>Ack latency vs 3 s deadline: no acks yet</source>
        <translation>Ack-Latenz gegenüber der 3-s-Frist: noch keine Acks</translation>
    </message>
    <message>
        <source>Ack latency, %1 acks: p50 %2, p99 %3, %4 over 3 s</source>
        <translation>Ack-Latenz, %1 Acks: p50 %2, p99 %3, %4 über 3 s</translation>
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
        <translation>Farben:</translation>
    </message>
</context>
<context>
    <name>socketscope::ConnectionBar</name>
    <message>
        <source>Workspace profile</source>
        <translation>Workspace-Profil</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>Exklusiv</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Dedicated: for a dev/test app; every envelope is acked, nothing is answered.
Bridge: envelopes are re-delivered, signed, to Nautobot so users still get answers.</source>
        <translation>Exklusiv: für eine Entwicklungs-/Test-App; jedes Envelope wird bestätigt (ack), nichts wird beantwortet.
Bridge: Envelopes werden signiert erneut an Nautobot zugestellt, damit Benutzer weiterhin Antworten erhalten.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect / disconnect (Ctrl+K)</source>
        <translation>Verbinden / trennen (Strg+K)</translation>
    </message>
    <message>
        <source>Demo workspace — built-in simulator</source>
        <translation>Demo-Workspace — eingebauter Simulator</translation>
    </message>
    <message>
        <source>No Slack token is used: a simulator on 127.0.0.1 sends sample envelopes.</source>
        <translation>Es wird kein Slack-Token verwendet: Ein Simulator auf 127.0.0.1 sendet Beispiel-Envelopes.</translation>
    </message>
    <message>
        <source>Links that received hello and are open</source>
        <translation>Links, die hello erhalten haben und offen sind</translation>
    </message>
    <message>
        <source>hello.num_connections: every consumer of this Slack app, SocketScope included</source>
        <translation>hello.num_connections: alle Verbraucher dieser Slack-App, SocketScope eingeschlossen</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo-Workspace</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
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
        <translation>Neuverbindungen: %1</translation>
    </message>
    <message>
        <source>Up: —</source>
        <translation>Verbunden seit: —</translation>
    </message>
    <message>
        <source>Up: %1:%2:%3</source>
        <translation>Verbunden seit: %1:%2:%3</translation>
    </message>
    <message>
        <source>⚠ hello.num_connections is %1: other consumers share this Slack app. Slack gives each envelope to one connection, so commands SocketScope receives get no answer unless Bridge mode is on.</source>
        <translation>⚠ hello.num_connections ist %1: Andere Verbraucher teilen sich diese Slack-App. Slack stellt jedes Envelope nur einer Verbindung zu, daher erhalten Befehle, die SocketScope empfängt, keine Antwort, solange der Bridge-Modus nicht eingeschaltet ist.</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde neu</translation>
    </message>
    <message>
        <source>Backing off</source>
        <translation>Warte vor neuem Versuch</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
</context>
<context>
    <name>socketscope::DetailPane</name>
    <message>
        <source>JSON tree</source>
        <translation>JSON-Baum</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>What Slack would have POSTed to Nautobot ChatOps over HTTP (unsigned: signed re-delivery adds X-Slack-Request-Timestamp and X-Slack-Signature over this body).</source>
        <translation>Was Slack per HTTP-POST an Nautobot ChatOps gesendet hätte (unsigniert: die signierte erneute Zustellung fügt X-Slack-Request-Timestamp und X-Slack-Signature über diesen Body hinzu).</translation>
    </message>
    <message>
        <source>HTTP form</source>
        <translation>HTTP-Formular</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Find in raw JSON (Enter: next, Shift+Enter: previous)</source>
        <translation>Im rohen JSON suchen (Eingabe: nächster, Umschalt+Eingabe: vorheriger Treffer)</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Select an envelope to see its timing.</source>
        <translation>Ein Envelope auswählen, um seinen Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>// not JSON: %1 at offset %2
</source>
        <translation>// kein JSON: %1 bei Offset %2
</translation>
    </message>
    <message>
        <source>&lt;b&gt;not acked&lt;/b&gt;: Slack retries events_api envelopes after 3 s; commands and interactions fail for the user</source>
        <translation>&lt;b&gt;nicht bestätigt (kein Ack)&lt;/b&gt;: Slack wiederholt events_api-Envelopes nach 3 s; Befehle und Interaktionen schlagen für den Benutzer fehl</translation>
    </message>
    <message>
        <source>&lt;b&gt;over the 3 s deadline&lt;/b&gt; by %1</source>
        <translation>&lt;b&gt;über der 3-s-Frist&lt;/b&gt; um %1</translation>
    </message>
    <message>
        <source>%1 % of the 3 s deadline used; %2 to spare</source>
        <translation>%1 % der 3-s-Frist verbraucht; %2 Reserve</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Received&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Committed&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;(+%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Acked&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;(+%5 after commit)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ack latency&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Deadline&lt;/td&gt;&lt;td colspan=2&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Retry&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Duplicate&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Empfangen&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gespeichert&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;td&gt;(+%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Bestätigt (Ack)&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;(+%5 nach dem Speichern)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ack-Latenz&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Frist&lt;/td&gt;&lt;td colspan=2&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Wiederholung&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Duplikat&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>attempt %1 (%2)</source>
        <translation>Versuch %1 (%2)</translation>
    </message>
    <message>
        <source>first delivery</source>
        <translation>erste Zustellung</translation>
    </message>
    <message>
        <source>yes: same event_id or envelope_id seen before</source>
        <translation>ja: gleiche event_id oder envelope_id schon gesehen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link %1&lt;/b&gt; of session %2&lt;br&gt;</source>
        <translation>&lt;b&gt;Link %1&lt;/b&gt; der Sitzung %2&lt;br&gt;</translation>
    </message>
    <message>
        <source>Envelope id: %1&lt;br&gt;accepts_response_payload: %2&lt;br&gt;&lt;br&gt;</source>
        <translation>Envelope-ID: %1&lt;br&gt;accepts_response_payload: %2&lt;br&gt;&lt;br&gt;</translation>
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
        <translation>&lt;table cellspacing=3&gt;&lt;tr&gt;&lt;th align=left&gt;Zeit&lt;/th&gt;&lt;th align=left&gt;Ereignis&lt;/th&gt;&lt;th align=left&gt;Detail&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>No lifecycle events recorded for this link.</source>
        <translation>Für diesen Link wurden keine Lebenszyklus-Ereignisse aufgezeichnet.</translation>
    </message>
    <message>
        <source>Copied the value of %1</source>
        <translation>Wert von %1 kopiert</translation>
    </message>
    <message>
        <source>Copied path %1</source>
        <translation>Pfad %1 kopiert</translation>
    </message>
</context>
<context>
    <name>socketscope::EngineWorker</name>
    <message>
        <source>Could not open the capture %1: %2</source>
        <translation>Der Mitschnitt %1 konnte nicht geöffnet werden: %2</translation>
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
        <translation>Nach der 3-s-Frist von Slack bestätigt: Der Benutzer sah einen Fehler oder Slack wiederholt</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Ohne Ack</translation>
    </message>
    <message>
        <source>Never acked within 3 s: Slack retries events; commands fail for the user</source>
        <translation>Nicht innerhalb von 3 s bestätigt: Slack wiederholt Events; Befehle schlagen für den Benutzer fehl</translation>
    </message>
    <message>
        <source>Ack ≥ 1 s</source>
        <translation>Ack ≥ 1 s</translation>
    </message>
    <message>
        <source>Acked late (1–3 s): close to the deadline</source>
        <translation>Spät bestätigt (1–3 s): knapp an der Frist</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Same event_id or envelope_id seen before in this capture</source>
        <translation>Gleiche event_id oder envelope_id schon früher in diesem Mitschnitt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>retry_attempt &gt; 0: Slack re-sent an unacked event</source>
        <translation>retry_attempt &gt; 0: Slack hat ein unbestätigtes Event erneut gesendet</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Unbekannter Typ</translation>
    </message>
    <message>
        <source>Envelope type other than events_api, slash_commands, interactive (kept raw)</source>
        <translation>Envelope-Typ außer events_api, slash_commands, interactive (unverändert aufbewahrt)</translation>
    </message>
</context>
<context>
    <name>socketscope::EnvelopeTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Command / event</source>
        <translation>Befehl / Ereignis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
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
        <translation>Wiederh. / Dup.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Receive → ack sent, milliseconds; Slack&apos;s deadline is 3000 ms</source>
        <translation>Empfang → Ack gesendet, in Millisekunden; die Frist von Slack beträgt 3000 ms</translation>
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
        <translation>Ausgewählte Envelopes (%1)</translation>
    </message>
    <message>
        <source>All envelopes in the capture</source>
        <translation>Alle Envelopes im Mitschnitt</translation>
    </message>
    <message>
        <source>All envelopes matching the filter: %1</source>
        <translation>Alle Envelopes, die zum Filter passen: %1</translation>
    </message>
    <message>
        <source>Redact secrets (response_url, trigger_id, tokens)</source>
        <translation>Geheimnisse schwärzen (response_url, trigger_id, Tokens)</translation>
    </message>
    <message>
        <source>Export to JSONL</source>
        <translation>Als JSONL exportieren</translation>
    </message>
    <message>
        <source>Preview of what leaves this machine (first envelopes):</source>
        <translation>Vorschau dessen, was diesen Rechner verlässt (erste Envelopes):</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Redaction is not available in this build yet, so a redacted export cannot be made. Untick it only if the file stays with people allowed to see these secrets.</source>
        <translation>Schwärzen ist in diesem Build noch nicht verfügbar, daher kann kein geschwärzter Export erstellt werden. Die Option nur abwählen, wenn die Datei bei Personen bleibt, die diese Geheimnisse sehen dürfen.</translation>
    </message>
    <message>
        <source>⚠ Unredacted: the file will contain response_url and trigger_id values that let anyone post as the app for 30 minutes, plus any tokens in the payloads.</source>
        <translation>⚠ Ungeschwärzt: Die Datei enthält response_url- und trigger_id-Werte, mit denen jeder 30 Minuten lang als die App posten kann, dazu alle Tokens in den Payloads.</translation>
    </message>
    <message>
        <source>(no preview: redaction unavailable)</source>
        <translation>(keine Vorschau: Schwärzen nicht verfügbar)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1 envelope(s) to %2%3</source>
        <translation>%1 Envelope(s) nach %2 exportiert%3</translation>
    </message>
    <message>
        <source> (redacted)</source>
        <translation> (geschwärzt)</translation>
    </message>
    <message>
        <source> (unredacted)</source>
        <translation> (ungeschwärzt)</translation>
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
        <translation>slash_commands-Envelopes</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>interactive envelopes (block_actions, view_submission, …)</source>
        <translation>interactive-Envelopes (block_actions, view_submission, …)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>events_api envelopes (app_mention, message, …)</source>
        <translation>events_api-Envelopes (app_mention, message, …)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>envelopes of any other type (kept raw)</source>
        <translation>Envelopes jedes anderen Typs (unverändert aufbewahrt)</translation>
    </message>
    <message>
        <source>Filter: type:slash_commands user:U123 command:/nautobot ack&gt;1000 retry dup unacked &quot;text&quot;   (Ctrl+F or /)</source>
        <translation>Filter: type:slash_commands user:U123 command:/nautobot ack&gt;1000 retry dup unacked &quot;Text&quot;   (Strg+F oder /)</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>type:… user:… channel:… command:… event:… text:&quot;…&quot; ack&gt;ms ack&lt;=ms retry dup unacked acked; ! negates</source>
        <translation>type:… user:… channel:… command:… event:… text:&quot;…&quot; ack&gt;ms ack&lt;=ms retry dup unacked acked; ! verneint</translation>
    </message>
    <message>
        <source>Save current filter</source>
        <translation>Aktuellen Filter speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>socketscope::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
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
geöffnet %2
hello %3
disconnect %4 %5
geschlossen %6 %7</translation>
    </message>
    <message>
        <source>No links yet: connect to see each link&apos;s life here</source>
        <translation>Noch keine Links: Verbinden, um hier den Lebenslauf jedes Links zu sehen</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>Link %1</translation>
    </message>
</context>
<context>
    <name>socketscope::MainWindow</name>
    <message>
        <source>Redacted copy needs the capture Redactor, which is not in this build yet</source>
        <translation>Die geschwärzte Kopie braucht den Redactor des Mitschnitts, der in diesem Build noch fehlt</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>No Slack app-level token for profile &quot;%1&quot;. Set SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…) or start with --demo to use the built-in simulator.</source>
        <translation>Kein Slack-App-Level-Token für das Profil „%1“. SOCKETSCOPE_SLACK_APP_TOKEN (xapp-…) setzen oder mit --demo starten, um den eingebauten Simulator zu verwenden.</translation>
    </message>
    <message>
        <source>Could not read the capture %1: %2</source>
        <translation>Der Mitschnitt %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Viewing %1 (read-only).</source>
        <translation>Anzeige von %1 (schreibgeschützt).</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported %1 envelope(s) from %2%3</source>
        <translation>%1 Envelope(s) aus %2 importiert%3</translation>
    </message>
    <message>
        <source>, %1 line(s) skipped</source>
        <translation>, %1 Zeile(n) übersprungen</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>Mitschnitt öffnen</translation>
    </message>
    <message>
        <source>Captures (*.sqlite *.db *.jsonl);;All files (*)</source>
        <translation>Mitschnitte (*.sqlite *.db *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Redacted copy is not available in this build.</source>
        <translation>Die geschwärzte Kopie ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>Copy unredacted?</source>
        <translation>Ungeschwärzt kopieren?</translation>
    </message>
    <message numerus="yes">
        <source>The copy will contain response_url, trigger_id and any tokens in the payload. Anyone who gets them can post as the app or open modals. Copy %n envelope(s) unredacted?</source>
        <translation>
            <numerusform>Die Kopie enthält response_url, trigger_id und alle Tokens im Payload. Wer sie erhält, kann als die App posten oder Modals öffnen. %n Envelope ungeschwärzt kopieren?</numerusform>
            <numerusform>Die Kopie enthält response_url, trigger_id und alle Tokens im Payload. Wer sie erhält, kann als die App posten oder Modals öffnen. %n Envelopes ungeschwärzt kopieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n envelope(s), redacted</source>
        <translation>
            <numerusform>%n Envelope kopiert, geschwärzt</numerusform>
            <numerusform>%n Envelopes kopiert, geschwärzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n envelope(s), unredacted</source>
        <translation>
            <numerusform>%n Envelope kopiert, ungeschwärzt</numerusform>
            <numerusform>%n Envelopes kopiert, ungeschwärzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: no capture is open.</source>
        <translation>Noch nichts zu exportieren: Kein Mitschnitt ist geöffnet.</translation>
    </message>
    <message>
        <source>Rate: %1 env/s</source>
        <translation>Rate: %1 Env./s</translation>
    </message>
    <message>
        <source>Ack p50 %1 · p99 %2</source>
        <translation>Ack p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>No envelopes match the filter.</source>
        <translation>Keine Envelopes passen zum Filter.</translation>
    </message>
    <message>
        <source>Connected. Waiting for envelopes…
Run a /nautobot command in Slack, or use the demo workspace&apos;s simulator traffic.</source>
        <translation>Verbunden. Warte auf Envelopes…
Einen /nautobot-Befehl in Slack ausführen oder den Simulator-Verkehr des Demo-Workspace nutzen.</translation>
    </message>
    <message>
        <source>No envelopes. Connect (Ctrl+K) or open a capture (Ctrl+O).</source>
        <translation>Keine Envelopes. Verbinden (Strg+K) oder einen Mitschnitt öffnen (Strg+O).</translation>
    </message>
    <message>
        <source>Rows: %1%2%3</source>
        <translation>Zeilen: %1%2%3</translation>
    </message>
    <message>
        <source> (%1 live filtered out)</source>
        <translation> (%1 live herausgefiltert)</translation>
    </message>
    <message>
        <source> · older rows: scroll to the top</source>
        <translation> · ältere Zeilen: nach oben scrollen</translation>
    </message>
    <message>
        <source> · %1 newer envelope(s) not shown while viewing older history (change the filter to return to the tail)</source>
        <translation> · %1 neuere(s) Envelope(s) werden beim Ansehen älterer Einträge nicht gezeigt (Filter ändern, um zum Ende zurückzukehren)</translation>
    </message>
</context>
<context>
    <name>socketscope::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>socketscope::SimWorker</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1: %1</source>
        <translation>Der eingebaute Simulator konnte nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
</context>
</TS>
