<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DoctorWindow</name>
    <message>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <source>Secrets are redacted</source>
        <translation>Geheimnisse sind geschwärzt</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the report as Markdown, secrets redacted</source>
        <translation>Den Bericht als Markdown speichern, Geheimnisse geschwärzt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
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
    <message>
        <source>Format OK (surrounding whitespace will be removed).</source>
        <translation>Format in Ordnung (umgebende Leerzeichen werden entfernt).</translation>
    </message>
    <message>
        <source>Format OK.</source>
        <translation>Format in Ordnung.</translation>
    </message>
</context>
<context>
    <name>WizardDoctorPage</name>
    <message>
        <source>Check the setup</source>
        <translation>Einrichtung prüfen</translation>
    </message>
    <message>
        <source>Every check runs against the values you entered. Nothing is saved yet.</source>
        <translation>Jede Prüfung verwendet die eingegebenen Werte. Noch wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
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
        <translation>Die Nautobot-Instanz, auf der die ChatOps-App läuft. Der Doctor prüft ihre REST-API, die ChatOps-Endpunkte und die Worker.</translation>
    </message>
    <message>
        <source>Nautobot &amp;URL:</source>
        <translation>Nautobot-&amp;URL:</translation>
    </message>
    <message>
        <source>https://nautobot.example.com/</source>
        <translation>https://nautobot.example.com/</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>40 hex characters</source>
        <translation>40 Hexadezimalzeichen</translation>
    </message>
    <message>
        <source>In Nautobot: your user menu → Profile → API Tokens → Add a token. Read-only is enough for the checks; replay and hand-answers need write access.</source>
        <translation>In Nautobot: Ihr Benutzermenü → Profile → API Tokens → Add a token. Für die Prüfungen genügt Lesezugriff; erneutes Senden und Antworten von Hand brauchen Schreibzugriff.</translation>
    </message>
</context>
<context>
    <name>WizardNetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>How SocketScope reaches Slack and Nautobot. NO_PROXY still applies to an explicit proxy.</source>
        <translation>Wie SocketScope Slack und Nautobot erreicht. NO_PROXY gilt auch für einen explizit angegebenen Proxy.</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>System (environment variables, then OS settings)</source>
        <translation>System (Umgebungsvariablen, dann Betriebssystem-Einstellungen)</translation>
    </message>
    <message>
        <source>None (direct)</source>
        <translation>Keiner (direkt)</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP-Proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5-Proxy</translation>
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
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>empty = no proxy authentication</source>
        <translation>leer = keine Proxy-Authentifizierung</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA-Bundle:</translation>
    </message>
    <message>
        <source>optional PEM file or folder (a TLS-inspecting proxy or private CA)</source>
        <translation>optionale PEM-Datei oder optionaler Ordner (für einen TLS-prüfenden Proxy oder eine private CA)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>WizardProfilePage</name>
    <message>
        <source>Name the workspace</source>
        <translation>Workspace benennen</translation>
    </message>
    <message>
        <source>A profile holds one Slack app and one Nautobot. Its secrets go to the system keychain, never to a file.</source>
        <translation>Ein Profil umfasst eine Slack-App und eine Nautobot-Instanz. Seine Geheimnisse kommen in den System-Schlüsselbund, nie in eine Datei.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>e.g. prod-nautobot</source>
        <translation>z. B. prod-nautobot</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>Dedicated (a dev/test Slack app)</source>
        <translation>Exklusiv (eine Entwicklungs-/Test-Slack-App)</translation>
    </message>
    <message>
        <source>Bridge (share a production app)</source>
        <translation>Bridge (eine Produktiv-App mitbenutzen)</translation>
    </message>
    <message>
        <source>Dedicated acknowledges every envelope at once; use it with a Slack app of its own. Bridge also re-delivers each envelope, signed, to Nautobot, so users still get answers while you watch a production app.</source>
        <translation>Exklusiv bestätigt jedes Envelope sofort (ack); verwenden Sie es mit einer eigenen Slack-App. Bridge stellt außerdem jedes Envelope signiert erneut an Nautobot zu, sodass Benutzer weiterhin Antworten erhalten, während Sie eine Produktiv-App beobachten.</translation>
    </message>
</context>
<context>
    <name>WizardSlackPage</name>
    <message>
        <source>Slack tokens</source>
        <translation>Slack-Tokens</translation>
    </message>
    <message>
        <source>From your Slack app settings at https://api.slack.com/apps (pick the app Nautobot uses, or a dev copy of it).</source>
        <translation>Aus den Einstellungen Ihrer Slack-App unter https://api.slack.com/apps (wählen Sie die App, die Nautobot verwendet, oder eine Entwicklungskopie davon).</translation>
    </message>
    <message>
        <source>&amp;App-level token:</source>
        <translation>&amp;App-Level-Token:</translation>
    </message>
    <message>
        <source>xapp-…</source>
        <translation>xapp-…</translation>
    </message>
    <message>
        <source>Basic Information → App-Level Tokens → Generate Token and Scopes, with the connections:write scope. Starts with xapp-.</source>
        <translation>Basic Information → App-Level Tokens → Generate Token and Scopes, mit dem Scope connections:write. Beginnt mit xapp-.</translation>
    </message>
    <message>
        <source>&amp;Bot token:</source>
        <translation>&amp;Bot-Token:</translation>
    </message>
    <message>
        <source>xoxb-…</source>
        <translation>xoxb-…</translation>
    </message>
    <message>
        <source>OAuth &amp; Permissions → OAuth Tokens → Bot User OAuth Token. Starts with xoxb-.</source>
        <translation>OAuth &amp; Permissions → OAuth Tokens → Bot User OAuth Token. Beginnt mit xoxb-.</translation>
    </message>
    <message>
        <source>&amp;Signing secret:</source>
        <translation>&amp;Signing Secret:</translation>
    </message>
    <message>
        <source>32 hex characters</source>
        <translation>32 Hexadezimalzeichen</translation>
    </message>
    <message>
        <source>Basic Information → App Credentials → Signing Secret (Show). Needed for Bridge mode and the signature check.</source>
        <translation>Basic Information → App Credentials → Signing Secret (Show). Nötig für den Bridge-Modus und die Signaturprüfung.</translation>
    </message>
    <message>
        <source>Slack &amp;API URL:</source>
        <translation>Slack-&amp;API-URL:</translation>
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
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Save the profile: its settings go to the profile store and its secrets to the system keychain.</source>
        <translation>Das Profil speichern: Seine Einstellungen kommen in den Profilspeicher, seine Geheimnisse in den System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Save the doctor report as Markdown, secrets redacted</source>
        <translation>Den Doctor-Bericht als Markdown speichern, Geheimnisse geschwärzt</translation>
    </message>
</context>
<context>
    <name>sim</name>
    <message>
        <source>demo simulator</source>
        <translation>Demo-Simulator</translation>
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
    <name>socketscope::AnswerDialog</name>
    <message>
        <source>Ephemeral</source>
        <translation>Nur für den Benutzer (ephemeral)</translation>
    </message>
    <message>
        <source>In channel</source>
        <translation>Im Kanal</translation>
    </message>
    <message>
        <source>Replace original</source>
        <translation>Original ersetzen</translation>
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
        <translation>Antwort &amp;senden</translation>
    </message>
    <message>
        <source>Answer from &amp;Nautobot</source>
        <translation>Antwort von &amp;Nautobot</translation>
    </message>
    <message>
        <source>&amp;Use as reply</source>
        <translation>Als Antwort &amp;übernehmen</translation>
    </message>
    <message>
        <source>Answer — %1 %2</source>
        <translation>Antworten — %1 %2</translation>
    </message>
    <message>
        <source>Plain text (Slack mrkdwn)</source>
        <translation>Klartext (Slack-mrkdwn)</translation>
    </message>
    <message>
        <source>{&quot;blocks&quot;: [...]} or a bare array of blocks, as Block Kit Builder copies them</source>
        <translation>{&quot;blocks&quot;: [...]} oder ein bloßes Array von Blocks, so wie der Block Kit Builder sie kopiert</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Block Kit JSON</source>
        <translation>Block-Kit-JSON</translation>
    </message>
    <message>
        <source>chat.postMessage to %1</source>
        <translation>chat.postMessage an %1</translation>
    </message>
    <message>
        <source>chat.postMessage (no channel)</source>
        <translation>chat.postMessage (kein Kanal)</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Senden an</translation>
    </message>
    <message>
        <source>%1 · %2 · user %3 · channel %4</source>
        <translation>%1 · %2 · Benutzer %3 · Kanal %4</translation>
    </message>
    <message>
        <source>No /nautobot command in this envelope: %1</source>
        <translation>Kein /nautobot-Befehl in diesem Envelope: %1</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>Keine Nautobot-URL: Legen Sie sie im Profil oder in SOCKETSCOPE_NAUTOBOT_URL fest.</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <source>no response_url in this envelope</source>
        <translation>keine response_url in diesem Envelope</translation>
    </message>
    <message>
        <source>budget unknown (no capture open)</source>
        <translation>Kontingent unbekannt (kein Mitschnitt geöffnet)</translation>
    </message>
    <message>
        <source>uses left %1 of %2 · %3 min left</source>
        <translation>noch %1 von %2 Verwendungen · noch %3 min</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Fix the message first.</source>
        <translation>Korrigieren Sie zuerst die Nachricht.</translation>
    </message>
    <message>
        <source>No bot token (xoxb-…): store it in the profile or set SOCKETSCOPE_SLACK_BOT_TOKEN.</source>
        <translation>Kein Bot-Token (xoxb-…): Speichern Sie es im Profil oder setzen Sie SOCKETSCOPE_SLACK_BOT_TOKEN.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>response_url: %1 · %2 ms · %3%4</source>
        <translation>response_url: %1 · %2 ms · %3%4</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>
Not recorded: %1</source>
        <translation>
Nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>chat.postMessage failed: %1</source>
        <translation>chat.postMessage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Posted to %1 (ts %2) · %3 ms</source>
        <translation>In %1 gepostet (ts %2) · %3 ms</translation>
    </message>
    <message>
        <source>Running %1 against Nautobot…</source>
        <translation>%1 wird gegen Nautobot ausgeführt…</translation>
    </message>
    <message>
        <source>%1: %2 row(s)%3 · %4 ms
%5</source>
        <translation>%1: %2 Zeile(n)%3 · %4 ms
%5</translation>
    </message>
    <message>
        <source> (truncated)</source>
        <translation> (gekürzt)</translation>
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
    <name>socketscope::DeliveryTableModel</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Outcome / meaning</source>
        <translation>Ergebnis / Bedeutung</translation>
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
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>Select an envelope to see its deliveries and answers.</source>
        <translation>Ein Envelope auswählen, um seine Zustellungen und Antworten zu sehen.</translation>
    </message>
    <message>
        <source>Not delivered or answered yet. Replay it (Ctrl+R), answer it (Ctrl+Shift+A), or connect in Bridge mode.</source>
        <translation>Noch nicht zugestellt oder beantwortet. Erneut senden (Strg+R), beantworten (Strg+Umschalt+A) oder im Bridge-Modus verbinden.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery/answer attempt(s).</source>
        <translation>
            <numerusform>%n Zustellungs-/Antwortversuch.</numerusform>
            <numerusform>%n Zustellungs-/Antwortversuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deliveries (%1)</source>
        <translation>Zustellungen (%1)</translation>
    </message>
</context>
<context>
    <name>socketscope::DoctorPanel</name>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the checks that are still running</source>
        <translation>Die noch laufenden Prüfungen stoppen</translation>
    </message>
    <message>
        <source>%v of %m checks</source>
        <translation>%v von %m Prüfungen</translation>
    </message>
    <message>
        <source>Select a check to read its full detail and fix.</source>
        <translation>Eine Prüfung auswählen, um ihre vollständigen Details und die Behebung zu lesen.</translation>
    </message>
    <message>
        <source>Not run: the checks were stopped.</source>
        <translation>Nicht ausgeführt: Die Prüfungen wurden gestoppt.</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Behebung:</translation>
    </message>
    <message>
        <source>Running checks…</source>
        <translation>Prüfungen laufen…</translation>
    </message>
    <message>
        <source>%1 passed, %2 warnings, %3 failed, %4 skipped</source>
        <translation>%1 bestanden, %2 Warnungen, %3 fehlgeschlagen, %4 übersprungen</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <source>Done in %1 ms: %2</source>
        <translation>Fertig in %1 ms: %2</translation>
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
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>socketscope::DoctorWindow</name>
    <message>
        <source>Export doctor report</source>
        <translation>Doctor-Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved %1 (secrets redacted).</source>
        <translation>%1 gespeichert (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: Slack %2, Nautobot %3, %4 mode.</source>
        <translation>Profil „%1“: Slack %2, Nautobot %3, Modus %4.</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>Doctor — %1</source>
        <translation>Doctor — %1</translation>
    </message>
    <message>
        <source>Copied the report as Markdown (secrets redacted).</source>
        <translation>Bericht als Markdown kopiert (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <source>The checks have not finished yet.</source>
        <translation>Die Prüfungen sind noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
<context>
    <name>socketscope::EngineWorker</name>
    <message>
        <source>Could not open the capture %1: %2</source>
        <translation>Der Mitschnitt %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Stored %n envelope(s) that an earlier session acknowledged but had not written to the capture&apos;s tables when it stopped (they were safe in its ack journal).</source>
        <translation>
            <numerusform>%n Envelope gespeichert, das eine frühere Sitzung bestätigt, aber beim Beenden noch nicht in die Tabellen des Mitschnitts geschrieben hatte (es war in ihrem Bestätigungsjournal sicher).</numerusform>
            <numerusform>%n Envelopes gespeichert, die eine frühere Sitzung bestätigt, aber beim Beenden noch nicht in die Tabellen des Mitschnitts geschrieben hatte (sie waren in ihrem Bestätigungsjournal sicher).</numerusform>
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
    <message>
        <source>&amp;Set up workspace…</source>
        <translation>Workspace &amp;einrichten…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Doctor…</source>
        <translation>&amp;Doctor…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>You are watching the demo workspace: the built-in simulator. Set up a workspace to connect to your own Slack app and Nautobot.</source>
        <translation>Sie sehen den Demo-Workspace: den eingebauten Simulator. Richten Sie einen Workspace ein, um sich mit Ihrer eigenen Slack-App und Nautobot zu verbinden.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved. Connect (Ctrl+K) to open its Socket Mode connection.</source>
        <translation>Profil „%1“ gespeichert. Verbinden (Strg+K), um seine Socket-Mode-Verbindung zu öffnen.</translation>
    </message>
    <message>
        <source>No profile to edit yet. Set up a workspace first.</source>
        <translation>Noch kein Profil zum Bearbeiten vorhanden. Richten Sie zuerst einen Workspace ein.</translation>
    </message>
    <message>
        <source>The doctor checks a workspace profile, and there is none yet (the demo workspace needs no checks).</source>
        <translation>Der Doctor prüft ein Workspace-Profil, und es gibt noch keines (der Demo-Workspace braucht keine Prüfungen).</translation>
    </message>
    <message>
        <source>Reading the secrets of profile &quot;%1&quot;…</source>
        <translation>Die Geheimnisse des Profils „%1“ werden gelesen…</translation>
    </message>
    <message>
        <source>E&amp;nvelope</source>
        <translation>E&amp;nvelope</translation>
    </message>
    <message>
        <source>&amp;Replay to Nautobot…</source>
        <translation>Erneut an Nautobot &amp;senden…</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>&amp;Antworten…</translation>
    </message>
    <message>
        <source>Nautobot &amp;REST console…</source>
        <translation>Nautobot-&amp;REST-Konsole…</translation>
    </message>
    <message>
        <source>Select an envelope first.</source>
        <translation>Wählen Sie zuerst ein Envelope aus.</translation>
    </message>
    <message>
        <source>Replays and answers will not be recorded: %1</source>
        <translation>Erneute Sendungen und Antworten werden nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>This event has no channel or response_url to answer to.</source>
        <translation>Dieses Event hat keinen Kanal und keine response_url, an die geantwortet werden kann.</translation>
    </message>
    <message>
        <source>Looking into it — the *ams01* switches are being checked.</source>
        <translation>Wir sehen es uns an — die *ams01*-Switches werden geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>Search scans the %n envelope(s) of this capture that are not indexed yet (the file cannot be indexed here).</source>
        <translation>
            <numerusform>Die Suche durchsucht das %n noch nicht indizierte Envelope dieses Mitschnitts direkt (die Datei kann hier nicht indiziert werden).</numerusform>
            <numerusform>Die Suche durchsucht die %n noch nicht indizierten Envelopes dieses Mitschnitts direkt (die Datei kann hier nicht indiziert werden).</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing for search…</source>
        <translation>Indizierung für die Suche…</translation>
    </message>
    <message>
        <source>Searches find every envelope meanwhile; those not indexed yet are scanned.</source>
        <translation>Die Suche findet währenddessen jedes Envelope; noch nicht indizierte werden direkt durchsucht.</translation>
    </message>
    <message>
        <source>Indexing for search: %1 %</source>
        <translation>Indizierung für die Suche: %1 %</translation>
    </message>
    <message>
        <source>Search index ready.</source>
        <translation>Suchindex bereit.</translation>
    </message>
    <message>
        <source>Could not index this capture for search; search still finds every envelope, more slowly. %1</source>
        <translation>Dieser Mitschnitt konnte nicht für die Suche indiziert werden; die Suche findet trotzdem jedes Envelope, nur langsamer. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) acknowledged by a session that stopped abruptly are not in this view: they wait in the capture&apos;s ack journal, and this file cannot be written here. Open it for writing once (for example with socketscope-cli index) to store them.</source>
        <translation>
            <numerusform>%n Envelope, das eine abrupt beendete Sitzung bestätigt hat, fehlt in dieser Ansicht: Es liegt im Bestätigungsjournal des Mitschnitts, und diese Datei kann hier nicht geschrieben werden. Öffnen Sie sie einmal schreibend (zum Beispiel mit socketscope-cli index), um es zu speichern.</numerusform>
            <numerusform>%n Envelopes, die eine abrupt beendete Sitzung bestätigt hat, fehlen in dieser Ansicht: Sie liegen im Bestätigungsjournal des Mitschnitts, und diese Datei kann hier nicht geschrieben werden. Öffnen Sie sie einmal schreibend (zum Beispiel mit socketscope-cli index), um sie zu speichern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) acknowledged by a session that stopped abruptly wait in the capture&apos;s ack journal. They are being stored and appear when that is done.</source>
        <translation>
            <numerusform>%n Envelope, das eine abrupt beendete Sitzung bestätigt hat, liegt im Bestätigungsjournal des Mitschnitts. Es wird gerade gespeichert und erscheint, sobald das erledigt ist.</numerusform>
            <numerusform>%n Envelopes, die eine abrupt beendete Sitzung bestätigt hat, liegen im Bestätigungsjournal des Mitschnitts. Sie werden gerade gespeichert und erscheinen, sobald das erledigt ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored %n envelope(s) from the capture&apos;s ack journal.</source>
        <translation>
            <numerusform>%n Envelope aus dem Bestätigungsjournal des Mitschnitts gespeichert.</numerusform>
            <numerusform>%n Envelopes aus dem Bestätigungsjournal des Mitschnitts gespeichert.</numerusform>
        </translation>
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
    <name>socketscope::NautobotPage</name>
    <message>
        <source>Optional for watching; Bridge mode and the Nautobot checks need it.</source>
        <translation>Optional zum Beobachten; der Bridge-Modus und die Nautobot-Prüfungen brauchen sie.</translation>
    </message>
    <message>
        <source>URL OK.</source>
        <translation>URL in Ordnung.</translation>
    </message>
    <message>
        <source>Stored in the keychain; leave empty to keep it.</source>
        <translation>Im Schlüsselbund gespeichert; leer lassen, um den Wert beizubehalten.</translation>
    </message>
    <message>
        <source>Optional: the doctor checks the token and its permissions with it.</source>
        <translation>Optional: Der Doctor prüft damit das Token und seine Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>socketscope::NetworkPage</name>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>None: TLS is verified against the system CAs only.</source>
        <translation>Keines: TLS wird nur gegen die System-CAs geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be trusted in addition to the system CAs.</source>
        <translation>
            <numerusform>%n Zertifikat wird zusätzlich zu den System-CAs vertraut.</numerusform>
            <numerusform>%n Zertifikaten wird zusätzlich zu den System-CAs vertraut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host and port.</source>
        <translation>Geben Sie Host und Port des Proxys ein.</translation>
    </message>
    <message>
        <source>A proxy password needs a user name.</source>
        <translation>Ein Proxy-Passwort erfordert einen Benutzernamen.</translation>
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
        <translation>Der Bridge-Modus braucht die Nautobot-URL des Profils „%1“.</translation>
    </message>
    <message>
        <source>Set it with Connection → Edit profile…, or connect in Dedicated mode.</source>
        <translation>Legen Sie sie mit Verbindung → Profil bearbeiten… fest oder verbinden Sie im Exklusiv-Modus.</translation>
    </message>
    <message>
        <source>The CA bundle of profile &quot;%1&quot;: %2</source>
        <translation>Das CA-Bundle des Profils „%1“: %2</translation>
    </message>
    <message>
        <source>No %1 for profile &quot;%2&quot; in the keychain.</source>
        <translation>Kein Eintrag „%1“ für das Profil „%2“ im Schlüsselbund.</translation>
    </message>
    <message>
        <source>No %1 for profile &quot;%2&quot;: it is not in the keychain and %3 is not set.</source>
        <translation>Kein Eintrag „%1“ für das Profil „%2“: Er ist nicht im Schlüsselbund und %3 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Enter it with Connection → Edit profile….</source>
        <translation>Geben Sie ihn mit Verbindung → Profil bearbeiten… ein.</translation>
    </message>
    <message>
        <source>Enter it with Connection → Edit profile…, or set %1.</source>
        <translation>Geben Sie ihn mit Verbindung → Profil bearbeiten… ein oder setzen Sie %1.</translation>
    </message>
    <message>
        <source>The %1 of profile &quot;%2&quot; could not be read: %3</source>
        <translation>Der Eintrag „%1“ des Profils „%2“ konnte nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>socketscope::ProfilePage</name>
    <message>
        <source>Give the workspace a short name.</source>
        <translation>Geben Sie dem Workspace einen kurzen Namen.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists. Pick another name, or use Connection → Edit profile… to change it.</source>
        <translation>Ein Profil namens „%1“ existiert bereits. Wählen Sie einen anderen Namen oder ändern Sie es mit Verbindung → Profil bearbeiten….</translation>
    </message>
</context>
<context>
    <name>socketscope::ReplayDialog</name>
    <message>
        <source>I understand this runs the command in Nautobot</source>
        <translation>Mir ist bewusst, dass dies den Befehl in Nautobot ausführt</translation>
    </message>
    <message>
        <source>&amp;Send replay</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>Replay to Nautobot — %1</source>
        <translation>Erneut an Nautobot senden — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · to %3%4</source>
        <translation>%1 · %2 · an %3%4</translation>
    </message>
    <message>
        <source>(no Nautobot URL)</source>
        <translation>(keine Nautobot-URL)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Command text, e.g. get-devices location ams01</source>
        <translation>Befehlstext, z. B. get-devices location ams01</translation>
    </message>
    <message>
        <source>%1 text:</source>
        <translation>%1-Text:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Command text</source>
        <translation>Befehlstext</translation>
    </message>
    <message>
        <source>Payload JSON</source>
        <translation>Payload-JSON</translation>
    </message>
    <message>
        <source>Edit before sending (re-signed on every change):</source>
        <translation>Vor dem Senden bearbeiten (wird bei jeder Änderung neu signiert):</translation>
    </message>
    <message>
        <source>Request (secrets masked):</source>
        <translation>Anfrage (Geheimnisse maskiert):</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>Keine Nautobot-URL: Legen Sie sie im Profil oder in SOCKETSCOPE_NAUTOBOT_URL fest.</translation>
    </message>
    <message>
        <source>No Slack signing secret: store it in the profile&apos;s keychain entry or set SOCKETSCOPE_SLACK_SIGNING_SECRET. Nautobot rejects unsigned requests.</source>
        <translation>Kein Slack-Signing-Secret: Speichern Sie es im Schlüsselbundeintrag des Profils oder setzen Sie SOCKETSCOPE_SLACK_SIGNING_SECRET. Nautobot lehnt unsignierte Anfragen ab.</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Fix the edit first.</source>
        <translation>Korrigieren Sie zuerst die Bearbeitung.</translation>
    </message>
    <message>
        <source>Tick the confirmation first.</source>
        <translation>Setzen Sie zuerst das Häkchen zur Bestätigung.</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 ms
%4</source>
        <translation>%1 · %2 · %3 ms
%4</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
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
Nicht im Mitschnitt aufgezeichnet: %1</translation>
    </message>
</context>
<context>
    <name>socketscope::RestConsoleDialog</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Nautobot REST console — %1</source>
        <translation>Nautobot-REST-Konsole — %1</translation>
    </message>
    <message>
        <source>JSON body for PATCH / POST, e.g. {&quot;status&quot;: &quot;Planned&quot;}</source>
        <translation>JSON-Body für PATCH / POST, z. B. {&quot;status&quot;: &quot;Planned&quot;}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>No Nautobot URL: set it in the profile or SOCKETSCOPE_NAUTOBOT_URL.</source>
        <translation>Keine Nautobot-URL: Legen Sie sie im Profil oder in SOCKETSCOPE_NAUTOBOT_URL fest.</translation>
    </message>
    <message>
        <source>Token from %1. GET runs at once; PATCH, POST and DELETE ask you to confirm by name.</source>
        <translation>Token aus %1. GET wird sofort ausgeführt; PATCH, POST und DELETE verlangen eine Bestätigung durch Eingabe des Namens.</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>den Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Body: a JSON object is needed.</source>
        <translation>Body: Ein JSON-Objekt ist erforderlich.</translation>
    </message>
    <message>
        <source>Reading what %1 would change…</source>
        <translation>Es wird gelesen, was %1 ändern würde…</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>%1 bestätigen</translation>
    </message>
    <message>
        <source>%1 %2 changes data in Nautobot.
Type “%3” to confirm:</source>
        <translation>%1 %2 ändert Daten in Nautobot.
Geben Sie „%3“ zur Bestätigung ein:</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>%1 senden</translation>
    </message>
    <message>
        <source>Refused: %1 was not confirmed; nothing was sent.</source>
        <translation>Abgelehnt: %1 wurde nicht bestätigt; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Running %1 %2…</source>
        <translation>%1 %2 wird ausgeführt…</translation>
    </message>
    <message>
        <source>Refused, nothing was sent: %1</source>
        <translation>Abgelehnt, nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>%1 %2 → HTTP %3 · %4 row(s)%5 · %6 ms</source>
        <translation>%1 %2 → HTTP %3 · %4 Zeile(n)%5 · %6 ms</translation>
    </message>
    <message>
        <source> (truncated)</source>
        <translation> (gekürzt)</translation>
    </message>
</context>
<context>
    <name>socketscope::SetupWizard</name>
    <message>
        <source>Set up a workspace</source>
        <translation>Einen Workspace einrichten</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>The checks have not finished yet.</source>
        <translation>Die Prüfungen sind noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation>Das Profil wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Storing the secrets in the keychain…</source>
        <translation>Die Geheimnisse werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The profile was saved, but its %1 was not stored: %2 Nothing was written anywhere else; until the keychain works, set the SOCKETSCOPE_* environment variables instead.</source>
        <translation>Das Profil wurde gespeichert, aber sein Eintrag „%1“ nicht: %2 Nirgendwo sonst wurde etwas geschrieben; setzen Sie stattdessen die Umgebungsvariablen SOCKETSCOPE_*, bis der Schlüsselbund funktioniert.</translation>
    </message>
</context>
<context>
    <name>socketscope::SimWorker</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1: %1</source>
        <translation>Der eingebaute Simulator konnte nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
</context>
<context>
    <name>socketscope::SlackPage</name>
    <message>
        <source>Stored in the keychain; leave empty to keep it.</source>
        <translation>Im Schlüsselbund gespeichert; leer lassen, um den Wert beizubehalten.</translation>
    </message>
    <message>
        <source>Required: SocketScope opens its Socket Mode connection with it.</source>
        <translation>Erforderlich: SocketScope öffnet damit seine Socket-Mode-Verbindung.</translation>
    </message>
    <message>
        <source>Optional: the doctor uses it for auth.test and the scope checks.</source>
        <translation>Optional: Der Doctor verwendet es für auth.test und die Scope-Prüfungen.</translation>
    </message>
    <message>
        <source>Optional for Dedicated mode; Bridge mode needs it.</source>
        <translation>Optional im Exklusiv-Modus; der Bridge-Modus braucht es.</translation>
    </message>
</context>
<context>
    <name>socketscope::SummaryPage</name>
    <message>
        <source>Export doctor report</source>
        <translation>Doctor-Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Report saved (secrets redacted).</source>
        <translation>Bericht gespeichert (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <source>Every check passed or did not apply. Save the profile &quot;%1&quot; and connect.</source>
        <translation>Jede Prüfung wurde bestanden oder traf nicht zu. Speichern Sie das Profil „%1“ und verbinden Sie.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen</numerusform>
            <numerusform>%n Prüfungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>. You can save the profile now and fix these later; Tools → Doctor… runs the checks again.</source>
        <translation>. Sie können das Profil jetzt speichern und dies später beheben; Extras → Doctor… führt die Prüfungen erneut aus.</translation>
    </message>
    <message>
        <source>Fail:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Behebung:</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing to fix.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nichts zu beheben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What will be saved</source>
        <translation>Was gespeichert wird</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; (%2 mode) in %3; secrets in the system keychain under service &quot;SocketScope&quot;.</source>
        <translation>Profil „%1“ (Modus %2) in %3; Geheimnisse im System-Schlüsselbund unter dem Dienst „SocketScope“.</translation>
    </message>
</context>
</TS>
