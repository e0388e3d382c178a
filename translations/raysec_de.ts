<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>raysec</name>
    <message>
        <source>Raysec: security console for Ray clusters.</source>
        <translation>Raysec: Sicherheitskonsole für Ray-Cluster.</translation>
    </message>
    <message>
        <source>Start the simulated demo cluster and connect to it.</source>
        <translation>Den simulierten Demo-Cluster starten und sich mit ihm verbinden.</translation>
    </message>
    <message>
        <source>Once the first data is shown, save the window as a PNG file, print its path and exit.</source>
        <translation>Sobald die ersten Daten angezeigt werden, das Fenster als PNG-Datei speichern, ihren Pfad ausgeben und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Give up on the screenshot after this many seconds.</source>
        <translation>Das Bildschirmfoto nach so vielen Sekunden aufgeben.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Keep the store in this folder instead of the XDG data folder.</source>
        <translation>Den Datenspeicher in diesem Ordner statt im XDG-Datenordner ablegen.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>--screenshot-timeout takes a number of seconds.</source>
        <translation>--screenshot-timeout erwartet eine Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>No cluster data arrived within %1 seconds; no screenshot was taken.</source>
        <translation>Innerhalb von %1 Sekunden kamen keine Cluster-Daten an; es wurde kein Bildschirmfoto erstellt.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>raysec-cli</name>
    <message>
        <source>Add, list and remove cluster profiles</source>
        <translation>Clusterprofile hinzufügen, auflisten und entfernen</translation>
    </message>
    <message>
        <source>Usage: raysec-cli &lt;command&gt; [options]</source>
        <translation>Aufruf: raysec-cli &lt;Befehl&gt; [Optionen]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation>Führen Sie „raysec-cli &lt;Befehl&gt; --help“ aus, um die Optionen eines Befehls zu sehen.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Show a cluster&apos;s version, nodes, resources and jobs</source>
        <translation>Version, Knoten, Ressourcen und Jobs eines Clusters anzeigen</translation>
    </message>
    <message>
        <source>Issue, rotate, revoke, sign and hand over API keys</source>
        <translation>API-Schlüssel ausstellen, rotieren, widerrufen, signieren und übergeben</translation>
    </message>
    <message>
        <source>Generate and export Ray&apos;s own cluster token</source>
        <translation>Das eigene Cluster-Token von Ray erzeugen und exportieren</translation>
    </message>
    <message>
        <source>Audit a cluster (passive probes) and report; suppress, history, diff, fix</source>
        <translation>Einen Cluster prüfen (passive Sonden) und berichten; unterdrücken, Verlauf, Vergleich, Korrektur</translation>
    </message>
    <message>
        <source>Certificates for Ray&apos;s mutual TLS: CA, issue, check, rotate</source>
        <translation>Zertifikate für Rays gegenseitiges TLS: CA, ausstellen, prüfen, rotieren</translation>
    </message>
    <message>
        <source>Dashboard password policy, checks, hashes and generator</source>
        <translation>Passwortrichtlinie, Prüfungen, Hashes und Generator für das Dashboard</translation>
    </message>
    <message>
        <source>Show and set quotas, see usage, ask whether a job fits</source>
        <translation>Kontingente anzeigen und festlegen, Nutzung einsehen, prüfen, ob ein Job passt</translation>
    </message>
    <message>
        <source>Dashboard users: add, list, disable, reset, export</source>
        <translation>Dashboard-Benutzer: hinzufügen, auflisten, deaktivieren, zurücksetzen, exportieren</translation>
    </message>
    <message>
        <source>core modules: %1</source>
        <translation>Kernmodule: %1</translation>
    </message>
    <message>
        <source>Write the gateway&apos;s configuration and signed bundles, read its metrics</source>
        <translation>Die Konfiguration und die signierten Bündel des Gateways schreiben, seine Metriken lesen</translation>
    </message>
</context>
<context>
    <name>raysec::AdvisoryDatabase</name>
    <message>
        <source>%1 has no valid &quot;sequence&quot; number.</source>
        <translation>%1 hat keine gültige „sequence“-Nummer.</translation>
    </message>
    <message>
        <source>%1 has no &quot;advisories&quot; list.</source>
        <translation>%1 hat keine „advisories“-Liste.</translation>
    </message>
    <message>
        <source>%1 lists %2 twice.</source>
        <translation>%1 listet %2 doppelt.</translation>
    </message>
    <message>
        <source>%1 is not signed by the advisory key: %2</source>
        <translation>%1 ist nicht mit dem Hinweisschlüssel signiert: %2</translation>
    </message>
    <message>
        <source>Download the database and its .minisig again from the publisher.</source>
        <translation>Laden Sie die Datenbank und ihre .minisig-Datei erneut vom Herausgeber herunter.</translation>
    </message>
    <message>
        <source>%1 has sequence %2, not newer than the database in use (%3).</source>
        <translation>%1 hat die Sequenz %2 und ist nicht neuer als die verwendete Datenbank (%3).</translation>
    </message>
    <message>
        <source>Keep the database in use, or get a newer one.</source>
        <translation>Behalten Sie die verwendete Datenbank oder besorgen Sie eine neuere.</translation>
    </message>
    <message>
        <source>a Ray version such as 2.8.1</source>
        <translation>eine Ray-Version wie 2.8.1</translation>
    </message>
    <message>
        <source>an object with &quot;from&quot; and &quot;before&quot;</source>
        <translation>ein Objekt mit „from“ und „before“</translation>
    </message>
    <message>
        <source>later than &quot;from&quot;</source>
        <translation>später als „from“</translation>
    </message>
    <message>
        <source>note, low, medium, high or critical</source>
        <translation>note, low, medium, high oder critical</translation>
    </message>
    <message>
        <source>&quot;token-auth&quot; or null</source>
        <translation>„token-auth“ oder null</translation>
    </message>
    <message>
        <source>a Ray version or null</source>
        <translation>eine Ray-Version oder null</translation>
    </message>
    <message>
        <source>Advisory number %1 is not an object.</source>
        <translation>Hinweis Nummer %1 ist kein Objekt.</translation>
    </message>
    <message>
        <source>advisory number %1</source>
        <translation>Hinweis Nummer %1</translation>
    </message>
    <message>
        <source>a CVE or GHSA identifier</source>
        <translation>eine CVE- oder GHSA-Kennung</translation>
    </message>
    <message>
        <source>advisory %1</source>
        <translation>Hinweis %1</translation>
    </message>
</context>
<context>
    <name>raysec::AlertHook</name>
    <message>
        <source>The alert webhook %1 did not accept the alert: %2.</source>
        <translation>Der Alarm-Webhook %1 hat den Alarm nicht angenommen: %2.</translation>
    </message>
    <message>
        <source>Check the webhook address in the quota settings.</source>
        <translation>Prüfen Sie die Webhook-Adresse in den Kontingenteinstellungen.</translation>
    </message>
    <message>
        <source>The alert command %1 failed (exit code %2).</source>
        <translation>Der Alarmbefehl %1 ist fehlgeschlagen (Exit-Code %2).</translation>
    </message>
    <message>
        <source>Run it by hand with an alert on standard input.</source>
        <translation>Führen Sie ihn manuell mit einem Alarm auf der Standardeingabe aus.</translation>
    </message>
    <message>
        <source>The alert command %1 could not be started.</source>
        <translation>Der Alarmbefehl %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Check that the program exists and is executable.</source>
        <translation>Prüfen Sie, ob das Programm existiert und ausführbar ist.</translation>
    </message>
</context>
<context>
    <name>raysec::AlertLog</name>
    <message>
        <source>read the alerts</source>
        <translation>die Alarme lesen</translation>
    </message>
    <message>
        <source>acknowledge the alert</source>
        <translation>den Alarm bestätigen</translation>
    </message>
    <message>
        <source>There is no unacknowledged alert %1.</source>
        <translation>Es gibt keinen unbestätigten Alarm %1.</translation>
    </message>
    <message>
        <source>List the alerts to see their numbers.</source>
        <translation>Listen Sie die Alarme auf, um ihre Nummern zu sehen.</translation>
    </message>
</context>
<context>
    <name>raysec::ApiKeyFormat</name>
    <message>
        <source>Copy the key again from where it was handed over.</source>
        <translation>Kopieren Sie den Schlüssel erneut von der Stelle, an der er übergeben wurde.</translation>
    </message>
    <message>
        <source>No API key was given.</source>
        <translation>Es wurde kein API-Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>The API key starts or ends with a space or line break.</source>
        <translation>Der API-Schlüssel beginnt oder endet mit einem Leerzeichen oder Zeilenumbruch.</translation>
    </message>
    <message>
        <source>Remove the surrounding whitespace.</source>
        <translation>Entfernen Sie die umgebenden Leerzeichen.</translation>
    </message>
    <message>
        <source>This is a Ray cluster token (64 hex characters), not a Raysec API key.</source>
        <translation>Dies ist ein Ray-Cluster-Token (64 Hex-Zeichen), kein Raysec-API-Schlüssel.</translation>
    </message>
    <message>
        <source>Use the key that starts with &quot;rsk_&quot;.</source>
        <translation>Verwenden Sie den Schlüssel, der mit „rsk_“ beginnt.</translation>
    </message>
    <message>
        <source>The API key does not start with &quot;rsk_&quot;.</source>
        <translation>Der API-Schlüssel beginnt nicht mit „rsk_“.</translation>
    </message>
    <message>
        <source>The API key has %1 characters instead of %2.</source>
        <translation>Der API-Schlüssel hat %1 Zeichen statt %2.</translation>
    </message>
    <message>
        <source>Part of the key is missing or doubled. %1</source>
        <translation>Ein Teil des Schlüssels fehlt oder ist doppelt. %1</translation>
    </message>
    <message>
        <source>The API key lacks the &quot;_&quot; after its 12-character key id.</source>
        <translation>Dem API-Schlüssel fehlt das „_“ nach seiner 12-stelligen Schlüssel-ID.</translation>
    </message>
    <message>
        <source>The API key has a character that is not a letter or digit at position %1.</source>
        <translation>Der API-Schlüssel enthält an Position %1 ein Zeichen, das weder Buchstabe noch Ziffer ist.</translation>
    </message>
    <message>
        <source>The API key&apos;s checksum does not match: it was mistyped or changed.</source>
        <translation>Die Prüfsumme des API-Schlüssels stimmt nicht: Er wurde falsch eingegeben oder verändert.</translation>
    </message>
</context>
<context>
    <name>raysec::ApiKeyRecord</name>
    <message>
        <source>Unknown scope &quot;%1&quot;.</source>
        <translation>Unbekannte Berechtigung „%1“.</translation>
    </message>
    <message>
        <source>Use one or more of: %1.</source>
        <translation>Verwenden Sie eine oder mehrere von: %1.</translation>
    </message>
    <message>
        <source>The key has no scope.</source>
        <translation>Der Schlüssel hat keine Berechtigung.</translation>
    </message>
    <message>
        <source>Give at least one of: %1.</source>
        <translation>Geben Sie mindestens eine an von: %1.</translation>
    </message>
</context>
<context>
    <name>raysec::ArtefactWriter</name>
    <message>
        <source>Choose a folder for the files.</source>
        <translation>Wählen Sie einen Ordner für die Dateien.</translation>
    </message>
    <message>
        <source>Type an absolute folder path, such as /home/you/ray-hardening.</source>
        <translation>Geben Sie einen absoluten Ordnerpfad ein, etwa /home/you/ray-hardening.</translation>
    </message>
    <message>
        <source>%1 is a file; choose a folder.</source>
        <translation>%1 ist eine Datei; wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>The generated file name &quot;%1&quot; is not usable.</source>
        <translation>Der erzeugte Dateiname „%1“ ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>%1 already holds %2; choose an empty or new folder so nothing is overwritten.</source>
        <translation>%1 enthält bereits %2; wählen Sie einen leeren oder neuen Ordner, damit nichts überschrieben wird.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 could not be created.</source>
        <translation>%1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben können.</translation>
    </message>
</context>
<context>
    <name>raysec::AuditData</name>
    <message>
        <source>Correct the file, or remove it so that Raysec uses its built-in data.</source>
        <translation>Korrigieren Sie die Datei oder entfernen Sie sie, damit Raysec seine eingebauten Daten verwendet.</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot; must be %3.</source>
        <translation>%1: Feld „%2“ muss %3 sein.</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>a list of non-empty strings</source>
        <translation>eine Liste nicht leerer Zeichenketten</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1 is not a %2 file (field &quot;format&quot;).</source>
        <translation>%1 ist keine %2-Datei (Feld „format“).</translation>
    </message>
    <message>
        <source>%1 has no valid &quot;formatVersion&quot;.</source>
        <translation>%1 hat keine gültige „formatVersion“.</translation>
    </message>
    <message>
        <source>%1 uses format version %2; this Raysec reads up to version %3.</source>
        <translation>%1 verwendet Formatversion %2; dieses Raysec liest bis Version %3.</translation>
    </message>
    <message>
        <source>Update Raysec to read this file.</source>
        <translation>Aktualisieren Sie Raysec, um diese Datei zu lesen.</translation>
    </message>
</context>
<context>
    <name>raysec::AuditHistory</name>
    <message>
        <source>record an audit run</source>
        <translation>einen Audit-Lauf aufzeichnen</translation>
    </message>
    <message>
        <source>update findings</source>
        <translation>Befunde aktualisieren</translation>
    </message>
    <message>
        <source>list audit runs</source>
        <translation>Audit-Läufe auflisten</translation>
    </message>
    <message>
        <source>read an audit run</source>
        <translation>einen Audit-Lauf lesen</translation>
    </message>
    <message>
        <source>There is no audit run %1.</source>
        <translation>Es gibt keinen Audit-Lauf %1.</translation>
    </message>
    <message>
        <source>read a suppression</source>
        <translation>eine Unterdrückung lesen</translation>
    </message>
    <message>
        <source>list findings</source>
        <translation>Befunde auflisten</translation>
    </message>
    <message>
        <source>A suppression needs a reason.</source>
        <translation>Eine Unterdrückung benötigt eine Begründung.</translation>
    </message>
    <message>
        <source>Say why the risk is accepted, for the next person who reads the report.</source>
        <translation>Geben Sie an, warum das Risiko akzeptiert wird, für die nächste Person, die den Bericht liest.</translation>
    </message>
    <message>
        <source>A suppression needs an expiry date in the future.</source>
        <translation>Eine Unterdrückung benötigt ein Ablaufdatum in der Zukunft.</translation>
    </message>
    <message>
        <source>Choose when the decision must be reviewed again.</source>
        <translation>Wählen Sie, wann die Entscheidung erneut überprüft werden muss.</translation>
    </message>
    <message>
        <source>Audit run %1 in the store cannot be read.</source>
        <translation>Der Audit-Lauf %1 im Datenspeicher kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Delete the run&apos;s history or restore the store from a backup.</source>
        <translation>Löschen Sie den Verlauf des Laufs oder stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
</context>
<context>
    <name>raysec::AuditRunner</name>
    <message>
        <source>This Raysec has no probe %1.</source>
        <translation>Dieses Raysec hat keine Sonde %1.</translation>
    </message>
</context>
<context>
    <name>raysec::BeforeAfterReport</name>
    <message>
        <source># Hardening report for %1</source>
        <translation># Härtungsbericht für %1</translation>
    </message>
    <message>
        <source>Score: %1/100 before, %2/100 after (failed checks: %3 before, %4 after).</source>
        <translation>Punktzahl: %1/100 vorher, %2/100 nachher (fehlgeschlagene Prüfungen: %3 vorher, %4 nachher).</translation>
    </message>
    <message>
        <source>Ray version: %1 before, %2 after.</source>
        <translation>Ray-Version: %1 vorher, %2 nachher.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Weiterhin offen</translation>
    </message>
    <message>
        <source>Newly failing</source>
        <translation>Neu fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not decided in one of the scans</source>
        <translation>In einem der Scans nicht entschieden</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
</context>
<context>
    <name>raysec::Blocklist</name>
    <message>
        <source>The blocklist is not UTF-8 text.</source>
        <translation>Die Sperrliste ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>Convert the file to UTF-8 with one password a line, then import it again.</source>
        <translation>Konvertieren Sie die Datei nach UTF-8 mit einem Passwort pro Zeile und importieren Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>raysec::CheckCatalog</name>
    <message>
        <source>%1 has no &quot;checks&quot; list.</source>
        <translation>%1 hat keine „checks“-Liste.</translation>
    </message>
    <message>
        <source>%1 lists check %2 twice.</source>
        <translation>%1 listet Prüfung %2 doppelt.</translation>
    </message>
    <message>
        <source>of the form RAY-&lt;n&gt;.&lt;n&gt;</source>
        <translation>der Form RAY-&lt;n&gt;.&lt;n&gt;</translation>
    </message>
    <message>
        <source>one of M1 to M9</source>
        <translation>eines von M1 bis M9</translation>
    </message>
    <message>
        <source>note, low, medium, high or critical</source>
        <translation>note, low, medium, high oder critical</translation>
    </message>
    <message>
        <source>the name of a known probe</source>
        <translation>der Name einer bekannten Sonde</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an object with &quot;kind&quot; and &quot;description&quot;</source>
        <translation>ein Objekt mit „kind“ und „description“</translation>
    </message>
    <message>
        <source>a known fix kind</source>
        <translation>eine bekannte Art von Korrektur</translation>
    </message>
    <message>
        <source>Check number %1 is not an object.</source>
        <translation>Prüfung Nummer %1 ist kein Objekt.</translation>
    </message>
    <message>
        <source>check number %1</source>
        <translation>Prüfung Nummer %1</translation>
    </message>
    <message>
        <source>check %1</source>
        <translation>Prüfung %1</translation>
    </message>
</context>
<context>
    <name>raysec::ClusterErrors</name>
    <message>
        <source>The answer to %1 is not what Ray sends: %2 should be %3.</source>
        <translation>Die Antwort auf %1 entspricht nicht dem, was Ray sendet: %2 sollte %3 sein.</translation>
    </message>
    <message>
        <source>Check that the address points at a Ray dashboard (Ray 2.x) and not at another service or a proxy that rewrites answers; nothing was changed.</source>
        <translation>Prüfen Sie, ob die Adresse auf ein Ray-Dashboard (Ray 2.x) zeigt und nicht auf einen anderen Dienst oder einen Proxy, der Antworten umschreibt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The answer to %1 is not complete, valid JSON (%2).</source>
        <translation>Die Antwort auf %1 ist kein vollständiges, gültiges JSON (%2).</translation>
    </message>
    <message>
        <source>The connection may have been cut, or the address is not a Ray dashboard; refresh, and check the address if it persists.</source>
        <translation>Die Verbindung wurde möglicherweise unterbrochen, oder die Adresse ist kein Ray-Dashboard; aktualisieren Sie und prüfen Sie die Adresse, falls es weiterhin auftritt.</translation>
    </message>
    <message>
        <source>Ray answered %1 with a failure: %2</source>
        <translation>Ray hat %1 mit einem Fehler beantwortet: %2</translation>
    </message>
    <message>
        <source>Check the dashboard&apos;s logs on the head node; refresh once the cluster is healthy.</source>
        <translation>Prüfen Sie die Protokolle des Dashboards auf dem Head-Knoten; aktualisieren Sie, sobald der Cluster fehlerfrei läuft.</translation>
    </message>
    <message>
        <source>The cluster requires a token and none was sent (401 Unauthorized).</source>
        <translation>Der Cluster verlangt ein Token, und es wurde keines gesendet (401 Unauthorized).</translation>
    </message>
    <message>
        <source>Set the profile&apos;s authentication to Ray token and store the cluster&apos;s token (ray get-auth-token) in it.</source>
        <translation>Stellen Sie die Authentifizierung des Profils auf Ray-Token und speichern Sie darin das Token des Clusters (ray get-auth-token).</translation>
    </message>
    <message>
        <source>The cluster refused the profile&apos;s token (403 Forbidden).</source>
        <translation>Der Cluster hat das Token des Profils abgelehnt (403 Forbidden).</translation>
    </message>
    <message>
        <source>The cluster refused the request (403 Forbidden).</source>
        <translation>Der Cluster hat die Anfrage abgelehnt (403 Forbidden).</translation>
    </message>
    <message>
        <source>Enter the cluster&apos;s current token in the profile; tokens change when the cluster is restarted with a new one.</source>
        <translation>Geben Sie das aktuelle Token des Clusters im Profil ein; Token ändern sich, wenn der Cluster mit einem neuen neu gestartet wird.</translation>
    </message>
    <message>
        <source>The cluster refused the request as browser traffic (405 Method Not Allowed).</source>
        <translation>Der Cluster hat die Anfrage als Browser-Verkehr abgelehnt (405 Method Not Allowed).</translation>
    </message>
    <message>
        <source>A proxy between Raysec and Ray adds Origin, Referer or Sec-Fetch headers or a browser User-Agent; configure it to pass requests unchanged.</source>
        <translation>Ein Proxy zwischen Raysec und Ray fügt Origin-, Referer- oder Sec-Fetch-Header oder einen Browser-User-Agent hinzu; konfigurieren Sie ihn so, dass er Anfragen unverändert weiterreicht.</translation>
    </message>
    <message>
        <source>The dashboard has no %1 (404 Not Found).</source>
        <translation>Das Dashboard hat kein %1 (404 Not Found).</translation>
    </message>
    <message>
        <source>Check that the address is the Ray dashboard&apos;s root and that Ray is 2.x.</source>
        <translation>Prüfen Sie, ob die Adresse die Wurzel des Ray-Dashboards ist und Ray 2.x läuft.</translation>
    </message>
    <message>
        <source>The cluster is rate limiting requests (429).</source>
        <translation>Der Cluster begrenzt die Anfragerate (429).</translation>
    </message>
    <message>
        <source>Raise the profile&apos;s refresh interval.</source>
        <translation>Erhöhen Sie das Aktualisierungsintervall des Profils.</translation>
    </message>
    <message>
        <source>The dashboard answered %1 with HTTP status %2: %3</source>
        <translation>Das Dashboard hat %1 mit HTTP-Status %2 beantwortet: %3</translation>
    </message>
    <message>
        <source>The dashboard failed; check its logs on the head node.</source>
        <translation>Das Dashboard ist fehlgeschlagen; prüfen Sie seine Protokolle auf dem Head-Knoten.</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address and Ray version.</source>
        <translation>Prüfen Sie die Adresse und die Ray-Version des Profils.</translation>
    </message>
    <message>
        <source>The dashboard redirected %1 to %2; Raysec does not follow redirects, so the token is never sent elsewhere.</source>
        <translation>Das Dashboard hat %1 nach %2 umgeleitet; Raysec folgt keinen Umleitungen, damit das Token nie anderswohin gesendet wird.</translation>
    </message>
    <message>
        <source>Use the final address in the profile.</source>
        <translation>Verwenden Sie im Profil die endgültige Adresse.</translation>
    </message>
    <message>
        <source>The answer to %1 is larger than %2; Raysec stopped reading it.</source>
        <translation>Die Antwort auf %1 ist größer als %2; Raysec hat das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>This is far beyond what Ray sends for a cluster; check that the address is a Ray dashboard.</source>
        <translation>Das ist weit mehr, als Ray für einen Cluster sendet; prüfen Sie, ob die Adresse ein Ray-Dashboard ist.</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2.</source>
        <translation>%1 hat die Verbindung an Port %2 abgelehnt.</translation>
    </message>
    <message>
        <source>Check that the dashboard (or the HTTPS proxy in front of it) is running and that the profile&apos;s port is right.</source>
        <translation>Prüfen Sie, ob das Dashboard (oder der HTTPS-Proxy davor) läuft und der Port des Profils stimmt.</translation>
    </message>
    <message>
        <source>The host %1 was not found.</source>
        <translation>Der Host %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Check the spelling of the address and your DNS.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse und Ihr DNS.</translation>
    </message>
    <message>
        <source>No connection to the dashboard within %1 s (%2).</source>
        <translation>Innerhalb von %1 s keine Verbindung zum Dashboard (%2).</translation>
    </message>
    <message>
        <source>The dashboard did not finish answering %1 within %2 s.</source>
        <translation>Das Dashboard hat die Antwort auf %1 nicht innerhalb von %2 s abgeschlossen.</translation>
    </message>
    <message>
        <source>Check the network path to the cluster, or raise the timeout for a slow or very large cluster.</source>
        <translation>Prüfen Sie den Netzwerkpfad zum Cluster oder erhöhen Sie das Zeitlimit für einen langsamen oder sehr großen Cluster.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Check that the address points at an HTTPS endpoint of the dashboard.</source>
        <translation>Prüfen Sie, ob die Adresse auf einen HTTPS-Endpunkt des Dashboards zeigt.</translation>
    </message>
    <message>
        <source>The request failed: %1.</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Check the network path to the cluster and try again.</source>
        <translation>Prüfen Sie den Netzwerkpfad zum Cluster und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s certificate (%1) is not signed by a CA this profile trusts. SHA-256 fingerprint: %2; public-key pin: %3.</source>
        <translation>Das Zertifikat des Dashboards (%1) ist nicht von einer CA signiert, der dieses Profil vertraut. SHA-256-Fingerabdruck: %2; Public-Key-Pin: %3.</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your cluster admin gives you; if it matches, add the cluster&apos;s CA bundle to the profile or pin this key.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den Ihnen Ihr Cluster-Admin nennt; wenn er übereinstimmt, fügen Sie dem Profil das CA-Bundle des Clusters hinzu oder pinnen Sie diesen Schlüssel.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s certificate is not valid for %1; it names %2.</source>
        <translation>Das Zertifikat des Dashboards ist nicht für %1 gültig; es nennt %2.</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>Connect with one of the names in the certificate, or reissue the certificate with %1 in its subject alternative names.</source>
        <translation>Verbinden Sie sich mit einem der Namen im Zertifikat oder stellen Sie das Zertifikat mit %1 in den alternativen Antragstellernamen neu aus.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s certificate expired on %1.</source>
        <translation>Das Zertifikat des Dashboards ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>Renew the certificate on the server; Raysec does not accept expired certificates, even pinned ones.</source>
        <translation>Erneuern Sie das Zertifikat auf dem Server; Raysec akzeptiert keine abgelaufenen Zertifikate, auch keine gepinnten.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s certificate is only valid from %1.</source>
        <translation>Das Zertifikat des Dashboards ist erst ab %1 gültig.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock and the server&apos;s certificate dates.</source>
        <translation>Prüfen Sie die Uhr dieses Computers und die Daten des Serverzertifikats.</translation>
    </message>
    <message>
        <source>The dashboard presented a different public key than the pinned one (pinned %1, presented %2, certificate fingerprint %3).</source>
        <translation>Das Dashboard hat einen anderen öffentlichen Schlüssel als den gepinnten vorgelegt (gepinnt %1, vorgelegt %2, Zertifikat-Fingerabdruck %3).</translation>
    </message>
    <message>
        <source>If the cluster&apos;s certificate was replaced on purpose, confirm the new pin with its admin and update the profile; otherwise someone may be intercepting the connection.</source>
        <translation>Wenn das Zertifikat des Clusters absichtlich ersetzt wurde, bestätigen Sie den neuen Pin mit dem Admin und aktualisieren Sie das Profil; andernfalls fängt möglicherweise jemand die Verbindung ab.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s certificate was refused: %1.</source>
        <translation>Das Zertifikat des Dashboards wurde abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Ask the cluster&apos;s admin to fix the certificate.</source>
        <translation>Bitten Sie den Admin des Clusters, das Zertifikat zu korrigieren.</translation>
    </message>
    <message>
        <source>%1 offers only TLS versions older than 1.2, which Raysec refuses.</source>
        <translation>%1 bietet nur TLS-Versionen älter als 1.2 an, die Raysec ablehnt.</translation>
    </message>
    <message>
        <source>Configure the server or proxy for TLS 1.2 or 1.3.</source>
        <translation>Konfigurieren Sie den Server oder Proxy für TLS 1.2 oder 1.3.</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Check that the address is an HTTPS endpoint and, if the server requires a client certificate, that the profile has the right one.</source>
        <translation>Prüfen Sie, ob die Adresse ein HTTPS-Endpunkt ist und, falls der Server ein Client-Zertifikat verlangt, ob das Profil das richtige hat.</translation>
    </message>
    <message>
        <source>Cannot use %1: %2.</source>
        <translation>%1 kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <source>Choose a readable PEM file in the profile.</source>
        <translation>Wählen Sie im Profil eine lesbare PEM-Datei.</translation>
    </message>
</context>
<context>
    <name>raysec::ClusterMonitor</name>
    <message>
        <source>No keychain is available to read the profile&apos;s secrets.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, um die Geheimnisse des Profils zu lesen.</translation>
    </message>
</context>
<context>
    <name>raysec::ClusterProfile</name>
    <message>
        <source>Use 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Leerzeichen, Punkte, Binde- oder Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Enter the dashboard address, such as https://ray-head.example:8443.</source>
        <translation>Geben Sie die Adresse des Dashboards ein, etwa https://ray-head.example:8443.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>Die Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to this machine (127.0.0.1 or localhost); put the dashboard behind HTTPS, for example the Raysec gateway.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Rechner erlaubt (127.0.0.1 oder localhost); stellen Sie das Dashboard hinter HTTPS, zum Beispiel das Raysec-Gateway.</translation>
    </message>
    <message>
        <source>Do not put credentials in the address; choose an authentication method instead.</source>
        <translation>Schreiben Sie keine Zugangsdaten in die Adresse; wählen Sie stattdessen eine Authentifizierungsart.</translation>
    </message>
    <message>
        <source>Choose a readable CA bundle file (PEM).</source>
        <translation>Wählen Sie eine lesbare CA-Bundle-Datei (PEM).</translation>
    </message>
    <message>
        <source>A pin is the base64 SHA-256 of the certificate&apos;s public key (44 characters ending in &apos;=&apos;).</source>
        <translation>Ein Pin ist der Base64-kodierte SHA-256 des öffentlichen Schlüssels des Zertifikats (44 Zeichen, endet auf „=“).</translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and the other way round.</source>
        <translation>Ein Client-Zertifikat braucht seinen privaten Schlüssel, und umgekehrt.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Choose a refresh interval between 1 second and 1 hour.</source>
        <translation>Wählen Sie ein Aktualisierungsintervall zwischen 1 Sekunde und 1 Stunde.</translation>
    </message>
    <message>
        <source>The profile is not valid:</source>
        <translation>Das Profil ist ungültig:</translation>
    </message>
</context>
<context>
    <name>raysec::ConsoleApplier</name>
    <message>
        <source>There is no quota policy to save.</source>
        <translation>Es gibt keine Kontingentrichtlinie zum Speichern.</translation>
    </message>
    <message>
        <source>Generate the fixes again.</source>
        <translation>Erzeugen Sie die Korrekturen erneut.</translation>
    </message>
    <message>
        <source>Write the files first, then apply.</source>
        <translation>Schreiben Sie zuerst die Dateien und wenden Sie sie dann an.</translation>
    </message>
    <message>
        <source>The gateway&apos;s keys and bundles go into the written folder, and none is written yet.</source>
        <translation>Die Schlüssel und Bündel des Gateways kommen in den geschriebenen Ordner, und es wurde noch keiner geschrieben.</translation>
    </message>
</context>
<context>
    <name>raysec::DashboardUser</name>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>„%1“ ist kein gültiger Benutzername.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, underscores, @ or hyphens, starting with a letter or digit.</source>
        <translation>Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Punkte, Unterstriche, @ oder Bindestriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
</context>
<context>
    <name>raysec::Database</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Set RAYSEC_DATA_DIR to a folder you can write to.</source>
        <translation>Setzen Sie RAYSEC_DATA_DIR auf einen Ordner, in den Sie schreiben können.</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2.</source>
        <translation>Der Datenspeicher %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions, or move it aside to start a new store.</source>
        <translation>Prüfen Sie die Berechtigungen der Datei oder verschieben Sie sie, um einen neuen Datenspeicher anzulegen.</translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation>eine Anweisung vorbereiten</translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation>eine Anweisung ausführen</translation>
    </message>
    <message>
        <source>The store could not %1: %2.</source>
        <translation>Der Datenspeicher konnte nicht %1: %2.</translation>
    </message>
    <message>
        <source>Check that the data folder is writable and not full; nothing was changed.</source>
        <translation>Prüfen Sie, ob der Datenordner beschreibbar und nicht voll ist; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>raysec::FixArtefact</name>
    <message>
        <source>This file holds a secret (%1 bytes). It is not shown; it is written with mode 0600 when you write the folder.</source>
        <translation>Diese Datei enthält ein Geheimnis (%1 Bytes). Es wird nicht angezeigt; es wird mit Modus 0600 geschrieben, wenn Sie den Ordner schreiben.</translation>
    </message>
</context>
<context>
    <name>raysec::GatewayBundleWriter</name>
    <message>
        <source>The folder &quot;%1&quot; does not exist; no bundle was written.</source>
        <translation>Der Ordner „%1“ existiert nicht; es wurde kein Bündel geschrieben.</translation>
    </message>
    <message>
        <source>Create it first or choose another folder.</source>
        <translation>Erstellen Sie ihn zuerst oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 exists already; no bundle was written.</source>
        <translation>%1 existiert bereits; es wurde kein Bündel geschrieben.</translation>
    </message>
    <message>
        <source>Choose another folder or ask to replace the files.</source>
        <translation>Wählen Sie einen anderen Ordner oder lassen Sie die Dateien ersetzen.</translation>
    </message>
    <message>
        <source>%1 The bundles are signed with the workstation&apos;s signing key from the keychain; nothing was written.</source>
        <translation>%1 Die Bündel werden mit dem Signaturschlüssel dieses Arbeitsplatzes aus dem Schlüsselbund signiert; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>This workstation has no signing key yet, so the gateway&apos;s bundles cannot be signed; nothing was written.</source>
        <translation>Dieser Arbeitsplatz hat noch keinen Signaturschlüssel, daher können die Bündel des Gateways nicht signiert werden; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Publish the key registry first (raysec-cli keys export --out FOLDER, or the Keys page), which creates the key, or restore a backup with raysec-cli keys restore FILE; then try again.</source>
        <translation>Veröffentlichen Sie zuerst die Schlüssel-Registry (raysec-cli keys export --out ORDNER oder die Seite Schlüssel), was den Schlüssel erzeugt, oder stellen Sie eine Sicherung mit raysec-cli keys restore DATEI wieder her; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The quota configuration saved in the console cannot be used for the gateway policy: %1</source>
        <translation>Die in der Konsole gespeicherte Kontingentkonfiguration ist für die Gateway-Richtlinie nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Correct it on the Quotas page or replace it with raysec-cli quotas set --file FILE; no bundle was written.</source>
        <translation>Korrigieren Sie sie auf der Seite Kontingente oder ersetzen Sie sie mit raysec-cli quotas set --file DATEI; es wurde kein Bündel geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Signed the gateway policy %1 with key %2: %3 and %n saved quota policies.</source>
        <translation>
            <numerusform>Gateway-Richtlinie %1 mit Schlüssel %2 signiert: %3 und %n gespeicherte Kontingentrichtlinie.</numerusform>
            <numerusform>Gateway-Richtlinie %1 mit Schlüssel %2 signiert: %3 und %n gespeicherte Kontingentrichtlinien.</numerusform>
        </translation>
    </message>
    <message>
        <source>No dashboard user exists yet, so no user store was written: add users (raysec-cli users add) and export them with raysec-cli users export.</source>
        <translation>Es gibt noch keinen Dashboard-Benutzer, daher wurde kein Benutzerspeicher geschrieben: Legen Sie Benutzer an (raysec-cli users add) und exportieren Sie sie mit raysec-cli users export.</translation>
    </message>
    <message numerus="yes">
        <source>Signed the user store %1 with %n dashboard users.</source>
        <translation>
            <numerusform>Benutzerspeicher %1 mit %n Dashboard-Benutzer signiert.</numerusform>
            <numerusform>Benutzerspeicher %1 mit %n Dashboard-Benutzern signiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raysec::GatewayConfig</name>
    <message>
        <source>&quot;%1&quot; is not a rate and burst.</source>
        <translation>„%1“ ist keine Angabe aus Rate und Burst.</translation>
    </message>
    <message>
        <source>Write requests per second and burst as RATE/BURST, such as 0.2/3.</source>
        <translation>Geben Sie Anfragen pro Sekunde und Burst als RATE/BURST an, etwa 0.2/3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tier setting.</source>
        <translation>„%1“ ist keine Stufeneinstellung.</translation>
    </message>
    <message>
        <source>Write TIER:CLASS=RATE/BURST, such as default:submit=0.2/3.</source>
        <translation>Schreiben Sie STUFE:KLASSE=RATE/BURST, etwa default:submit=0.2/3.</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>is not a gateway setting</source>
        <translation>ist keine Gateway-Einstellung</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Correct the field and write the configuration again; nothing was written.</source>
        <translation>Korrigieren Sie das Feld und schreiben Sie die Konfiguration erneut; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>must be a numeric address and port such as 0.0.0.0:8443</source>
        <translation>muss eine numerische Adresse mit Port sein, etwa 0.0.0.0:8443</translation>
    </message>
    <message>
        <source>must be the Ray dashboard on loopback, such as 127.0.0.1:8265</source>
        <translation>muss das Ray-Dashboard auf Loopback sein, etwa 127.0.0.1:8265</translation>
    </message>
    <message>
        <source>must be a loopback address such as 127.0.0.1:9464: it serves metrics without authentication</source>
        <translation>muss eine Loopback-Adresse sein, etwa 127.0.0.1:9464: Sie liefert Metriken ohne Authentifizierung</translation>
    </message>
    <message>
        <source>is only allowed on a loopback listen address; give a certificate and key instead</source>
        <translation>ist nur auf einer Loopback-Lauschadresse erlaubt; geben Sie stattdessen ein Zertifikat und einen Schlüssel an</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be an absolute file path, got &quot;%1&quot;</source>
        <translation>muss ein absoluter Dateipfad sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>must be a different file from certificate</source>
        <translation>muss eine andere Datei als das Zertifikat sein</translation>
    </message>
    <message>
        <source>must be between 1 second and 7 days</source>
        <translation>muss zwischen 1 Sekunde und 7 Tagen liegen</translation>
    </message>
    <message>
        <source>must be between 0 (one per core) and 256</source>
        <translation>muss zwischen 0 (einer pro Kern) und 256 liegen</translation>
    </message>
    <message>
        <source>must be between 0 and 64 MiB</source>
        <translation>muss zwischen 0 und 64 MiB liegen</translation>
    </message>
    <message>
        <source>must be between 1 KiB and 1 MiB</source>
        <translation>muss zwischen 1 KiB und 1 MiB liegen</translation>
    </message>
    <message>
        <source>rate must be above 0 and at most 1000000 per second, burst between 1 and 10000000</source>
        <translation>die Rate muss über 0 und höchstens 1000000 pro Sekunde liegen, der Burst zwischen 1 und 10000000</translation>
    </message>
    <message>
        <source>tier names use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, got &quot;%1&quot;</source>
        <translation>Stufennamen verwenden Buchstaben, Ziffern, „.“, „_“ und „-“, erhalten: „%1“</translation>
    </message>
    <message>
        <source>the route class must be *, read, submit, stop, logs or admin</source>
        <translation>die Routenklasse muss *, read, submit, stop, logs oder admin sein</translation>
    </message>
    <message>
        <source>gateway.json, %1: %2.</source>
        <translation>gateway.json, %1: %2.</translation>
    </message>
    <message>
        <source>Fix the file or write it again with raysec-cli gateway config.</source>
        <translation>Korrigieren Sie die Datei oder schreiben Sie sie erneut mit raysec-cli gateway config.</translation>
    </message>
    <message>
        <source>needs exactly a numeric rate and burst</source>
        <translation>benötigt genau eine numerische Rate und einen Burst</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must map route classes to buckets</source>
        <translation>muss Routenklassen auf Buckets abbilden</translation>
    </message>
    <message>
        <source>has the wrong type</source>
        <translation>hat den falschen Typ</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>ist zu groß</translation>
    </message>
</context>
<context>
    <name>raysec::GatewayConfigFix</name>
    <message>
        <source>raysec-gateway&apos;s configuration: TLS, API keys, login, rate limits.</source>
        <translation>Konfiguration von raysec-gateway: TLS, API-Schlüssel, Anmeldung, Ratenbegrenzungen.</translation>
    </message>
    <message>
        <source>The dashboard password policy (NIST SP 800-63B preset).</source>
        <translation>Die Passwortrichtlinie des Dashboards (Vorgabe NIST SP 800-63B).</translation>
    </message>
    <message>
        <source>Issue an admin API key and export the signed key registry for the gateway</source>
        <translation>Einen Admin-API-Schlüssel ausstellen und das signierte Schlüsselregister für das Gateway exportieren</translation>
    </message>
    <message>
        <source>Skip this step when the console applied its changes: it issued the key, wrote its secret to gateway/admin-api-key (readable only by you) and published the registry. Otherwise the secret is printed once; keep it in your password manager.</source>
        <translation>Überspringen Sie diesen Schritt, wenn die Konsole ihre Änderungen angewendet hat: Sie hat den Schlüssel ausgestellt, sein Geheimnis nach gateway/admin-api-key geschrieben (nur für Sie lesbar) und das Register veröffentlicht. Andernfalls wird das Geheimnis einmal ausgegeben; bewahren Sie es in Ihrem Passwortmanager auf.</translation>
    </message>
    <message>
        <source>Set the dashboard password policy and add the dashboard users</source>
        <translation>Die Passwortrichtlinie des Dashboards festlegen und die Dashboard-Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Sign the gateway&apos;s policy bundle and user store with the registry&apos;s key</source>
        <translation>Das Richtlinienbündel und den Benutzerspeicher des Gateways mit dem Schlüssel der Registry signieren</translation>
    </message>
    <message>
        <source>Skip this step when the console applied its changes and no user or quota was changed since: it signed gateway/policy.json (Raysec&apos;s recommended job policy and the quota policies saved in the console) and, when dashboard users exist, gateway/users.json. Run it again whenever the users or quotas change; add --job-policy FILE for another job policy.</source>
        <translation>Überspringen Sie diesen Schritt, wenn die Konsole ihre Änderungen angewendet hat und seitdem kein Benutzer und kein Kontingent geändert wurde: Sie hat gateway/policy.json (die von Raysec empfohlene Job-Richtlinie und die in der Konsole gespeicherten Kontingentrichtlinien) und, sofern Dashboard-Benutzer existieren, gateway/users.json signiert. Führen Sie ihn erneut aus, sobald sich Benutzer oder Kontingente ändern; mit --job-policy DATEI gilt eine andere Job-Richtlinie.</translation>
    </message>
    <message>
        <source>Install the gateway&apos;s files on the head, next to the dashboard</source>
        <translation>Die Dateien des Gateways auf dem Head neben dem Dashboard installieren</translation>
    </message>
    <message>
        <source>Check the configuration, then keep the dashboard on loopback so that only the gateway reaches it</source>
        <translation>Die Konfiguration prüfen und das Dashboard dann auf Loopback belassen, sodass nur das Gateway es erreicht</translation>
    </message>
    <message>
        <source>The start scripts pass --dashboard-host=127.0.0.1; close port 8265 in the firewall.</source>
        <translation>Die Startskripte übergeben --dashboard-host=127.0.0.1; schließen Sie Port 8265 in der Firewall.</translation>
    </message>
    <message>
        <source>Start the gateway</source>
        <translation>Das Gateway starten</translation>
    </message>
    <message>
        <source>Point the console&apos;s profile at the gateway</source>
        <translation>Das Profil der Konsole auf das Gateway richten</translation>
    </message>
</context>
<context>
    <name>raysec::GatewayConfigWriter</name>
    <message>
        <source>The folder &quot;%1&quot; does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Create it first or choose another folder.</source>
        <translation>Erstellen Sie ihn zuerst oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 exists already; nothing was written.</source>
        <translation>%1 existiert bereits; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Choose another folder or ask to replace the files.</source>
        <translation>Wählen Sie einen anderen Ordner oder lassen Sie die Dateien ersetzen.</translation>
    </message>
</context>
<context>
    <name>raysec::GatewayMetrics</name>
    <message>
        <source>The two metrics scrapes were not taken one after the other.</source>
        <translation>Die beiden Metrikabfragen wurden nicht direkt nacheinander durchgeführt.</translation>
    </message>
    <message>
        <source>Scrape again after a pause of at least a second.</source>
        <translation>Fragen Sie nach einer Pause von mindestens einer Sekunde erneut ab.</translation>
    </message>
    <message>
        <source>The latency histogram has a bucket without a numeric bound.</source>
        <translation>Das Latenzhistogramm hat einen Bucket ohne numerische Grenze.</translation>
    </message>
    <message>
        <source>Check that the address is the gateway&apos;s admin listener.</source>
        <translation>Prüfen Sie, ob die Adresse der Admin-Listener des Gateways ist.</translation>
    </message>
</context>
<context>
    <name>raysec::GatewayStatus</name>
    <message>
        <source>&quot;%1&quot; is not a loopback address and port.</source>
        <translation>„%1“ ist keine Loopback-Adresse mit Port.</translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s admin address, such as 127.0.0.1:9464; the admin listener only ever listens on loopback.</source>
        <translation>Geben Sie die Admin-Adresse des Gateways ein, etwa 127.0.0.1:9464; der Admin-Listener lauscht ausschließlich auf Loopback.</translation>
    </message>
    <message>
        <source>HTTP %1 from /-/healthz</source>
        <translation>HTTP %1 von /-/healthz</translation>
    </message>
    <message>
        <source>The metrics answer is larger than %1 bytes.</source>
        <translation>Die Metrikantwort ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>Check that the address is the gateway&apos;s admin listener.</source>
        <translation>Prüfen Sie, ob die Adresse der Admin-Listener des Gateways ist.</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1 for /metrics.</source>
        <translation>Das Gateway hat für /metrics mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin listener at %1 did not answer: %2.</source>
        <translation>Der Admin-Listener des Gateways unter %1 hat nicht geantwortet: %2.</translation>
    </message>
    <message>
        <source>Check that raysec-gateway runs and that the address matches &quot;admin&quot; in its gateway.json.</source>
        <translation>Prüfen Sie, ob raysec-gateway läuft und die Adresse mit „admin“ in seiner gateway.json übereinstimmt.</translation>
    </message>
</context>
<context>
    <name>raysec::HandoverIdentity</name>
    <message>
        <source>The hand-over identity in the keychain is damaged.</source>
        <translation>Die Übergabeidentität im Schlüsselbund ist beschädigt.</translation>
    </message>
    <message>
        <source>Remove it and create a new one; ask for keys to be sealed again.</source>
        <translation>Entfernen Sie sie und erstellen Sie eine neue; bitten Sie darum, die Schlüssel erneut zu versiegeln.</translation>
    </message>
    <message>
        <source>This is not a Raysec recipient key (&quot;raysec-recipient-v1:...&quot;).</source>
        <translation>Dies ist kein Raysec-Empfängerschlüssel („raysec-recipient-v1:...“).</translation>
    </message>
    <message>
        <source>Ask the recipient to run &quot;raysec-cli keys recipient&quot; and send you its output.</source>
        <translation>Bitten Sie den Empfänger, „raysec-cli keys recipient“ auszuführen und Ihnen die Ausgabe zu senden.</translation>
    </message>
    <message>
        <source>recipient key</source>
        <translation>Empfängerschlüssel</translation>
    </message>
</context>
<context>
    <name>raysec::HardeningGenerator</name>
    <message>
        <source>Raysec has no generator for &quot;%1&quot;.</source>
        <translation>Raysec hat keinen Generator für „%1“.</translation>
    </message>
    <message>
        <source>Leave this finding open and fix it by hand.</source>
        <translation>Lassen Sie diesen Befund offen und beheben Sie ihn von Hand.</translation>
    </message>
    <message>
        <source>Rescan the cluster and compare with the first scan</source>
        <translation>Den Cluster erneut prüfen und mit der ersten Prüfung vergleichen</translation>
    </message>
    <message>
        <source>The hardening wizard&apos;s last page does the same and shows what changed.</source>
        <translation>Die letzte Seite des Härtungsassistenten tut dasselbe und zeigt, was sich geändert hat.</translation>
    </message>
    <message>
        <source>The remaining manual steps, in order.</source>
        <translation>Die verbleibenden Schritte von Hand, in Reihenfolge.</translation>
    </message>
    <message>
        <source>No fix is chosen.</source>
        <translation>Es ist keine Behebung ausgewählt.</translation>
    </message>
    <message>
        <source>Choose a fix for at least one finding.</source>
        <translation>Wählen Sie für mindestens einen Befund eine Behebung.</translation>
    </message>
    <message>
        <source>Generation was cancelled.</source>
        <translation>Das Erzeugen wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>raysec::HardeningInputs</name>
    <message>
        <source>Head address: &quot;%1&quot; is not an IP address; type the IP the nodes dial, such as 10.0.0.5.</source>
        <translation>Head-Adresse: „%1“ ist keine IP-Adresse; geben Sie die IP ein, die die Knoten wählen, etwa 10.0.0.5.</translation>
    </message>
    <message>
        <source>Head host names: &quot;%1&quot; is not a DNS name; use letters, digits, dots and hyphens.</source>
        <translation>Head-Hostnamen: „%1“ ist kein DNS-Name; verwenden Sie Buchstaben, Ziffern, Punkte und Bindestriche.</translation>
    </message>
    <message>
        <source>Target Ray version: &quot;%1&quot; is not a version such as 2.61.0.</source>
        <translation>Ziel-Ray-Version: „%1“ ist keine Version wie 2.61.0.</translation>
    </message>
    <message>
        <source>Token file on the nodes</source>
        <translation>Token-Datei auf den Knoten</translation>
    </message>
    <message>
        <source>TLS folder on the nodes</source>
        <translation>TLS-Ordner auf den Knoten</translation>
    </message>
    <message>
        <source>Gateway folder</source>
        <translation>Gateway-Ordner</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be an absolute path of letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;/&apos;.</source>
        <translation>%1: „%2“ muss ein absoluter Pfad aus Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; und &apos;/&apos; sein.</translation>
    </message>
    <message>
        <source>Kubernetes names: use lower-case letters, digits and hyphens (at most 63).</source>
        <translation>Kubernetes-Namen: verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche (höchstens 63).</translation>
    </message>
    <message>
        <source>Correct the fields, then generate again.</source>
        <translation>Korrigieren Sie die Felder und erzeugen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>raysec::HardeningJob</name>
    <message>
        <source>The files have not been generated yet.</source>
        <translation>Die Dateien sind noch nicht erzeugt.</translation>
    </message>
</context>
<context>
    <name>raysec::HardeningPlan</name>
    <message>
        <source>Leave it open</source>
        <translation>Offen lassen</translation>
    </message>
    <message>
        <source>New Ray token, env file and Kubernetes Secret</source>
        <translation>Neues Ray-Token, Env-Datei und Kubernetes-Secret</translation>
    </message>
    <message>
        <source>New CA and head certificate bundle</source>
        <translation>Neue CA und Zertifikatsbündel für den Head</translation>
    </message>
    <message>
        <source>Gateway configuration with TLS, login and API keys</source>
        <translation>Gateway-Konfiguration mit TLS, Anmeldung und API-Schlüsseln</translation>
    </message>
    <message>
        <source>Gateway rate limits</source>
        <translation>Ratenlimits des Gateways</translation>
    </message>
    <message>
        <source>Default quota policy, saved in the console</source>
        <translation>Standard-Kontingentrichtlinie, in der Konsole gespeichert</translation>
    </message>
    <message>
        <source>Default quota policy file only</source>
        <translation>Nur Datei mit der Standard-Kontingentrichtlinie</translation>
    </message>
    <message>
        <source>Job-submission policy file</source>
        <translation>Datei mit der Job-Übermittlungsrichtlinie</translation>
    </message>
    <message>
        <source>Firewall rules and a NetworkPolicy</source>
        <translation>Firewall-Regeln und eine NetworkPolicy</translation>
    </message>
    <message>
        <source>Upgrade steps in the runbook</source>
        <translation>Aktualisierungsschritte im Runbook</translation>
    </message>
</context>
<context>
    <name>raysec::HashCalibrator</name>
    <message>
        <source>The target time must be between 50 and 10000 milliseconds.</source>
        <translation>Die Zielzeit muss zwischen 50 und 10000 Millisekunden liegen.</translation>
    </message>
    <message>
        <source>Around 500 ms suits an interactive login.</source>
        <translation>Etwa 500 ms eignen sich für eine interaktive Anmeldung.</translation>
    </message>
</context>
<context>
    <name>raysec::HashParameters</name>
    <message>
        <source>Argon2id memory of %1 KiB is below OWASP&apos;s floor of 19 MiB.</source>
        <translation>Argon2id-Speicher von %1 KiB liegt unter der OWASP-Untergrenze von 19 MiB.</translation>
    </message>
    <message>
        <source>Argon2id memory must be a whole number of KiB and at most 4 GiB.</source>
        <translation>Argon2id-Speicher muss eine ganze Zahl an KiB und höchstens 4 GiB sein.</translation>
    </message>
    <message>
        <source>%1 Argon2id passes at %2 MiB is outside the allowed range (%3 to 64).</source>
        <translation>%1 Argon2id-Durchläufe bei %2 MiB liegen außerhalb des erlaubten Bereichs (%3 bis 64).</translation>
    </message>
    <message>
        <source>Only Argon2id with one lane (libsodium&apos;s crypto_pwhash_str) is supported.</source>
        <translation>Nur Argon2id mit einer Lane (crypto_pwhash_str von libsodium) wird unterstützt.</translation>
    </message>
    <message>
        <source>The hashing parameters need whole numbers &apos;opsLimit&apos; and &apos;memoryKiB&apos;.</source>
        <translation>Die Hash-Parameter benötigen ganze Zahlen für „opsLimit“ und „memoryKiB“.</translation>
    </message>
    <message>
        <source>Use at least 19 MiB of memory with 2 or more passes (or 46 MiB with 1), or run &apos;raysec-cli passwords calibrate&apos;.</source>
        <translation>Verwenden Sie mindestens 19 MiB Speicher mit 2 oder mehr Durchläufen (oder 46 MiB mit 1) oder führen Sie „raysec-cli passwords calibrate“ aus.</translation>
    </message>
</context>
<context>
    <name>raysec::HibpFile</name>
    <message>
        <source>Cannot open the breached-password file %1: %2.</source>
        <translation>Die Datei mit kompromittierten Passwörtern %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Check the path in the policy, or clear it to skip this check.</source>
        <translation>Prüfen Sie den Pfad in der Richtlinie oder leeren Sie ihn, um diese Prüfung zu überspringen.</translation>
    </message>
    <message>
        <source>%1 is not a breached-password file of &quot;SHA1:COUNT&quot; lines.</source>
        <translation>%1 ist keine Datei mit kompromittierten Passwörtern aus „SHA1:ANZAHL“-Zeilen.</translation>
    </message>
    <message>
        <source>Use the SHA-1 file ordered by hash.</source>
        <translation>Verwenden Sie die nach Hash sortierte SHA-1-Datei.</translation>
    </message>
    <message>
        <source>SHA-1 is not available.</source>
        <translation>SHA-1 ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>raysec::HtmlReport</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Abschwächung</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Suppressed because</source>
        <translation>Unterdrückt, weil</translation>
    </message>
    <message>
        <source>Suppression expires</source>
        <translation>Unterdrückung läuft ab</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Raysec audit: %1</source>
        <translation>Raysec-Audit: %1</translation>
    </message>
    <message>
        <source>Ray cluster audit</source>
        <translation>Ray-Cluster-Audit</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>No check failed.</source>
        <translation>Keine Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Answer (excerpt)</source>
        <translation>Antwort (Auszug)</translation>
    </message>
    <message>
        <source>Cluster profile</source>
        <translation>Clusterprofil</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Ray version</source>
        <translation>Ray-Version</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Gescannt</translation>
    </message>
    <message>
        <source>Hardening score</source>
        <translation>Härtungspunktzahl</translation>
    </message>
    <message>
        <source>Checks passed / failed / undecided</source>
        <translation>Prüfungen bestanden / fehlgeschlagen / unentschieden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>The scan was cancelled; some checks did not run.</source>
        <translation>Der Scan wurde abgebrochen; einige Prüfungen wurden nicht ausgeführt.</translation>
    </message>
</context>
<context>
    <name>raysec::JobPolicy</name>
    <message>
        <source>%1 is not a job policy of format version %2.</source>
        <translation>%1 ist keine Job-Richtlinie der Formatversion %2.</translation>
    </message>
    <message>
        <source>Export the policy again from Raysec.</source>
        <translation>Exportieren Sie die Richtlinie erneut aus Raysec.</translation>
    </message>
    <message>
        <source>%1: &quot;maxEntrypointLength&quot; must be a positive number.</source>
        <translation>%1: „maxEntrypointLength“ muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>Correct the policy file.</source>
        <translation>Korrigieren Sie die Richtliniendatei.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a list of strings.</source>
        <translation>%1: „%2“ muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must hold non-empty strings only.</source>
        <translation>%1: „%2“ darf nur nicht leere Zeichenketten enthalten.</translation>
    </message>
    <message>
        <source>Correct the entry; nothing was changed.</source>
        <translation>Korrigieren Sie den Eintrag; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name. Give the host alone, without scheme, port or path, like pypi.org, or *.corp.example for every host below corp.example.</source>
        <translation>„%1“ ist kein Hostname. Geben Sie nur den Host an, ohne Schema, Port oder Pfad, etwa pypi.org, oder *.corp.example für jeden Host unterhalb von corp.example.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URI scheme. Give the scheme alone, without &quot;://&quot;, like gcs or s3.</source>
        <translation>„%1“ ist kein URI-Schema. Geben Sie nur das Schema an, ohne „://“, etwa gcs oder s3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a single program name. An entrypoint is matched by its first word, so give that word alone, like python3.</source>
        <translation>„%1“ ist kein einzelner Programmname. Ein Entrypoint wird an seinem ersten Wort erkannt; geben Sie nur dieses Wort an, etwa python3.</translation>
    </message>
    <message>
        <source>A forbidden text is empty; it would refuse every job.</source>
        <translation>Ein verbotener Text ist leer; er würde jeden Job ablehnen.</translation>
    </message>
    <message>
        <source>The longest entrypoint must be at least one character.</source>
        <translation>Der längste Entrypoint muss mindestens ein Zeichen lang sein.</translation>
    </message>
</context>
<context>
    <name>raysec::JobPolicyChecker</name>
    <message>
        <source>%1 fetches code from a location the job policy does not allow.</source>
        <translation>%1 holt Code von einem Ort, den die Job-Richtlinie nicht erlaubt.</translation>
    </message>
    <message>
        <source>%1 changes where packages come from.</source>
        <translation>%1 ändert, woher Pakete stammen.</translation>
    </message>
    <message>
        <source>The entrypoint is empty.</source>
        <translation>Der Entrypoint ist leer.</translation>
    </message>
    <message>
        <source>The entrypoint is longer than %1 characters.</source>
        <translation>Der Entrypoint ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The entrypoint contains control characters.</source>
        <translation>Der Entrypoint enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>The entrypoint runs %1, which the job policy does not list.</source>
        <translation>Der Entrypoint führt %1 aus, das die Job-Richtlinie nicht aufführt.</translation>
    </message>
    <message>
        <source>The entrypoint contains &quot;%1&quot;, which the job policy forbids.</source>
        <translation>Der Entrypoint enthält „%1“, was die Job-Richtlinie verbietet.</translation>
    </message>
</context>
<context>
    <name>raysec::JobPolicyFix</name>
    <message>
        <source>The job-submission policy the gateway enforces.</source>
        <translation>Die Richtlinie für Job-Einreichungen, die das Gateway durchsetzt.</translation>
    </message>
    <message>
        <source>Enforce the job policy at submission: sign it into the gateway policy</source>
        <translation>Die Job-Richtlinie bei der Einreichung durchsetzen: in die Gateway-Richtlinie signieren</translation>
    </message>
    <message>
        <source>The console&apos;s gateway bundles already carry this policy (it is Raysec&apos;s recommended one); run the command after editing %1, then copy gateway/policy.json and its .minisig to %2. Jobs already running keep their runtime_env: stop the offending ones.</source>
        <translation>Die Gateway-Bündel der Konsole enthalten diese Richtlinie bereits (es ist die von Raysec empfohlene); führen Sie den Befehl aus, nachdem Sie %1 bearbeitet haben, und kopieren Sie dann gateway/policy.json und seine .minisig nach %2. Bereits laufende Jobs behalten ihr runtime_env: Stoppen Sie die betroffenen.</translation>
    </message>
</context>
<context>
    <name>raysec::JobPolicyStore</name>
    <message>
        <source>read the job policy</source>
        <translation>die Job-Richtlinie lesen</translation>
    </message>
    <message>
        <source>the job policy saved in the console (raysec-cli gateway job-policy)</source>
        <translation>die in der Konsole gespeicherte Job-Richtlinie (raysec-cli gateway job-policy)</translation>
    </message>
    <message>
        <source>Raysec&apos;s recommended job policy (the one the audit checks jobs against)</source>
        <translation>die von Raysec empfohlene Job-Richtlinie (gegen die das Audit Jobs prüft)</translation>
    </message>
</context>
<context>
    <name>raysec::KeyAuditLog</name>
    <message>
        <source>read the audit trail</source>
        <translation>das Audit-Protokoll lesen</translation>
    </message>
    <message>
        <source>the row is missing (the next row is %1)</source>
        <translation>die Zeile fehlt (die nächste Zeile ist %1)</translation>
    </message>
    <message>
        <source>its contents or hash do not match the chain</source>
        <translation>Inhalt oder Hash passen nicht zur Kette</translation>
    </message>
    <message>
        <source>The key audit trail was tampered with at row %1: %2.</source>
        <translation>Das Audit-Protokoll der Schlüssel wurde in Zeile %1 manipuliert: %2.</translation>
    </message>
    <message>
        <source>Treat the key registry as compromised: check the keys issued since then and restore the store from a backup.</source>
        <translation>Betrachten Sie das Schlüsselregister als kompromittiert: Prüfen Sie die seitdem ausgestellten Schlüssel und stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
</context>
<context>
    <name>raysec::KeyHandover</name>
    <message>
        <source>Only a secret of 1 to %1 bytes can be sealed.</source>
        <translation>Nur ein Geheimnis von 1 bis %1 Bytes kann versiegelt werden.</translation>
    </message>
    <message>
        <source>This key was sealed for another recipient.</source>
        <translation>Dieser Schlüssel wurde für einen anderen Empfänger versiegelt.</translation>
    </message>
    <message>
        <source>Send your own recipient key to the sender and ask them to seal it again.</source>
        <translation>Senden Sie Ihren eigenen Empfängerschlüssel an den Absender und bitten Sie ihn, erneut zu versiegeln.</translation>
    </message>
    <message>
        <source>sealed key</source>
        <translation>versiegelter Schlüssel</translation>
    </message>
    <message>
        <source>The sealed key could not be opened: it was changed or sealed for another recipient.</source>
        <translation>Der versiegelte Schlüssel konnte nicht geöffnet werden: Er wurde verändert oder für einen anderen Empfänger versiegelt.</translation>
    </message>
    <message>
        <source>Ask the sender to seal the key again.</source>
        <translation>Bitten Sie den Absender, den Schlüssel erneut zu versiegeln.</translation>
    </message>
    <message>
        <source>This is not a Raysec sealed-key file.</source>
        <translation>Dies ist keine versiegelte Raysec-Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Ask the sender for the .sealed file written by &quot;raysec-cli keys seal&quot;.</source>
        <translation>Bitten Sie den Absender um die .sealed-Datei, die von „raysec-cli keys seal“ geschrieben wurde.</translation>
    </message>
</context>
<context>
    <name>raysec::KeyManager</name>
    <message>
        <source>owner %1, team %2, scopes %3</source>
        <translation>Besitzer %1, Team %2, Berechtigungen %3</translation>
    </message>
    <message>
        <source>Key %1 is %2; only an active key can be rotated.</source>
        <translation>Schlüssel %1 ist %2; nur ein aktiver Schlüssel kann rotiert werden.</translation>
    </message>
    <message>
        <source>Issue a new key for the owner instead.</source>
        <translation>Stellen Sie stattdessen einen neuen Schlüssel für den Besitzer aus.</translation>
    </message>
    <message>
        <source>The end of grace is in the past.</source>
        <translation>Das Ende der Übergangsfrist liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Choose when the old key stops working, now or later.</source>
        <translation>Wählen Sie, wann der alte Schlüssel nicht mehr funktioniert, jetzt oder später.</translation>
    </message>
    <message>
        <source>replaced by %1, old key valid until %2</source>
        <translation>ersetzt durch %1, alter Schlüssel gültig bis %2</translation>
    </message>
    <message>
        <source>A revocation needs a one-line reason.</source>
        <translation>Ein Widerruf benötigt eine einzeilige Begründung.</translation>
    </message>
    <message>
        <source>Say why, for example &quot;laptop lost&quot; or &quot;left the team&quot;.</source>
        <translation>Geben Sie den Grund an, zum Beispiel „Laptop verloren“ oder „hat das Team verlassen“.</translation>
    </message>
    <message>
        <source>Key %1 is already revoked (%2).</source>
        <translation>Schlüssel %1 ist bereits widerrufen (%2).</translation>
    </message>
    <message>
        <source>grace ended</source>
        <translation>Übergangsfrist beendet</translation>
    </message>
    <message>
        <source>expiry reached</source>
        <translation>Ablaufdatum erreicht</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not valid.</source>
        <translation>%1 „%2“ ist ungültig.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche, Unterstriche oder @.</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>rate tier</source>
        <translation>Ratenstufe</translation>
    </message>
    <message>
        <source>The description must be one line of at most 500 characters.</source>
        <translation>Die Beschreibung muss eine Zeile mit höchstens 500 Zeichen sein.</translation>
    </message>
    <message>
        <source>The expiry date is not after the start of validity.</source>
        <translation>Das Ablaufdatum liegt nicht nach dem Beginn der Gültigkeit.</translation>
    </message>
    <message>
        <source>Choose an expiry date in the future.</source>
        <translation>Wählen Sie ein Ablaufdatum in der Zukunft.</translation>
    </message>
</context>
<context>
    <name>raysec::KeyRegistry</name>
    <message>
        <source>read an API key</source>
        <translation>einen API-Schlüssel lesen</translation>
    </message>
    <message>
        <source>No API key has the id %1.</source>
        <translation>Kein API-Schlüssel hat die ID %1.</translation>
    </message>
    <message>
        <source>List the keys with &quot;raysec-cli keys list&quot; and copy the id.</source>
        <translation>Listen Sie die Schlüssel mit „raysec-cli keys list“ auf und kopieren Sie die ID.</translation>
    </message>
    <message>
        <source>list API keys</source>
        <translation>API-Schlüssel auflisten</translation>
    </message>
    <message>
        <source>list teams</source>
        <translation>Teams auflisten</translation>
    </message>
</context>
<context>
    <name>raysec::KeyRegistryApplier</name>
    <message>
        <source>The gateway folder %1 does not exist.</source>
        <translation>Der Gateway-Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Write the files first, then apply.</source>
        <translation>Schreiben Sie zuerst die Dateien und wenden Sie sie dann an.</translation>
    </message>
    <message>
        <source>Admin key made by the hardening wizard</source>
        <translation>Admin-Schlüssel, erstellt vom Härtungsassistenten</translation>
    </message>
</context>
<context>
    <name>raysec::Keychain</name>
    <message>
        <source>The keychain holds no such secret.</source>
        <translation>Der Schlüsselbund enthält kein solches Geheimnis.</translation>
    </message>
    <message>
        <source>Enter the secret again in the profile so that it is stored.</source>
        <translation>Geben Sie das Geheimnis im Profil erneut ein, damit es gespeichert wird.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>Unlock the keychain and allow Raysec to use it.</source>
        <translation>Entsperren Sie den Schlüsselbund und erlauben Sie Raysec den Zugriff.</translation>
    </message>
    <message>
        <source>No keychain service is available (%1).</source>
        <translation>Es ist kein Schlüsselbunddienst verfügbar (%1).</translation>
    </message>
    <message>
        <source>Start a Secret Service provider such as gnome-keyring or KWallet; Raysec never stores secrets in plain files.</source>
        <translation>Starten Sie einen Secret-Service-Anbieter wie gnome-keyring oder KWallet; Raysec speichert Geheimnisse nie in Klartextdateien.</translation>
    </message>
    <message>
        <source>The keychain reported: %1.</source>
        <translation>Der Schlüsselbund meldete: %1.</translation>
    </message>
    <message>
        <source>Check that the keychain is unlocked and try again.</source>
        <translation>Prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>raysec::MinisignKeyPair</name>
    <message>
        <source>The signing key has %1 bytes instead of %2.</source>
        <translation>Der Signaturschlüssel hat %1 Bytes statt %2.</translation>
    </message>
    <message>
        <source>Restore the signing key from its backup file.</source>
        <translation>Stellen Sie den Signaturschlüssel aus seiner Sicherungsdatei wieder her.</translation>
    </message>
    <message>
        <source>The signing key is damaged: its public half does not match.</source>
        <translation>Der Signaturschlüssel ist beschädigt: Seine öffentliche Hälfte passt nicht.</translation>
    </message>
</context>
<context>
    <name>raysec::MinisignPublicKey</name>
    <message>
        <source>This is not a minisign public key: expected an &quot;untrusted comment:&quot; line followed by the key.</source>
        <translation>Dies ist kein öffentlicher minisign-Schlüssel: Erwartet wird eine Zeile „untrusted comment:“, gefolgt vom Schlüssel.</translation>
    </message>
    <message>
        <source>Give the .pub file exported by Raysec or minisign.</source>
        <translation>Geben Sie die .pub-Datei an, die von Raysec oder minisign exportiert wurde.</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>The public key has %1 bytes instead of 42.</source>
        <translation>Der öffentliche Schlüssel hat %1 Bytes statt 42.</translation>
    </message>
    <message>
        <source>Copy the key line again; it may be cut short.</source>
        <translation>Kopieren Sie die Schlüsselzeile erneut; sie ist möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>The public key is not an Ed25519 minisign key.</source>
        <translation>Der öffentliche Schlüssel ist kein Ed25519-minisign-Schlüssel.</translation>
    </message>
    <message>
        <source>Give a key made by Raysec or by minisign -G.</source>
        <translation>Geben Sie einen Schlüssel an, der von Raysec oder mit minisign -G erzeugt wurde.</translation>
    </message>
</context>
<context>
    <name>raysec::MinisignSigner</name>
    <message>
        <source>trusted comment</source>
        <translation>vertrauenswürdiger Kommentar</translation>
    </message>
    <message>
        <source>untrusted comment</source>
        <translation>nicht vertrauenswürdiger Kommentar</translation>
    </message>
</context>
<context>
    <name>raysec::MinisignVerifier</name>
    <message>
        <source>The signature was made with key %1, not with key %2.</source>
        <translation>Die Signatur wurde mit Schlüssel %1 erstellt, nicht mit Schlüssel %2.</translation>
    </message>
    <message>
        <source>Use the public key that belongs to the signing key, or sign again.</source>
        <translation>Verwenden Sie den öffentlichen Schlüssel, der zum Signaturschlüssel gehört, oder signieren Sie erneut.</translation>
    </message>
    <message>
        <source>The signature does not match the data: the file was changed after it was signed, or the signature belongs to another file.</source>
        <translation>Die Signatur passt nicht zu den Daten: Die Datei wurde nach dem Signieren verändert, oder die Signatur gehört zu einer anderen Datei.</translation>
    </message>
    <message>
        <source>Do not trust this file; export and sign it again.</source>
        <translation>Vertrauen Sie dieser Datei nicht; exportieren und signieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The trusted comment was changed after signing.</source>
        <translation>Der vertrauenswürdige Kommentar wurde nach dem Signieren verändert.</translation>
    </message>
    <message>
        <source>This is not a minisign signature: expected four lines (untrusted comment, signature, trusted comment, global signature).</source>
        <translation>Dies ist keine minisign-Signatur: Erwartet werden vier Zeilen (nicht vertrauenswürdiger Kommentar, Signatur, vertrauenswürdiger Kommentar, globale Signatur).</translation>
    </message>
    <message>
        <source>Give the .minisig file exactly as it was exported.</source>
        <translation>Geben Sie die .minisig-Datei genau so an, wie sie exportiert wurde.</translation>
    </message>
    <message>
        <source>signature line</source>
        <translation>Signaturzeile</translation>
    </message>
    <message>
        <source>The signature has %1 bytes instead of 74.</source>
        <translation>Die Signatur hat %1 Bytes statt 74.</translation>
    </message>
    <message>
        <source>The signature file is damaged; export it again.</source>
        <translation>Die Signaturdatei ist beschädigt; exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The signature uses an unknown algorithm.</source>
        <translation>Die Signatur verwendet einen unbekannten Algorithmus.</translation>
    </message>
    <message>
        <source>Sign the file again with Raysec or a current minisign.</source>
        <translation>Signieren Sie die Datei erneut mit Raysec oder einem aktuellen minisign.</translation>
    </message>
    <message>
        <source>global signature</source>
        <translation>globale Signatur</translation>
    </message>
    <message>
        <source>The global signature has %1 bytes instead of 64.</source>
        <translation>Die globale Signatur hat %1 Bytes statt 64.</translation>
    </message>
</context>
<context>
    <name>raysec::NetworkPolicyFix</name>
    <message>
        <source>nftables rules: Ray&apos;s ports only from %1.</source>
        <translation>nftables-Regeln: Rays Ports nur von %1.</translation>
    </message>
    <message>
        <source>Kubernetes NetworkPolicy isolating the Ray pods.</source>
        <translation>Kubernetes-NetworkPolicy, die die Ray-Pods isoliert.</translation>
    </message>
    <message>
        <source>Close Ray&apos;s ports to everything outside the cluster network</source>
        <translation>Rays Ports für alles außerhalb des Clusternetzes schließen</translation>
    </message>
    <message>
        <source>Check that %1 is the cluster&apos;s network before loading the rules; make them permanent in /etc/nftables.conf.</source>
        <translation>Prüfen Sie, ob %1 das Netz des Clusters ist, bevor Sie die Regeln laden; machen Sie sie in /etc/nftables.conf dauerhaft.</translation>
    </message>
</context>
<context>
    <name>raysec::PassiveGuard</name>
    <message>
        <source>Refused to send %1: the audit only reads.</source>
        <translation>Senden von %1 verweigert: Das Audit liest nur.</translation>
    </message>
    <message>
        <source>Refused a request outside the dashboard: %1</source>
        <translation>Anfrage außerhalb des Dashboards verweigert: %1</translation>
    </message>
    <message>
        <source>Refused: the audit&apos;s request budget of %1 is spent.</source>
        <translation>Verweigert: Das Anfragebudget des Audits von %1 ist aufgebraucht.</translation>
    </message>
</context>
<context>
    <name>raysec::PasswordChecker</name>
    <message>
        <source>It has %1 characters; the policy needs at least %2.</source>
        <translation>Es hat %1 Zeichen; die Richtlinie verlangt mindestens %2.</translation>
    </message>
    <message>
        <source>It has %1 characters; the policy allows at most %2.</source>
        <translation>Es hat %1 Zeichen; die Richtlinie erlaubt höchstens %2.</translation>
    </message>
    <message>
        <source>Its strength is %1 (score %2); the policy needs at least %3.</source>
        <translation>Seine Stärke ist %1 (Bewertung %2); die Richtlinie verlangt mindestens %3.</translation>
    </message>
    <message>
        <source>It contains %1.</source>
        <translation>Es enthält %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>It needs a lower-case letter.</source>
        <translation>Es benötigt einen Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>It needs an upper-case letter.</source>
        <translation>Es benötigt einen Großbuchstaben.</translation>
    </message>
    <message>
        <source>It needs a digit.</source>
        <translation>Es benötigt eine Ziffer.</translation>
    </message>
    <message>
        <source>It needs a symbol, punctuation mark or space.</source>
        <translation>Es benötigt ein Symbol, Satzzeichen oder Leerzeichen.</translation>
    </message>
    <message>
        <source>It is on the list of common or breached passwords.</source>
        <translation>Es steht auf der Liste gängiger oder kompromittierter Passwörter.</translation>
    </message>
    <message>
        <source>It contains &quot;%1&quot;, a name tied to this cluster or user.</source>
        <translation>Es enthält „%1“, einen Namen, der mit diesem Cluster oder Benutzer verbunden ist.</translation>
    </message>
    <message numerus="yes">
        <source>It appears %n time(s) in the breached-password file.</source>
        <translation>
            <numerusform>Es kommt %n-mal in der Datei mit kompromittierten Passwörtern vor.</numerusform>
            <numerusform>Es kommt %n-mal in der Datei mit kompromittierten Passwörtern vor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raysec::PasswordGenerator</name>
    <message>
        <source>The passphrase word list is missing from this build.</source>
        <translation>Die Wortliste für Passphrasen fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Ask for 1 to 1024 characters or 1 to 64 words.</source>
        <translation>Fordern Sie 1 bis 1024 Zeichen oder 1 bis 64 Wörter an.</translation>
    </message>
    <message>
        <source>No generated password met the policy in %1 tries.</source>
        <translation>Kein erzeugtes Passwort erfüllte die Richtlinie in %1 Versuchen.</translation>
    </message>
    <message>
        <source>Ask for more characters or words, or check the policy&apos;s length limits.</source>
        <translation>Fordern Sie mehr Zeichen oder Wörter an oder prüfen Sie die Längengrenzen der Richtlinie.</translation>
    </message>
</context>
<context>
    <name>raysec::PasswordHasher</name>
    <message>
        <source>libsodium could not start.</source>
        <translation>libsodium konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Hashing needs %1 MiB of memory, which is not available.</source>
        <translation>Das Hashing benötigt %1 MiB Speicher, die nicht verfügbar sind.</translation>
    </message>
    <message>
        <source>Close other programs, or calibrate with less memory (at least 19 MiB).</source>
        <translation>Schließen Sie andere Programme oder kalibrieren Sie mit weniger Speicher (mindestens 19 MiB).</translation>
    </message>
    <message>
        <source>The stored hash is not an Argon2 PHC string.</source>
        <translation>Der gespeicherte Hash ist kein Argon2-PHC-String.</translation>
    </message>
    <message>
        <source>Reset the user&apos;s password to store a new hash.</source>
        <translation>Setzen Sie das Passwort des Benutzers zurück, um einen neuen Hash zu speichern.</translation>
    </message>
</context>
<context>
    <name>raysec::PasswordPolicy</name>
    <message>
        <source>Passwords do not expire: NIST SP 800-63B-4 forbids periodic changes, because they push people to predictable variations. Force a change only when a password may be compromised.</source>
        <translation>Passwörter laufen nicht ab: NIST SP 800-63B-4 verbietet regelmäßige Änderungen, weil sie Menschen zu vorhersehbaren Abwandlungen verleiten. Erzwingen Sie eine Änderung nur, wenn ein Passwort kompromittiert sein könnte.</translation>
    </message>
    <message>
        <source>Passwords expire after %1 days. NIST SP 800-63B-4 advises against this; keep it only where a rule you must follow requires it.</source>
        <translation>Passwörter laufen nach %1 Tagen ab. NIST SP 800-63B-4 rät davon ab; behalten Sie dies nur bei, wo eine verbindliche Vorschrift es verlangt.</translation>
    </message>
    <message>
        <source>This is not a version 1 Raysec password policy.</source>
        <translation>Dies ist keine Raysec-Passwortrichtlinie der Version 1.</translation>
    </message>
    <message>
        <source>Export the policy again with &apos;raysec-cli passwords policy show --json&apos;.</source>
        <translation>Exportieren Sie die Richtlinie erneut mit „raysec-cli passwords policy show --json“.</translation>
    </message>
    <message>
        <source>The policy JSON is missing a field or has a wrong type: %1</source>
        <translation>Dem Richtlinien-JSON fehlt ein Feld oder es hat einen falschen Typ: %1</translation>
    </message>
    <message>
        <source>The policy is not a JSON object.</source>
        <translation>Die Richtlinie ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Check the file; it must be a policy exported by Raysec.</source>
        <translation>Prüfen Sie die Datei; es muss eine von Raysec exportierte Richtlinie sein.</translation>
    </message>
    <message>
        <source>Correct the value; the saved policy was not changed.</source>
        <translation>Korrigieren Sie den Wert; die gespeicherte Richtlinie wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Choose the custom preset to depart from NIST SP 800-63B-4.</source>
        <translation>Wählen Sie die benutzerdefinierte Vorgabe, um von NIST SP 800-63B-4 abzuweichen.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 asks for at least %1 characters here.</source>
        <translation>NIST SP 800-63B-4 verlangt hier mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 asks to allow passwords of at least 64 characters.</source>
        <translation>NIST SP 800-63B-4 verlangt, Passwörter mit mindestens 64 Zeichen zuzulassen.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 forbids composition rules such as required character classes.</source>
        <translation>NIST SP 800-63B-4 verbietet Kompositionsregeln wie vorgeschriebene Zeichenklassen.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 requires checking passwords against a blocklist.</source>
        <translation>NIST SP 800-63B-4 verlangt die Prüfung von Passwörtern gegen eine Sperrliste.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 forbids periodic password changes.</source>
        <translation>NIST SP 800-63B-4 verbietet regelmäßige Passwortänderungen.</translation>
    </message>
    <message>
        <source>The minimum length must be at least 1 and at most the maximum length.</source>
        <translation>Die Mindestlänge muss mindestens 1 und höchstens die Maximallänge betragen.</translation>
    </message>
    <message>
        <source>The maximum length may be at most %1 characters.</source>
        <translation>Die Maximallänge darf höchstens %1 Zeichen betragen.</translation>
    </message>
    <message>
        <source>The minimum strength score must be between 0 and 4.</source>
        <translation>Die minimale Stärkebewertung muss zwischen 0 und 4 liegen.</translation>
    </message>
    <message>
        <source>The maximum age must be between 0 (never) and 3650 days.</source>
        <translation>Das Höchstalter muss zwischen 0 (nie) und 3650 Tagen liegen.</translation>
    </message>
    <message>
        <source>Unknown character class.</source>
        <translation>Unbekannte Zeichenklasse.</translation>
    </message>
    <message>
        <source>At most 200 context words are allowed.</source>
        <translation>Es sind höchstens 200 Kontextwörter erlaubt.</translation>
    </message>
    <message>
        <source>Context words must be 1 to 128 characters long.</source>
        <translation>Kontextwörter müssen 1 bis 128 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Unknown preset or character class in the policy.</source>
        <translation>Unbekannte Vorgabe oder Zeichenklasse in der Richtlinie.</translation>
    </message>
</context>
<context>
    <name>raysec::PasswordText</name>
    <message>
        <source>The password is not valid UTF-8 text.</source>
        <translation>Das Passwort ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>Type the password again, or save the file that holds it as UTF-8.</source>
        <translation>Geben Sie das Passwort erneut ein oder speichern Sie die Datei, die es enthält, als UTF-8.</translation>
    </message>
</context>
<context>
    <name>raysec::PolicyRepository</name>
    <message>
        <source>read the password policy</source>
        <translation>die Passwortrichtlinie lesen</translation>
    </message>
    <message>
        <source>import the blocklist</source>
        <translation>die Sperrliste importieren</translation>
    </message>
    <message>
        <source>read the imported blocklist</source>
        <translation>die importierte Sperrliste lesen</translation>
    </message>
</context>
<context>
    <name>raysec::ProfileRepository</name>
    <message>
        <source>list profiles</source>
        <translation>Profile auflisten</translation>
    </message>
    <message>
        <source>read a profile</source>
        <translation>ein Profil lesen</translation>
    </message>
    <message>
        <source>There is no profile called %1.</source>
        <translation>Es gibt kein Profil namens %1.</translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli profile list&apos; to see the profiles, or add one.</source>
        <translation>Führen Sie „raysec-cli profile list“ aus, um die Profile zu sehen, oder fügen Sie eines hinzu.</translation>
    </message>
</context>
<context>
    <name>raysec::PrometheusParser</name>
    <message>
        <source>The metrics answer is %1 bytes, more than the %2 bytes accepted.</source>
        <translation>Die Metrikantwort umfasst %1 Bytes, mehr als die akzeptierten %2 Bytes.</translation>
    </message>
    <message>
        <source>Check that the address is the gateway&apos;s admin listener.</source>
        <translation>Prüfen Sie, ob die Adresse der Admin-Listener des Gateways ist.</translation>
    </message>
    <message>
        <source>it holds a control character</source>
        <translation>sie enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the series %1 appears twice</source>
        <translation>die Reihe %1 kommt doppelt vor</translation>
    </message>
    <message>
        <source>more than %1 samples</source>
        <translation>mehr als %1 Messwerte</translation>
    </message>
    <message>
        <source>The metrics answer holds no samples.</source>
        <translation>Die Metrikantwort enthält keine Messwerte.</translation>
    </message>
    <message>
        <source>Line %1 of the metrics cannot be read: %2.</source>
        <translation>Zeile %1 der Metriken kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Check that the address is the gateway&apos;s admin listener and that nothing between the console and the gateway rewrites the answer.</source>
        <translation>Prüfen Sie, ob die Adresse der Admin-Listener des Gateways ist und ob nichts zwischen Konsole und Gateway die Antwort umschreibt.</translation>
    </message>
    <message>
        <source>unknown escape in a label value</source>
        <translation>unbekannte Escape-Sequenz in einem Label-Wert</translation>
    </message>
    <message>
        <source>a label value is not closed by a quote</source>
        <translation>ein Label-Wert ist nicht durch ein Anführungszeichen abgeschlossen</translation>
    </message>
    <message>
        <source>a label name is missing or invalid</source>
        <translation>ein Label-Name fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>a label needs =&quot;value&quot;</source>
        <translation>ein Label benötigt =&quot;Wert&quot;</translation>
    </message>
    <message>
        <source>the label %1 appears twice</source>
        <translation>das Label %1 kommt doppelt vor</translation>
    </message>
    <message>
        <source>labels must be separated by commas</source>
        <translation>Labels müssen durch Kommas getrennt sein</translation>
    </message>
    <message>
        <source>the label set is not closed by }</source>
        <translation>die Label-Menge ist nicht durch } abgeschlossen</translation>
    </message>
    <message>
        <source>a metric name is missing or invalid</source>
        <translation>ein Metrikname fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>a space and a value must follow the metric name</source>
        <translation>auf den Metriknamen müssen ein Leerzeichen und ein Wert folgen</translation>
    </message>
    <message>
        <source>the value is missing</source>
        <translation>der Wert fehlt</translation>
    </message>
    <message>
        <source>the value is not a number</source>
        <translation>der Wert ist keine Zahl</translation>
    </message>
    <message>
        <source>the timestamp after the value is not an integer</source>
        <translation>der Zeitstempel nach dem Wert ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>a TYPE line needs a metric name and a type</source>
        <translation>eine TYPE-Zeile benötigt einen Metriknamen und einen Typ</translation>
    </message>
    <message>
        <source>unknown metric type</source>
        <translation>unbekannter Metriktyp</translation>
    </message>
    <message>
        <source>the metric %1 is declared twice</source>
        <translation>die Metrik %1 ist doppelt deklariert</translation>
    </message>
</context>
<context>
    <name>raysec::QtProbeTransport</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>raysec::QuotaConfig</name>
    <message>
        <source>The job metadata keys for team and key id are empty.</source>
        <translation>Die Job-Metadatenschlüssel für Team und Schlüssel-ID sind leer.</translation>
    </message>
    <message>
        <source>The mapping rule &quot;%1&quot; is not a valid pattern with a team.</source>
        <translation>Die Zuordnungsregel „%1“ ist kein gültiges Muster mit einem Team.</translation>
    </message>
    <message>
        <source>The quota configuration is not valid JSON of the expected shape: %1.</source>
        <translation>Die Kontingentkonfiguration ist kein gültiges JSON der erwarteten Form: %1.</translation>
    </message>
    <message>
        <source>Compare it with the format in docs/quotas.md; nothing was changed.</source>
        <translation>Vergleichen Sie sie mit dem Format in docs/quotas.md; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Correct the quota configuration; nothing was changed.</source>
        <translation>Korrigieren Sie die Kontingentkonfiguration; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The %1 limit of %2 must be a number from 0 up.</source>
        <translation>Das Limit %1 von %2 muss eine Zahl ab 0 sein.</translation>
    </message>
    <message>
        <source>A quota policy has no team or key name.</source>
        <translation>Eine Kontingentrichtlinie hat keinen Team- oder Schlüsselnamen.</translation>
    </message>
    <message>
        <source>The soft %1 limit of %2 is above its hard limit.</source>
        <translation>Das weiche Limit %1 von %2 liegt über seinem harten Limit.</translation>
    </message>
    <message>
        <source>Alert thresholds are fractions of a limit between 0 and 10 (0.8 is 80%).</source>
        <translation>Alarmschwellen sind Anteile eines Limits zwischen 0 und 10 (0.8 entspricht 80%).</translation>
    </message>
    <message>
        <source>The alert hysteresis must be from 0 to below 0.5.</source>
        <translation>Die Alarmhysterese muss von 0 bis unter 0.5 reichen.</translation>
    </message>
    <message>
        <source>The alert webhook must be an http or https address.</source>
        <translation>Der Alarm-Webhook muss eine http- oder https-Adresse sein.</translation>
    </message>
    <message>
        <source>The alert command must start with an absolute program path.</source>
        <translation>Der Alarmbefehl muss mit einem absoluten Programmpfad beginnen.</translation>
    </message>
</context>
<context>
    <name>raysec::QuotaPolicyFix</name>
    <message>
        <source>A default team quota: 8 running jobs and 60 submissions an hour (soft), 16 and 120 (hard).</source>
        <translation>Ein Standard-Teamkontingent: 8 laufende Jobs und 60 Einreichungen pro Stunde (weich), 16 und 120 (hart).</translation>
    </message>
    <message>
        <source>Load the quota configuration into the console</source>
        <translation>Die Kontingentkonfiguration in die Konsole laden</translation>
    </message>
    <message>
        <source>Skip this step when the console applied its changes: it saved the same policy.</source>
        <translation>Überspringen Sie diesen Schritt, wenn die Konsole ihre Änderungen angewendet hat: Sie hat dieselbe Richtlinie gespeichert.</translation>
    </message>
    <message>
        <source>Enforce the quotas at submission: sign them into the gateway policy</source>
        <translation>Die Kontingente bei der Einreichung durchsetzen: in die Gateway-Richtlinie signieren</translation>
    </message>
    <message>
        <source>Skip this step when the console applied its changes: the gateway policy it signed carries the saved quota policies. Otherwise run it once the configuration is loaded, then copy gateway/policy.json and its .minisig to %1.</source>
        <translation>Überspringen Sie diesen Schritt, wenn die Konsole ihre Änderungen angewendet hat: Die von ihr signierte Gateway-Richtlinie enthält die gespeicherten Kontingentrichtlinien. Andernfalls führen Sie ihn aus, sobald die Konfiguration geladen ist, und kopieren Sie dann gateway/policy.json und seine .minisig nach %1.</translation>
    </message>
</context>
<context>
    <name>raysec::RateLimitFix</name>
    <message>
        <source>The gateway&apos;s rate limits (the rateLimits section of gateway.json).</source>
        <translation>Die Ratenbegrenzungen des Gateways (der Abschnitt rateLimits von gateway.json).</translation>
    </message>
    <message>
        <source>Enforce the rate limits with the gateway in front of the dashboard</source>
        <translation>Die Ratenbegrenzungen mit dem Gateway vor dem Dashboard durchsetzen</translation>
    </message>
    <message>
        <source>gateway/gateway.json already carries these limits; merge gateway/rate-limits.json into an existing configuration by hand. The check passes only once clients reach Ray through the gateway.</source>
        <translation>gateway/gateway.json enthält diese Begrenzungen bereits; führen Sie gateway/rate-limits.json manuell mit einer vorhandenen Konfiguration zusammen. Die Prüfung besteht erst, wenn Clients Ray über das Gateway erreichen.</translation>
    </message>
</context>
<context>
    <name>raysec::RayClient</name>
    <message>
        <source>the connection is not configured</source>
        <translation>die Verbindung ist nicht konfiguriert</translation>
    </message>
    <message>
        <source>%1 is not a Ray job or submission id.</source>
        <translation>%1 ist keine Ray-Job- oder Einreichungs-ID.</translation>
    </message>
    <message>
        <source>Use the id shown in the jobs list.</source>
        <translation>Verwenden Sie die in der Jobliste angezeigte ID.</translation>
    </message>
</context>
<context>
    <name>raysec::RayClusterToken</name>
    <message>
        <source>A Ray cluster token is 64 lower-case hex characters.</source>
        <translation>Ein Ray-Cluster-Token besteht aus 64 Hex-Zeichen in Kleinschreibung.</translation>
    </message>
    <message>
        <source>Generate one with &quot;raysec-cli token generate&quot;.</source>
        <translation>Erzeugen Sie eines mit „raysec-cli token generate“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; or &quot;%2&quot; is not a valid Kubernetes name.</source>
        <translation>„%1“ oder „%2“ ist kein gültiger Kubernetes-Name.</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits and hyphens.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>Generate a new token: raysec-cli token generate %1 --replace</source>
        <translation>Ein neues Token erzeugen: raysec-cli token generate %1 --replace</translation>
    </message>
    <message>
        <source>Export it to every node: raysec-cli token export %1 --token-file %2 --env-file ray.env</source>
        <translation>Auf jeden Knoten exportieren: raysec-cli token export %1 --token-file %2 --env-file ray.env</translation>
    </message>
    <message>
        <source>Stop the cluster (ray stop on every node, or scale the RayCluster to zero): Ray reads the token only at start, so running nodes keep the old one.</source>
        <translation>Den Cluster stoppen (ray stop auf jedem Knoten oder den RayCluster auf null skalieren): Ray liest das Token nur beim Start, laufende Knoten behalten also das alte.</translation>
    </message>
    <message>
        <source>Start the head and the workers again with the new env file or Kubernetes Secret.</source>
        <translation>Head und Worker mit der neuen Env-Datei oder dem Kubernetes-Secret erneut starten.</translation>
    </message>
    <message>
        <source>Give the new token to every client and job submitter; the old token stops working as soon as the cluster restarts.</source>
        <translation>Das neue Token an jeden Client und jede Person geben, die Jobs einreicht; das alte Token funktioniert nicht mehr, sobald der Cluster neu startet.</translation>
    </message>
</context>
<context>
    <name>raysec::RayParsers</name>
    <message>
        <source>a pair [used, total] of numbers of at least 0</source>
        <translation>ein Paar [belegt, gesamt] von Zahlen von mindestens 0</translation>
    </message>
    <message>
        <source>a list or an object</source>
        <translation>eine Liste oder ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>a job id or a submission id</source>
        <translation>eine Job-ID oder eine Einreichungs-ID</translation>
    </message>
    <message>
        <source>a list of jobs</source>
        <translation>eine Liste von Jobs</translation>
    </message>
    <message>
        <source>a job</source>
        <translation>ein Job</translation>
    </message>
    <message>
        <source>a node id</source>
        <translation>eine Knoten-ID</translation>
    </message>
    <message>
        <source>ALIVE or DEAD</source>
        <translation>ALIVE oder DEAD</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>kein JSON</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a string of at most %1 bytes</source>
        <translation>eine Zeichenkette von höchstens %1 Bytes</translation>
    </message>
    <message>
        <source>a version such as 2.52.0</source>
        <translation>eine Version wie 2.52.0</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
</context>
<context>
    <name>raysec::RayStartFiles</name>
    <message>
        <source>Starts the Ray head with the hardened settings.</source>
        <translation>Startet den Ray-Head mit den gehärteten Einstellungen.</translation>
    </message>
    <message>
        <source>Starts the Ray head of %1 with the settings Raysec generated.</source>
        <translation>Startet den Ray-Head von %1 mit den von Raysec erzeugten Einstellungen.</translation>
    </message>
    <message>
        <source>Starts a Ray worker with the hardened settings.</source>
        <translation>Startet einen Ray-Worker mit den gehärteten Einstellungen.</translation>
    </message>
    <message>
        <source>Starts a Ray worker of %1 with the settings Raysec generated.</source>
        <translation>Startet einen Ray-Worker von %1 mit den von Raysec erzeugten Einstellungen.</translation>
    </message>
    <message>
        <source>KubeRay env settings for token auth and TLS.</source>
        <translation>KubeRay-Env-Einstellungen für Token-Authentifizierung und TLS.</translation>
    </message>
    <message>
        <source>Copy the start scripts to the nodes</source>
        <translation>Die Startskripte auf die Knoten kopieren</translation>
    </message>
    <message>
        <source>Stop Ray everywhere: workers first, then the head</source>
        <translation>Ray überall stoppen: zuerst die Worker, dann den Head</translation>
    </message>
    <message>
        <source>Ray reads the token and the certificates only when it starts; a node left running keeps the old settings and can no longer join.</source>
        <translation>Ray liest das Token und die Zertifikate nur beim Start; ein weiterlaufender Knoten behält die alten Einstellungen und kann nicht mehr beitreten.</translation>
    </message>
    <message>
        <source>Start the head, then every worker, with the new settings</source>
        <translation>Den Head und dann jeden Worker mit den neuen Einstellungen starten</translation>
    </message>
    <message>
        <source>On KubeRay the patch restarts the pods.</source>
        <translation>Unter KubeRay startet der Patch die Pods neu.</translation>
    </message>
</context>
<context>
    <name>raysec::RayTokenFix</name>
    <message>
        <source>The new Ray cluster token (64 hex characters).</source>
        <translation>Das neue Ray-Cluster-Token (64 Hex-Zeichen).</translation>
    </message>
    <message>
        <source>Turns on Ray&apos;s token authentication on a node or client.</source>
        <translation>Aktiviert die Token-Authentifizierung von Ray auf einem Knoten oder Client.</translation>
    </message>
    <message>
        <source>Kubernetes Secret holding the token for KubeRay pods.</source>
        <translation>Kubernetes-Secret mit dem Token für KubeRay-Pods.</translation>
    </message>
    <message>
        <source>Copy the Ray token and its env file to every node (head and workers)</source>
        <translation>Das Ray-Token und seine Env-Datei auf jeden Knoten kopieren (Head und Worker)</translation>
    </message>
    <message>
        <source>Replace NODE with each node&apos;s address. The token file must stay readable only by the user that runs Ray.</source>
        <translation>Ersetzen Sie NODE durch die Adresse jedes Knotens. Die Token-Datei darf nur für den Benutzer lesbar bleiben, der Ray ausführt.</translation>
    </message>
    <message>
        <source>On Kubernetes (KubeRay), create the token Secret instead</source>
        <translation>Unter Kubernetes (KubeRay) stattdessen das Token-Secret erstellen</translation>
    </message>
    <message>
        <source>Give the token to job submitters and Ray clients; they need the same env</source>
        <translation>Das Token an Personen, die Jobs einreichen, und an Ray-Clients weitergeben; sie benötigen dieselbe Umgebung</translation>
    </message>
    <message>
        <source>Send the token file over a channel you trust; never paste it into chat or tickets. The console already keeps it in the keychain when you applied it.</source>
        <translation>Senden Sie die Token-Datei über einen vertrauenswürdigen Kanal; fügen Sie sie niemals in Chats oder Tickets ein. Die Konsole bewahrt sie bereits im Schlüsselbund auf, wenn Sie sie angewendet haben.</translation>
    </message>
</context>
<context>
    <name>raysec::RayTokenVault</name>
    <message>
        <source>Profile %1 already has a Ray token.</source>
        <translation>Profil %1 hat bereits ein Ray-Token.</translation>
    </message>
    <message>
        <source>Add --replace to rotate it; the cluster must then be restarted with the new token.</source>
        <translation>Fügen Sie --replace hinzu, um es zu rotieren; der Cluster muss dann mit dem neuen Token neu gestartet werden.</translation>
    </message>
</context>
<context>
    <name>raysec::RegistryBundle</name>
    <message>
        <source>This is not a Raysec key registry bundle (version %1).</source>
        <translation>Dies ist kein Raysec-Schlüsselregisterpaket (Version %1).</translation>
    </message>
    <message>
        <source>Give the registry.json exported by &quot;raysec-cli keys export&quot;.</source>
        <translation>Geben Sie die registry.json an, die von „raysec-cli keys export“ exportiert wurde.</translation>
    </message>
    <message>
        <source>Key %1 in the registry bundle has a missing or invalid &quot;%2&quot;.</source>
        <translation>Schlüssel %1 im Registerpaket hat ein fehlendes oder ungültiges „%2“.</translation>
    </message>
    <message>
        <source>Export the bundle again from Raysec.</source>
        <translation>Exportieren Sie das Paket erneut aus Raysec.</translation>
    </message>
</context>
<context>
    <name>raysec::RunbookBuilder</name>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Copy the files to the nodes</source>
        <translation>Die Dateien auf die Knoten kopieren</translation>
    </message>
    <message>
        <source>Configure</source>
        <translation>Konfigurieren</translation>
    </message>
    <message>
        <source>Stop Ray</source>
        <translation>Ray stoppen</translation>
    </message>
    <message>
        <source>Upgrade Ray</source>
        <translation>Ray aktualisieren</translation>
    </message>
    <message>
        <source>Start Ray again</source>
        <translation>Ray erneut starten</translation>
    </message>
    <message>
        <source>Start the gateway</source>
        <translation>Das Gateway starten</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source># Hardening runbook for %1</source>
        <translation># Härtungs-Runbook für %1</translation>
    </message>
    <message>
        <source>Follow the steps in order, from the folder this file is in. Ray reads its token and certificates only when it starts, so the restarts come after the files are in place. NODE stands for each worker&apos;s address, HEAD for the head&apos;s.</source>
        <translation>Folgen Sie den Schritten der Reihe nach, aus dem Ordner, in dem diese Datei liegt. Ray liest sein Token und seine Zertifikate nur beim Start, daher folgen die Neustarts, nachdem die Dateien an ihrem Platz sind. NODE steht für die Adresse jedes Workers, HEAD für die des Heads.</translation>
    </message>
    <message>
        <source> (fixes %1)</source>
        <translation> (behebt %1)</translation>
    </message>
</context>
<context>
    <name>raysec::SafeFile</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben können.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions and free space.</source>
        <translation>Prüfen Sie die Berechtigungen und den freien Speicherplatz des Ordners.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2.</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Check the free space on the disk.</source>
        <translation>Prüfen Sie den freien Speicherplatz auf dem Datenträger.</translation>
    </message>
    <message>
        <source>Saving %1 failed: %2.</source>
        <translation>Speichern von %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Prüfen Sie, ob die Datei existiert und Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes.</source>
        <translation>%1 ist größer als %2 Bytes.</translation>
    </message>
    <message>
        <source>Choose the right file; this one is too large to be what was asked for.</source>
        <translation>Wählen Sie die richtige Datei; diese ist zu groß für das Angeforderte.</translation>
    </message>
</context>
<context>
    <name>raysec::SigningKeyBackup</name>
    <message>
        <source>The passphrase is wrong, or the backup file was changed.</source>
        <translation>Die Passphrase ist falsch, oder die Sicherungsdatei wurde verändert.</translation>
    </message>
    <message>
        <source>Type the passphrase again; it is case-sensitive.</source>
        <translation>Geben Sie die Passphrase erneut ein; Groß- und Kleinschreibung wird unterschieden.</translation>
    </message>
    <message>
        <source>its public key does not match its secret key</source>
        <translation>sein öffentlicher Schlüssel passt nicht zu seinem geheimen Schlüssel</translation>
    </message>
    <message>
        <source>This is not a Raysec signing-key backup: %1.</source>
        <translation>Dies ist keine Raysec-Sicherung eines Signaturschlüssels: %1.</translation>
    </message>
    <message>
        <source>Choose the file written by &quot;keys export --backup&quot;.</source>
        <translation>Wählen Sie die Datei, die von „keys export --backup“ geschrieben wurde.</translation>
    </message>
    <message>
        <source>Not enough memory to derive the backup key.</source>
        <translation>Nicht genug Arbeitsspeicher, um den Sicherungsschlüssel abzuleiten.</translation>
    </message>
    <message>
        <source>Close other programs and try again.</source>
        <translation>Schließen Sie andere Programme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>das Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is damaged</source>
        <translation>das Feld „%1“ ist beschädigt</translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation>es ist kein JSON</translation>
    </message>
    <message>
        <source>unknown format or version</source>
        <translation>unbekanntes Format oder unbekannte Version</translation>
    </message>
    <message>
        <source>its key-derivation parameters are out of range</source>
        <translation>die Parameter der Schlüsselableitung liegen außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>The backup passphrase is shorter than %1 characters.</source>
        <translation>Die Passphrase der Sicherung ist kürzer als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Choose a longer passphrase, for example several random words.</source>
        <translation>Wählen Sie eine längere Passphrase, zum Beispiel mehrere zufällige Wörter.</translation>
    </message>
</context>
<context>
    <name>raysec::SnapshotBuilder</name>
    <message>
        <source>The cluster reports an authentication mode this version of Raysec does not know.</source>
        <translation>Der Cluster meldet einen Authentifizierungsmodus, den diese Raysec-Version nicht kennt.</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Ray listed %1 of %2 %3; totals cover the listed ones only.</source>
        <translation>Ray hat %1 von %2 %3 aufgelistet; die Summen umfassen nur die aufgelisteten.</translation>
    </message>
    <message>
        <source>Ray could not reach every node for the %1: %2</source>
        <translation>Ray konnte nicht jeden Knoten für %1 erreichen: %2</translation>
    </message>
    <message>
        <source>Ray warns about the %1: %2</source>
        <translation>Ray warnt bezüglich %1: %2</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Ray reported no resource usage (no autoscaler report); the totals come from the node list and usage shows as 0.</source>
        <translation>Ray hat keine Ressourcennutzung gemeldet (kein Autoscaler-Bericht); die Summen stammen aus der Knotenliste und die Nutzung wird als 0 angezeigt.</translation>
    </message>
</context>
<context>
    <name>raysec::StrengthEstimator</name>
    <message>
        <source>too guessable</source>
        <translation>zu leicht zu erraten</translation>
    </message>
    <message>
        <source>very guessable</source>
        <translation>sehr leicht zu erraten</translation>
    </message>
    <message>
        <source>somewhat guessable</source>
        <translation>einigermaßen leicht zu erraten</translation>
    </message>
    <message>
        <source>safely unguessable</source>
        <translation>sicher nicht zu erraten</translation>
    </message>
    <message>
        <source>very unguessable</source>
        <translation>sehr schwer zu erraten</translation>
    </message>
    <message>
        <source>a common word or password</source>
        <translation>ein gängiges Wort oder Passwort</translation>
    </message>
    <message>
        <source>a user, cluster or organisation name</source>
        <translation>ein Benutzer-, Cluster- oder Organisationsname</translation>
    </message>
    <message>
        <source>repeated characters</source>
        <translation>wiederholte Zeichen</translation>
    </message>
    <message>
        <source>a sequence such as abc or 123</source>
        <translation>eine Folge wie abc oder 123</translation>
    </message>
    <message>
        <source>a keyboard pattern</source>
        <translation>ein Tastaturmuster</translation>
    </message>
    <message>
        <source>a date or year</source>
        <translation>ein Datum oder eine Jahreszahl</translation>
    </message>
</context>
<context>
    <name>raysec::SubmissionValidator</name>
    <message>
        <source>The field %1 is not part of a job submission.</source>
        <translation>Das Feld %1 ist nicht Teil einer Job-Einreichung.</translation>
    </message>
    <message>
        <source>entrypoint is required and must be a non-empty string.</source>
        <translation>entrypoint ist erforderlich und muss eine nicht leere Zeichenkette sein.</translation>
    </message>
    <message>
        <source>submission_id must be up to %1 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>submission_id darf aus bis zu %1 Buchstaben, Ziffern, „.“, „_“ oder „-“ bestehen.</translation>
    </message>
    <message>
        <source>%1 must be a non-negative number within bounds.</source>
        <translation>%1 muss eine nicht negative Zahl innerhalb der Grenzen sein.</translation>
    </message>
    <message>
        <source>entrypoint_memory is a whole number of bytes.</source>
        <translation>entrypoint_memory ist eine ganze Zahl an Bytes.</translation>
    </message>
    <message>
        <source>entrypoint_resources must map up to %1 names to amounts.</source>
        <translation>entrypoint_resources muss bis zu %1 Namen auf Mengen abbilden.</translation>
    </message>
    <message>
        <source>Resource amounts must be non-negative numbers.</source>
        <translation>Ressourcenmengen müssen nicht negative Zahlen sein.</translation>
    </message>
    <message>
        <source>runtime_env must be an object of at most %1 bytes.</source>
        <translation>runtime_env muss ein Objekt von höchstens %1 Bytes sein.</translation>
    </message>
    <message>
        <source>The job submission is not a JSON object.</source>
        <translation>Die Job-Einreichung ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Send the body Ray&apos;s Jobs API documents for POST /api/jobs/.</source>
        <translation>Senden Sie den Body, den Rays Jobs-API für POST /api/jobs/ dokumentiert.</translation>
    </message>
    <message>
        <source>The job submission breaks the cluster&apos;s job policy.</source>
        <translation>Die Job-Einreichung verstößt gegen die Job-Richtlinie des Clusters.</translation>
    </message>
    <message>
        <source>%1 must map strings to strings.</source>
        <translation>%1 muss Zeichenketten auf Zeichenketten abbilden.</translation>
    </message>
    <message>
        <source>%1 has more than %2 entries.</source>
        <translation>%1 hat mehr als %2 Einträge.</translation>
    </message>
    <message>
        <source>Every value in %1 must be a string.</source>
        <translation>Jeder Wert in %1 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>An entry of %1 is too long.</source>
        <translation>Ein Eintrag von %1 ist zu lang.</translation>
    </message>
</context>
<context>
    <name>raysec::TlsBundleFix</name>
    <message>
        <source>The new cluster CA certificate.</source>
        <translation>Das neue CA-Zertifikat des Clusters.</translation>
    </message>
    <message>
        <source>The CA&apos;s private key.</source>
        <translation>Der private Schlüssel der CA.</translation>
    </message>
    <message>
        <source>The head&apos;s certificate (SANs: %1).</source>
        <translation>Das Zertifikat des Heads (SANs: %1).</translation>
    </message>
    <message>
        <source>The head&apos;s private key.</source>
        <translation>Der private Schlüssel des Heads.</translation>
    </message>
    <message>
        <source>Turns on Ray&apos;s gRPC TLS on the head.</source>
        <translation>Aktiviert Rays gRPC-TLS auf dem Head.</translation>
    </message>
    <message>
        <source>kubernetes.io/tls Secret with the head&apos;s bundle.</source>
        <translation>kubernetes.io/tls-Secret mit dem Bündel des Heads.</translation>
    </message>
    <message>
        <source>Keep the CA key out of this folder: import it into the console, then delete the file</source>
        <translation>Den CA-Schlüssel aus diesem Ordner fernhalten: in die Konsole importieren und dann die Datei löschen</translation>
    </message>
    <message>
        <source>Worker certificates are issued from the same CA with raysec-cli certs issue --ca ray-%1 --nodes nodes.txt --out bundles.</source>
        <translation>Worker-Zertifikate werden von derselben CA ausgestellt mit raysec-cli certs issue --ca ray-%1 --nodes nodes.txt --out bundles.</translation>
    </message>
    <message>
        <source>Copy the head&apos;s certificate bundle to the head node</source>
        <translation>Das Zertifikatsbündel des Heads auf den Head-Knoten kopieren</translation>
    </message>
    <message>
        <source>HEAD is %1. Each worker gets its own bundle in the same folder.</source>
        <translation>HEAD ist %1. Jeder Worker erhält ein eigenes Bündel im selben Ordner.</translation>
    </message>
</context>
<context>
    <name>raysec::TlsTrust</name>
    <message>
        <source>no PEM certificate in the file</source>
        <translation>kein PEM-Zertifikat in der Datei</translation>
    </message>
    <message>
        <source>not a PEM private key, or the passphrase is wrong</source>
        <translation>kein privater PEM-Schlüssel, oder die Passphrase ist falsch</translation>
    </message>
</context>
<context>
    <name>raysec::Transaction</name>
    <message>
        <source>start a transaction</source>
        <translation>eine Transaktion starten</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>festschreiben</translation>
    </message>
</context>
<context>
    <name>raysec::UpgradeFix</name>
    <message>
        <source>No Ray release to upgrade to is known for version &quot;%1&quot;.</source>
        <translation>Für Version „%1“ ist kein Ray-Release bekannt, auf das aktualisiert werden kann.</translation>
    </message>
    <message>
        <source>Type the target Ray version, such as 2.61.0.</source>
        <translation>Geben Sie die Ziel-Ray-Version ein, etwa 2.61.0.</translation>
    </message>
    <message>
        <source>KubeRay patch setting Ray %1 and its image.</source>
        <translation>KubeRay-Patch, der Ray %1 und sein Image festlegt.</translation>
    </message>
    <message>
        <source>Upgrade Ray from %1 to %2 on every node</source>
        <translation>Ray auf jedem Knoten von %1 auf %2 aktualisieren</translation>
    </message>
    <message>
        <source>the running version</source>
        <translation>die laufende Version</translation>
    </message>
    <message>
        <source>Every node and every client must run the same Ray version. On KubeRay, patch the worker groups&apos; images the same way.</source>
        <translation>Jeder Knoten und jeder Client muss dieselbe Ray-Version ausführen. Patchen Sie unter KubeRay die Images der Worker-Gruppen auf dieselbe Weise.</translation>
    </message>
</context>
<context>
    <name>raysec::UsageAggregator</name>
    <message>
        <source>The %1 list was truncated: Ray holds %2 and sent %3, so usage is a lower bound.</source>
        <translation>Die Liste %1 wurde gekürzt: Ray hält %2 und hat %3 gesendet, daher ist die Nutzung eine Untergrenze.</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>placement group</source>
        <translation>Placement Group</translation>
    </message>
</context>
<context>
    <name>raysec::UsageEngine</name>
    <message>
        <source>Asking for the %1 per job did not get past Ray&apos;s 10,000-row limit.</source>
        <translation>Die Abfrage von %1 pro Job kam nicht über Rays Grenze von 10.000 Zeilen hinaus.</translation>
    </message>
</context>
<context>
    <name>raysec::UsageFiles</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Save the answer of the matching dashboard request into that file.</source>
        <translation>Speichern Sie die Antwort der passenden Dashboard-Anfrage in dieser Datei.</translation>
    </message>
</context>
<context>
    <name>raysec::UsageHistory</name>
    <message>
        <source>read the usage history</source>
        <translation>den Nutzungsverlauf lesen</translation>
    </message>
</context>
<context>
    <name>raysec::UsageJson</name>
    <message>
        <source>&quot;%1&quot; is not NAME=NUMBER with a quota metric name.</source>
        <translation>„%1“ ist nicht NAME=ZAHL mit einem Kontingent-Metriknamen.</translation>
    </message>
</context>
<context>
    <name>raysec::UsageParser</name>
    <message>
        <source>job list</source>
        <translation>Jobliste</translation>
    </message>
    <message>
        <source>node list</source>
        <translation>Knotenliste</translation>
    </message>
    <message>
        <source>The %1 answer is empty.</source>
        <translation>Die Antwort %1 ist leer.</translation>
    </message>
    <message>
        <source>Check that the address points at a Ray dashboard; nothing was changed.</source>
        <translation>Prüfen Sie, ob die Adresse auf ein Ray-Dashboard zeigt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The %1 answer is %2 MB, more than Raysec accepts.</source>
        <translation>Die Antwort %1 umfasst %2 MB, mehr als Raysec akzeptiert.</translation>
    </message>
    <message>
        <source>Ask for fewer rows (a smaller limit or a filter); nothing was changed.</source>
        <translation>Fordern Sie weniger Zeilen an (ein kleineres Limit oder einen Filter); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The %1 answer is not what Ray sends: %2 (at &quot;%3&quot;).</source>
        <translation>Die Antwort %1 entspricht nicht dem, was Ray sendet: %2 (bei „%3“).</translation>
    </message>
    <message>
        <source>Check that the address points at a Ray 2.x dashboard and that the answer was saved whole; usage was left unchanged.</source>
        <translation>Prüfen Sie, ob die Adresse auf ein Ray-2.x-Dashboard zeigt und die Antwort vollständig gespeichert wurde; die Nutzung blieb unverändert.</translation>
    </message>
    <message>
        <source>Ray answered the %1 request with an error: %2</source>
        <translation>Ray hat die Anfrage %1 mit einem Fehler beantwortet: %2</translation>
    </message>
    <message>
        <source>Check the dashboard&apos;s logs; usage was left unchanged.</source>
        <translation>Prüfen Sie die Protokolle des Dashboards; die Nutzung blieb unverändert.</translation>
    </message>
    <message>
        <source>task list</source>
        <translation>Taskliste</translation>
    </message>
    <message>
        <source>actor list</source>
        <translation>Actor-Liste</translation>
    </message>
    <message>
        <source>placement group list</source>
        <translation>Placement-Group-Liste</translation>
    </message>
</context>
<context>
    <name>raysec::UserAccounts</name>
    <message>
        <source>A user called %1 exists.</source>
        <translation>Ein Benutzer namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Choose another name, or reset that user&apos;s password.</source>
        <translation>Wählen Sie einen anderen Namen oder setzen Sie das Passwort dieses Benutzers zurück.</translation>
    </message>
    <message>
        <source>The password does not meet the policy:</source>
        <translation>Das Passwort erfüllt die Richtlinie nicht:</translation>
    </message>
    <message>
        <source>Choose another password; &apos;raysec-cli passwords generate&apos; makes one that fits.</source>
        <translation>Wählen Sie ein anderes Passwort; „raysec-cli passwords generate“ erzeugt eines, das passt.</translation>
    </message>
</context>
<context>
    <name>raysec::UserStore</name>
    <message>
        <source>list the users</source>
        <translation>die Benutzer auflisten</translation>
    </message>
    <message>
        <source>read a user</source>
        <translation>einen Benutzer lesen</translation>
    </message>
    <message>
        <source>A user called %1 exists.</source>
        <translation>Ein Benutzer namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Choose another name, or reset that user&apos;s password.</source>
        <translation>Wählen Sie einen anderen Namen oder setzen Sie das Passwort dieses Benutzers zurück.</translation>
    </message>
    <message>
        <source>change a user</source>
        <translation>einen Benutzer ändern</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>Es gibt keinen Benutzer namens %1.</translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli users list&apos; to see the users.</source>
        <translation>Führen Sie „raysec-cli users list“ aus, um die Benutzer anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>raysec::WhatIf</name>
    <message>
        <source>hard limit</source>
        <translation>hartes Limit</translation>
    </message>
    <message>
        <source>soft limit</source>
        <translation>weiches Limit</translation>
    </message>
    <message>
        <source>%1 %2: %3 in use + %4 requested &gt; %5 (%6)</source>
        <translation>%1 %2: %3 in Verwendung + %4 angefordert &gt; %5 (%6)</translation>
    </message>
    <message>
        <source>cluster %1: %2 in use + %3 requested &gt; %4 in total on alive nodes</source>
        <translation>Cluster %1: %2 in Verwendung + %3 angefordert &gt; %4 insgesamt auf aktiven Knoten</translation>
    </message>
    <message>
        <source>The job submission is not valid: %1.</source>
        <translation>Die Job-Einreichung ist ungültig: %1.</translation>
    </message>
    <message>
        <source>Give the JSON body of POST /api/jobs/ with at least &quot;entrypoint&quot;.</source>
        <translation>Geben Sie den JSON-Body von POST /api/jobs/ mit mindestens „entrypoint“ an.</translation>
    </message>
    <message>
        <source>The job submission needs an entrypoint and non-negative resources.</source>
        <translation>Die Job-Einreichung benötigt einen Entrypoint und nicht negative Ressourcen.</translation>
    </message>
    <message>
        <source>Correct the submission and ask again.</source>
        <translation>Korrigieren Sie die Einreichung und fragen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::AuditCommand</name>
    <message>
        <source>--ports takes port numbers separated by commas, such as 6379,10001.</source>
        <translation>--ports erwartet durch Kommas getrennte Portnummern, etwa 6379,10001.</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>The scan was cancelled; the report is incomplete.</source>
        <translation>Der Scan wurde abgebrochen; der Bericht ist unvollständig.</translation>
    </message>
    <message>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message>
        <source>Cluster profile to audit.</source>
        <translation>Zu prüfendes Clusterprofil.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>json, sarif or html (default json).</source>
        <translation>json, sarif oder html (Standard json).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Write the report to this file instead of stdout.</source>
        <translation>Den Bericht in diese Datei statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Exit with 3 when an open finding has this severity or higher (note, low, medium, high, critical).</source>
        <translation>Mit 3 beenden, wenn ein offener Befund diesen oder einen höheren Schweregrad hat (note, low, medium, high, critical).</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Ray ports to probe instead of the checks&apos; list.</source>
        <translation>Zu prüfende Ray-Ports statt der Liste der Prüfungen.</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>A newer signed advisory database.</source>
        <translation>Eine neuere signierte Hinweisdatenbank.</translation>
    </message>
    <message>
        <source>minisign public key that signs it.</source>
        <translation>Öffentlicher minisign-Schlüssel, der sie signiert.</translation>
    </message>
    <message>
        <source>--format takes json, sarif or html.</source>
        <translation>--format erwartet json, sarif oder html.</translation>
    </message>
    <message>
        <source>--fail-on takes note, low, medium, high or critical.</source>
        <translation>--fail-on erwartet note, low, medium, high oder critical.</translation>
    </message>
    <message>
        <source>Audits a cluster with passive probes (GET, HEAD and TCP connects only) and prints a report.</source>
        <translation>Prüft einen Cluster mit passiven Sonden (nur GET, HEAD und TCP-Verbindungen) und gibt einen Bericht aus.</translation>
    </message>
    <message>
        <source>audit needs --profile.</source>
        <translation>audit benötigt --profile.</translation>
    </message>
    <message>
        <source>Accept or stop accepting a finding.</source>
        <translation>Einen Befund akzeptieren oder nicht mehr akzeptieren.</translation>
    </message>
    <message>
        <source>Cluster profile.</source>
        <translation>Clusterprofil.</translation>
    </message>
    <message>
        <source>Check id, such as RAY-9.1.</source>
        <translation>Prüfungs-ID, etwa RAY-9.1.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Why the risk is accepted.</source>
        <translation>Warum das Risiko akzeptiert wird.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Expiry date (YYYY-MM-DD, UTC).</source>
        <translation>Ablaufdatum (JJJJ-MM-TT, UTC).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Give --profile and the --check id of a known check.</source>
        <translation>Geben Sie --profile und die --check-ID einer bekannten Prüfung an.</translation>
    </message>
    <message>
        <source>%1 is no longer suppressed on %2.</source>
        <translation>%1 wird auf %2 nicht mehr unterdrückt.</translation>
    </message>
    <message>
        <source>%1 is suppressed on %2 until %3.</source>
        <translation>%1 wird auf %2 bis %3 unterdrückt.</translation>
    </message>
    <message>
        <source>Past audit runs of a profile.</source>
        <translation>Frühere Audit-Läufe eines Profils.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>A difference needs two runs of this profile.</source>
        <translation>Ein Vergleich benötigt zwei Läufe dieses Profils.</translation>
    </message>
    <message>
        <source>Run raysec-cli audit once more.</source>
        <translation>Führen Sie raysec-cli audit noch einmal aus.</translation>
    </message>
    <message>
        <source>Newly failing: %1</source>
        <translation>Neu fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Now passing: %1</source>
        <translation>Jetzt bestanden: %1</translation>
    </message>
    <message>
        <source>Still failing: %1</source>
        <translation>Weiterhin fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>raysec::cli::AuditFixCommand</name>
    <message>
        <source>Generate the fixes.</source>
        <translation>Die Korrekturen erzeugen.</translation>
    </message>
    <message>
        <source>Cluster profile to scan and fix.</source>
        <translation>Zu scannendes und zu korrigierendes Clusterprofil.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>New or empty folder for the files.</source>
        <translation>Neuer oder leerer Ordner für die Dateien.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>IP address the nodes dial for the head (default: the dashboard&apos;s host).</source>
        <translation>IP-Adresse, über die die Knoten den Head erreichen (Standard: der Host des Dashboards).</translation>
    </message>
    <message>
        <source>ip</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>A DNS name of the head (repeatable).</source>
        <translation>Ein DNS-Name des Heads (wiederholbar).</translation>
    </message>
    <message>
        <source>Ray version to upgrade to (default: the lowest that fixes every advisory).</source>
        <translation>Ray-Version, auf die aktualisiert wird (Standard: die niedrigste, die jeden Hinweis behebt).</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Kubernetes namespace (default ray).</source>
        <translation>Kubernetes-Namespace (Standard ray).</translation>
    </message>
    <message>
        <source>Leave this check open (repeatable).</source>
        <translation>Diese Prüfung offen lassen (wiederholbar).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ray ports to probe instead of the checks&apos; list.</source>
        <translation>Zu prüfende Ray-Ports statt der Liste der Prüfungen.</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Also store the token in the keychain, switch the profile to it, save the quota policy, publish the key registry and sign the gateway&apos;s policy and user bundles.</source>
        <translation>Außerdem das Token im Schlüsselbund speichern, das Profil darauf umstellen, die Kontingentrichtlinie speichern, die Schlüssel-Registry veröffentlichen und die Richtlinien- und Benutzerbündel des Gateways signieren.</translation>
    </message>
    <message>
        <source>--ports takes port numbers separated by commas, such as 6379,10001.</source>
        <translation>--ports erwartet durch Kommas getrennte Portnummern, etwa 6379,10001.</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>audit fix needs --profile and --out.</source>
        <translation>audit fix benötigt --profile und --out.</translation>
    </message>
    <message>
        <source>--out must be an absolute folder path.</source>
        <translation>--out muss ein absoluter Ordnerpfad sein.</translation>
    </message>
    <message numerus="yes">
        <source>%n files written to %1; follow %2.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben; folgen Sie %2.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben; folgen Sie %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Angewendet: %1</translation>
    </message>
    <message>
        <source>The scan was cancelled.</source>
        <translation>Der Scan wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Run it again.</source>
        <translation>Führen Sie ihn erneut aus.</translation>
    </message>
    <message>
        <source>Scans a cluster, then writes the hardening fixes for every failing check and a runbook of the manual steps into a new folder.</source>
        <translation>Scannt einen Cluster und schreibt dann die Härtungskorrekturen für jede fehlgeschlagene Prüfung sowie ein Runbook der manuellen Schritte in einen neuen Ordner.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::CertsCommand</name>
    <message>
        <source>Stored CA %1 in %2; its key is encrypted and the passphrase is in the keychain.</source>
        <translation>CA %1 in %2 gespeichert; ihr Schlüssel ist verschlüsselt und die Passphrase liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Root SHA-256: %1</source>
        <translation>Root-SHA-256: %1</translation>
    </message>
    <message>
        <source>Name of the new CA.</source>
        <translation>Name der neuen CA.</translation>
    </message>
    <message>
        <source>Common name of the root.</source>
        <translation>Common Name der Root.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>ecdsa-p256, ecdsa-p384, rsa-2048, rsa-3072, rsa-4096 or ed25519.</source>
        <translation>ecdsa-p256, ecdsa-p384, rsa-2048, rsa-3072, rsa-4096 oder ed25519.</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Validity of the root in days.</source>
        <translation>Gültigkeit der Root in Tagen.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Sign nodes with an intermediate CA.</source>
        <translation>Knoten mit einer Zwischen-CA signieren.</translation>
    </message>
    <message>
        <source>certs ca create needs exactly one CA name.</source>
        <translation>certs ca create benötigt genau einen CA-Namen.</translation>
    </message>
    <message>
        <source>Unknown --key-type %1.</source>
        <translation>Unbekannter --key-type %1.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Name for the imported CA.</source>
        <translation>Name für die importierte CA.</translation>
    </message>
    <message>
        <source>CA certificate chain (PEM), signing CA first.</source>
        <translation>CA-Zertifikatskette (PEM), signierende CA zuerst.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The signing CA&apos;s private key (PEM).</source>
        <translation>Der private Schlüssel der signierenden CA (PEM).</translation>
    </message>
    <message>
        <source>File holding the key&apos;s passphrase, if it is encrypted (else standard input).</source>
        <translation>Datei mit der Passphrase des Schlüssels, falls er verschlüsselt ist (sonst Standardeingabe).</translation>
    </message>
    <message>
        <source>certs ca import needs a name, --cert and --key.</source>
        <translation>certs ca import benötigt einen Namen, --cert und --key.</translation>
    </message>
    <message>
        <source>CAs whose roots to trust.</source>
        <translation>CAs, deren Roots vertraut werden soll.</translation>
    </message>
    <message>
        <source>Truststore file to write.</source>
        <translation>Zu schreibende Truststore-Datei.</translation>
    </message>
    <message>
        <source>certs ca export-trust needs CA names and --out.</source>
        <translation>certs ca export-trust benötigt CA-Namen und --out.</translation>
    </message>
    <message>
        <source>Wrote %1 trusted roots to %2.</source>
        <translation>%1 vertrauenswürdige Roots nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Stored CA.</source>
        <translation>Gespeicherte CA.</translation>
    </message>
    <message>
        <source>Key file to write (mode 0600).</source>
        <translation>Zu schreibende Schlüsseldatei (Modus 0600).</translation>
    </message>
    <message>
        <source>Encrypt the export with this passphrase.</source>
        <translation>Den Export mit dieser Passphrase verschlüsseln.</translation>
    </message>
    <message>
        <source>Write the key unencrypted (explicit choice).</source>
        <translation>Den Schlüssel unverschlüsselt schreiben (ausdrückliche Entscheidung).</translation>
    </message>
    <message>
        <source>certs ca export-key needs a name, --out and either --passphrase-file or --plaintext.</source>
        <translation>certs ca export-key benötigt einen Namen, --out und entweder --passphrase-file oder --plaintext.</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Wrote the CA key to %1 (mode 0600).</source>
        <translation>Der CA-Schlüssel wurde nach %1 geschrieben (Modus 0600).</translation>
    </message>
    <message>
        <source>certs ca takes create, import, list, export-trust or export-key.</source>
        <translation>certs ca erwartet create, import, list, export-trust oder export-key.</translation>
    </message>
    <message>
        <source>Subject:   %1</source>
        <translation>Inhaber:   %1</translation>
    </message>
    <message>
        <source>Issuer:    %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Serial:    %1</source>
        <translation>Seriennr.: %1</translation>
    </message>
    <message>
        <source>SHA-256:   %1</source>
        <translation>SHA-256:   %1</translation>
    </message>
    <message>
        <source>Valid:     %1 to %2</source>
        <translation>Gültig:    %1 bis %2</translation>
    </message>
    <message>
        <source>Key:       %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>CA:        %1</source>
        <translation>CA:        %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>SANs:      %1</source>
        <translation>SANs:      %1</translation>
    </message>
    <message>
        <source>PEM certificate or chain.</source>
        <translation>PEM-Zertifikat oder -Kette.</translation>
    </message>
    <message>
        <source>certs inspect needs exactly one file.</source>
        <translation>certs inspect benötigt genau eine Datei.</translation>
    </message>
    <message>
        <source>Folder with one bundle folder per node.</source>
        <translation>Ordner mit einem Bündelordner pro Knoten.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>A name clients use for the head; repeatable.</source>
        <translation>Ein Name, unter dem Clients den Head erreichen; wiederholbar.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>certs preflight needs --bundles.</source>
        <translation>certs preflight benötigt --bundles.</translation>
    </message>
    <message>
        <source>Every address of the %1 nodes is covered.</source>
        <translation>Jede Adresse der %1 Knoten ist abgedeckt.</translation>
    </message>
    <message>
        <source>Node list file (text or CSV).</source>
        <translation>Knotenlistendatei (Text oder CSV).</translation>
    </message>
    <message>
        <source>The CA in use.</source>
        <translation>Die verwendete CA.</translation>
    </message>
    <message>
        <source>Roll to this new CA instead of renewing.</source>
        <translation>Auf diese neue CA umstellen statt zu erneuern.</translation>
    </message>
    <message>
        <source>Local bundle folder.</source>
        <translation>Lokaler Bündelordner.</translation>
    </message>
    <message>
        <source>Folder of the files on the nodes.</source>
        <translation>Ordner der Dateien auf den Knoten.</translation>
    </message>
    <message>
        <source>User for ssh and rsync.</source>
        <translation>Benutzer für ssh und rsync.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The cluster runs with GCS fault tolerance.</source>
        <translation>Der Cluster läuft mit GCS-Fehlertoleranz.</translation>
    </message>
    <message>
        <source>Write the runbook to this Markdown file.</source>
        <translation>Das Runbook in diese Markdown-Datei schreiben.</translation>
    </message>
    <message>
        <source>certs plan-rotation needs --nodes and --ca.</source>
        <translation>certs plan-rotation benötigt --nodes und --ca.</translation>
    </message>
    <message>
        <source>--ssh-user takes a plain user name.</source>
        <translation>--ssh-user erwartet einen einfachen Benutzernamen.</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>ABGELAUFEN</translation>
    </message>
    <message>
        <source>expires in %1 days</source>
        <translation>läuft in %1 Tagen ab</translation>
    </message>
    <message>
        <source>Stored CA to sign with.</source>
        <translation>Gespeicherte CA, mit der signiert wird.</translation>
    </message>
    <message>
        <source>CA certificate chain file (PEM), instead of --ca.</source>
        <translation>CA-Zertifikatskettendatei (PEM), statt --ca.</translation>
    </message>
    <message>
        <source>CA private key file (PEM), with --ca-cert.</source>
        <translation>Private CA-Schlüsseldatei (PEM), mit --ca-cert.</translation>
    </message>
    <message>
        <source>File holding the passphrase of an encrypted --ca-key (else standard input).</source>
        <translation>Datei mit der Passphrase eines verschlüsselten --ca-key (sonst Standardeingabe).</translation>
    </message>
    <message>
        <source>CA key passphrase</source>
        <translation>Passphrase des CA-Schlüssels</translation>
    </message>
    <message>
        <source>--ca-cert and --ca-key go together.</source>
        <translation>--ca-cert und --ca-key gehören zusammen.</translation>
    </message>
    <message>
        <source>Give both files, or a stored CA with --ca.</source>
        <translation>Geben Sie beide Dateien an oder eine gespeicherte CA mit --ca.</translation>
    </message>
    <message>
        <source>No CA was given.</source>
        <translation>Es wurde keine CA angegeben.</translation>
    </message>
    <message>
        <source>Name a stored CA with --ca, or give --ca-cert and --ca-key.</source>
        <translation>Nennen Sie eine gespeicherte CA mit --ca oder geben Sie --ca-cert und --ca-key an.</translation>
    </message>
    <message>
        <source>One node as name,ip[,host;host[,head]]; repeatable.</source>
        <translation>Ein Knoten als name,ip[,host;host[,head]]; wiederholbar.</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Read the nodes from a cluster profile.</source>
        <translation>Die Knoten aus einem Clusterprofil lesen.</translation>
    </message>
    <message>
        <source>Cannot read the %1 from %2: %3.</source>
        <translation>%1 kann nicht aus %2 gelesen werden: %3.</translation>
    </message>
    <message>
        <source>Check the path given with --%1.</source>
        <translation>Prüfen Sie den mit --%1 angegebenen Pfad.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of days.</source>
        <translation>--%1 erwartet eine ganze Zahl von Tagen.</translation>
    </message>
    <message>
        <source>certs takes ca, issue, sign-csr, inspect, preflight, plan-rotation or list.</source>
        <translation>certs erwartet ca, issue, sign-csr, inspect, preflight, plan-rotation oder list.</translation>
    </message>
    <message>
        <source>Issued %1 of %2 certificates.</source>
        <translation>%1 von %2 Zertifikaten ausgestellt.</translation>
    </message>
    <message>
        <source>Folder for the node bundles.</source>
        <translation>Ordner für die Knotenbündel.</translation>
    </message>
    <message>
        <source>Key type of the node keys.</source>
        <translation>Schlüsseltyp der Knotenschlüssel.</translation>
    </message>
    <message>
        <source>Validity in days.</source>
        <translation>Gültigkeit in Tagen.</translation>
    </message>
    <message>
        <source>Folder of the files on the nodes (for tls.env).</source>
        <translation>Ordner der Dateien auf den Knoten (für tls.env).</translation>
    </message>
    <message>
        <source>Also write a Kubernetes Secret per node.</source>
        <translation>Zusätzlich ein Kubernetes-Secret pro Knoten schreiben.</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Also write tls.p12 with this passphrase.</source>
        <translation>Zusätzlich tls.p12 mit dieser Passphrase schreiben.</translation>
    </message>
    <message>
        <source>Also trust this stored CA&apos;s root in ca.crt.</source>
        <translation>Zusätzlich der Root dieser gespeicherten CA in ca.crt vertrauen.</translation>
    </message>
    <message>
        <source>Keep the node keys in the inventory, encrypted with this passphrase.</source>
        <translation>Die Knotenschlüssel im Inventar behalten, verschlüsselt mit dieser Passphrase.</translation>
    </message>
    <message>
        <source>Issued %1 node certificates; wrote %2 files under %3.</source>
        <translation>%1 Knotenzertifikate ausgestellt; %2 Dateien unter %3 geschrieben.</translation>
    </message>
    <message>
        <source>certs issue needs --out, the folder for the bundles.</source>
        <translation>certs issue benötigt --out, den Ordner für die Bündel.</translation>
    </message>
    <message>
        <source>The CSR made on the node (PEM).</source>
        <translation>Die auf dem Knoten erstellte CSR (PEM).</translation>
    </message>
    <message>
        <source>The node as name,ip[,host;host[,head]].</source>
        <translation>Der Knoten als name,ip[,host;host[,head]].</translation>
    </message>
    <message>
        <source>Folder for ca.crt, tls.crt and tls.env.</source>
        <translation>Ordner für ca.crt, tls.crt und tls.env.</translation>
    </message>
    <message>
        <source>Key type for --print-command.</source>
        <translation>Schlüsseltyp für --print-command.</translation>
    </message>
    <message>
        <source>Print the command that makes the CSR on the node.</source>
        <translation>Den Befehl ausgeben, der die CSR auf dem Knoten erstellt.</translation>
    </message>
    <message>
        <source>certs sign-csr takes exactly one --node.</source>
        <translation>certs sign-csr erwartet genau einen --node.</translation>
    </message>
    <message>
        <source>Unknown --key-type.</source>
        <translation>Unbekannter --key-type.</translation>
    </message>
    <message>
        <source>certs sign-csr needs --csr and --out.</source>
        <translation>certs sign-csr benötigt --csr und --out.</translation>
    </message>
    <message>
        <source>Signed the CSR of %1; wrote %2.</source>
        <translation>Die CSR von %1 wurde signiert; %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::CliContext</name>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Maschinenlesbares JSON ausgeben.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>usage error: %1</source>
        <translation>Aufruffehler: %1</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for the options.</source>
        <translation>Führen Sie „%1 --help“ aus, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the %1 from %2: %3.</source>
        <translation>%1 kann nicht aus %2 gelesen werden: %3.</translation>
    </message>
    <message>
        <source>Check the path given with --%1.</source>
        <translation>Prüfen Sie den mit --%1 angegebenen Pfad.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Die Standardeingabe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No %1 was given.</source>
        <translation>Es wurde kein %1 angegeben.</translation>
    </message>
    <message>
        <source>Pipe it on standard input or name a file with --%1.</source>
        <translation>Leiten Sie es über die Standardeingabe weiter oder nennen Sie eine Datei mit --%1.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::GatewayCommand</name>
    <message>
        <source>Address to serve, host:port.</source>
        <translation>Bereitzustellende Adresse, host:port.</translation>
    </message>
    <message>
        <source>TLS certificate chain.</source>
        <translation>TLS-Zertifikatskette.</translation>
    </message>
    <message>
        <source>TLS private key.</source>
        <translation>Privater TLS-Schlüssel.</translation>
    </message>
    <message>
        <source>CA for client certificates.</source>
        <translation>CA für Client-Zertifikate.</translation>
    </message>
    <message>
        <source>Ray dashboard on loopback.</source>
        <translation>Ray-Dashboard auf Loopback.</translation>
    </message>
    <message>
        <source>File with Ray&apos;s token, on the gateway.</source>
        <translation>Datei mit dem Ray-Token auf dem Gateway.</translation>
    </message>
    <message>
        <source>Loopback metrics listener.</source>
        <translation>Loopback-Listener für Metriken.</translation>
    </message>
    <message>
        <source>Console&apos;s minisign key.</source>
        <translation>minisign-Schlüssel der Konsole.</translation>
    </message>
    <message>
        <source>Signed key registry.</source>
        <translation>Signiertes Schlüsselregister.</translation>
    </message>
    <message>
        <source>Signed user store.</source>
        <translation>Signierter Benutzerspeicher.</translation>
    </message>
    <message>
        <source>Signed gateway policy.</source>
        <translation>Signierte Gateway-Richtlinie.</translation>
    </message>
    <message>
        <source>Audit log file.</source>
        <translation>Audit-Protokolldatei.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(kein Schlüssel)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Fill in policy.json.example, then sign it as the policy bundle, or run again with --bundles to have the console sign it.</source>
        <translation>Füllen Sie policy.json.example aus und signieren Sie sie dann als Richtlinienbündel, oder führen Sie den Befehl erneut mit --bundles aus, damit die Konsole sie signiert.</translation>
    </message>
    <message>
        <source>--bundles needs --policy, the path of the policy bundle on the gateway (and --user-store for the users).</source>
        <translation>--bundles braucht --policy, den Pfad des Richtlinienbündels auf dem Gateway (und --user-store für die Benutzer).</translation>
    </message>
    <message>
        <source>Writes gateway.json and a policy skeleton (policy.json.example) into a folder, or with --bundles gateway.json and the bundles it names, signed with the workstation&apos;s signing key: the policy (job policy and saved quota policies) and the dashboard users. Every field is checked as the gateway checks it; nothing is written on error.</source>
        <translation>Schreibt gateway.json und ein Richtliniengerüst (policy.json.example) in einen Ordner, oder mit --bundles gateway.json und die darin genannten Bündel, signiert mit dem Signaturschlüssel dieses Arbeitsplatzes: die Richtlinie (Job-Richtlinie und gespeicherte Kontingentrichtlinien) und die Dashboard-Benutzer. Jedes Feld wird so geprüft, wie das Gateway es prüft; bei einem Fehler wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Write the configuration.</source>
        <translation>Die Konfiguration schreiben.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Folder to write into.</source>
        <translation>Zielordner.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Serve without TLS (loopback listen only).</source>
        <translation>Ohne TLS bereitstellen (nur Lauschen auf Loopback).</translation>
    </message>
    <message>
        <source>Require client certificates.</source>
        <translation>Client-Zertifikate verlangen.</translation>
    </message>
    <message>
        <source>Only count would-be rate-limit refusals.</source>
        <translation>Mögliche Ablehnungen durch die Ratenbegrenzung nur zählen.</translation>
    </message>
    <message>
        <source>Bucket per client address, RATE/BURST.</source>
        <translation>Bucket pro Client-Adresse, RATE/BURST.</translation>
    </message>
    <message>
        <source>bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>A tier&apos;s bucket, TIER:CLASS=RATE/BURST (repeatable).</source>
        <translation>Bucket einer Stufe, STUFE:KLASSE=RATE/BURST (wiederholbar).</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Replace files that exist already.</source>
        <translation>Bereits vorhandene Dateien ersetzen.</translation>
    </message>
    <message>
        <source>Also sign and write the policy and user bundles instead of the skeleton.</source>
        <translation>Statt des Gerüsts auch die Richtlinien- und Benutzerbündel signieren und schreiben.</translation>
    </message>
    <message>
        <source>gateway config needs --out FOLDER.</source>
        <translation>gateway config benötigt --out ORDNER.</translation>
    </message>
    <message>
        <source>--job-policy goes with --bundles.</source>
        <translation>--job-policy gehört zu --bundles.</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin address (loopback).</source>
        <translation>Die Admin-Adresse des Gateways (Loopback).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>Seconds to wait for each answer.</source>
        <translation>Sekunden, die auf jede Antwort gewartet wird.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Gateway:     %1</source>
        <translation>Gateway:     %1</translation>
    </message>
    <message>
        <source>Health:      %1 (%2)</source>
        <translation>Zustand:     %1 (%2)</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>fehlerfrei</translation>
    </message>
    <message>
        <source>NOT healthy</source>
        <translation>NICHT fehlerfrei</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>Bundle:      %1 version %2</source>
        <translation>Paket:       %1 Version %2</translation>
    </message>
    <message>
        <source>Show health and bundles.</source>
        <translation>Zustand und Pakete anzeigen.</translation>
    </message>
    <message>
        <source>Asks the gateway&apos;s admin listener for its health and the versions of its signed bundles. Exits with 1 when it is not healthy.</source>
        <translation>Fragt den Admin-Listener des Gateways nach seinem Zustand und den Versionen seiner signierten Pakete. Beendet mit 1, wenn es nicht fehlerfrei ist.</translation>
    </message>
    <message>
        <source>Over %1 s: %2 requests/s, %3 refused with 429/s, %4 shadow refusals/s</source>
        <translation>Über %1 s: %2 Anfragen/s, %3 mit 429 abgelehnt/s, %4 Schattenablehnungen/s</translation>
    </message>
    <message>
        <source>Latency: p50 %1, p95 %2, p99 %3</source>
        <translation>Latenz: p50 %1, p95 %2, p99 %3</translation>
    </message>
    <message>
        <source>Show rates.</source>
        <translation>Raten anzeigen.</translation>
    </message>
    <message>
        <source>Seconds between the two scrapes (default 5).</source>
        <translation>Sekunden zwischen den beiden Abfragen (Standard 5).</translation>
    </message>
    <message>
        <source>How many keys to list (default 10).</source>
        <translation>Wie viele Schlüssel aufgelistet werden (Standard 10).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Scrapes the gateway&apos;s metrics twice and prints requests and 429s per second by key and route, latency percentiles and the busiest keys.</source>
        <translation>Fragt die Metriken des Gateways zweimal ab und gibt Anfragen und 429er pro Sekunde nach Schlüssel und Route, Latenzperzentile und die aktivsten Schlüssel aus.</translation>
    </message>
    <message>
        <source>--interval takes 1 to 3600 seconds and --top a positive count.</source>
        <translation>--interval erwartet 1 bis 3600 Sekunden und --top eine positive Anzahl.</translation>
    </message>
    <message>
        <source>Per route (requests/s, 429/s, p99):</source>
        <translation>Pro Route (Anfragen/s, 429/s, p99):</translation>
    </message>
    <message>
        <source>gateway takes config, bundles, job-policy, status or metrics.</source>
        <translation>gateway nimmt config, bundles, job-policy, status oder metrics.</translation>
    </message>
    <message>
        <source>Top keys (requests/s, 429/s, p99):</source>
        <translation>Top-Schlüssel (Anfragen/s, 429/s, p99):</translation>
    </message>
</context>
<context>
    <name>raysec::cli::KeysCommand</name>
    <message>
        <source>--%1 &quot;%2&quot; is not a date.</source>
        <translation>--%1 „%2“ ist kein Datum.</translation>
    </message>
    <message>
        <source>Write it as 2026-12-31 or 2026-12-31T18:00:00Z.</source>
        <translation>Schreiben Sie es als 2026-12-31 oder 2026-12-31T18:00:00Z.</translation>
    </message>
    <message>
        <source>--%1 takes a number of days from 0 to 3650.</source>
        <translation>--%1 erwartet eine Anzahl Tage von 0 bis 3650.</translation>
    </message>
    <message>
        <source>Issued key %1 for %2 (team %3). It is shown once; store it now.</source>
        <translation>Schlüssel %1 für %2 (Team %3) ausgestellt. Er wird nur einmal angezeigt; speichern Sie ihn jetzt.</translation>
    </message>
    <message>
        <source>Person or service that uses the key.</source>
        <translation>Person oder Dienst, die bzw. der den Schlüssel verwendet.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team the key belongs to.</source>
        <translation>Team, zu dem der Schlüssel gehört.</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Comma-separated: %1.</source>
        <translation>Durch Kommas getrennt: %1.</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>What the key is for.</source>
        <translation>Wofür der Schlüssel ist.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Expiry date (2026-12-31).</source>
        <translation>Ablaufdatum (2026-12-31).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Expire this many days from now.</source>
        <translation>In so vielen Tagen ab jetzt ablaufen.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Start of validity (default: now).</source>
        <translation>Beginn der Gültigkeit (Standard: jetzt).</translation>
    </message>
    <message>
        <source>Rate-limit tier.</source>
        <translation>Stufe der Ratenbegrenzung.</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Also keep the secret in your keychain (for your own service keys).</source>
        <translation>Das Geheimnis zusätzlich in Ihrem Schlüsselbund aufbewahren (für Ihre eigenen Dienstschlüssel).</translation>
    </message>
    <message>
        <source>Issues an API key. The secret is printed once on standard output; the registry keeps only its hash.</source>
        <translation>Stellt einen API-Schlüssel aus. Das Geheimnis wird einmal auf der Standardausgabe ausgegeben; das Register speichert nur seinen Hash.</translation>
    </message>
    <message>
        <source>Issue a key.</source>
        <translation>Einen Schlüssel ausstellen.</translation>
    </message>
    <message>
        <source>List keys (never secrets).</source>
        <translation>Schlüssel auflisten (niemals Geheimnisse).</translation>
    </message>
    <message>
        <source>Only this team.</source>
        <translation>Nur dieses Team.</translation>
    </message>
    <message>
        <source>active, grace, expired or revoked.</source>
        <translation>active, grace, expired oder revoked.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Only keys that expire within this many days.</source>
        <translation>Nur Schlüssel, die innerhalb so vieler Tage ablaufen.</translation>
    </message>
    <message>
        <source>--status takes active, grace, expired or revoked.</source>
        <translation>--status erwartet active, grace, expired oder revoked.</translation>
    </message>
    <message>
        <source>--expiring takes a number of days.</source>
        <translation>--expiring erwartet eine Anzahl Tage.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Issues a replacement key; the old one keeps working until the end of grace. New secrets go to stdout, one per line as &quot;&lt;old id&gt; &lt;new key&gt;&quot;.</source>
        <translation>Stellt einen Ersatzschlüssel aus; der alte funktioniert bis zum Ende der Übergangsfrist weiter. Neue Geheimnisse gehen auf die Standardausgabe, eines pro Zeile als „&lt;alte ID&gt; &lt;neuer Schlüssel&gt;“.</translation>
    </message>
    <message>
        <source>Rotate a key.</source>
        <translation>Einen Schlüssel rotieren.</translation>
    </message>
    <message>
        <source>Key id (or --team).</source>
        <translation>Schlüssel-ID (oder --team).</translation>
    </message>
    <message>
        <source>[id]</source>
        <translation>[ID]</translation>
    </message>
    <message>
        <source>Rotate every active key of this team.</source>
        <translation>Jeden aktiven Schlüssel dieses Teams rotieren.</translation>
    </message>
    <message>
        <source>When the old key stops working.</source>
        <translation>Wann der alte Schlüssel nicht mehr funktioniert.</translation>
    </message>
    <message>
        <source>Days the old key keeps working (default 7).</source>
        <translation>Tage, die der alte Schlüssel weiter funktioniert (Standard 7).</translation>
    </message>
    <message>
        <source>Expiry of the new key.</source>
        <translation>Ablauf des neuen Schlüssels.</translation>
    </message>
    <message>
        <source>The new key expires this many days from now.</source>
        <translation>Der neue Schlüssel läuft in so vielen Tagen ab jetzt ab.</translation>
    </message>
    <message>
        <source>keys rotate takes one key id or --team.</source>
        <translation>keys rotate erwartet eine Schlüssel-ID oder --team.</translation>
    </message>
    <message numerus="yes">
        <source>Rotated %n key(s); old keys work until %1.</source>
        <translation>
            <numerusform>%n Schlüssel rotiert; alte Schlüssel funktionieren bis %1.</numerusform>
            <numerusform>%n Schlüssel rotiert; alte Schlüssel funktionieren bis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke a key at once.</source>
        <translation>Einen Schlüssel sofort widerrufen.</translation>
    </message>
    <message>
        <source>Revoke every key of this team.</source>
        <translation>Jeden Schlüssel dieses Teams widerrufen.</translation>
    </message>
    <message>
        <source>Why the key is revoked.</source>
        <translation>Warum der Schlüssel widerrufen wird.</translation>
    </message>
    <message>
        <source>keys revoke takes one key id or --team.</source>
        <translation>keys revoke erwartet eine Schlüssel-ID oder --team.</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n key(s). Export the registry so the gateway learns it.</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen. Exportieren Sie das Register, damit das Gateway davon erfährt.</numerusform>
            <numerusform>%n Schlüssel widerrufen. Exportieren Sie das Register, damit das Gateway davon erfährt.</numerusform>
        </translation>
    </message>
    <message>
        <source>keys takes issue, list, rotate, revoke, export, verify, restore, seal, open or recipient.</source>
        <translation>keys erwartet issue, list, rotate, revoke, export, verify, restore, seal, open oder recipient.</translation>
    </message>
    <message>
        <source>Seals an API key (from --key-file or standard input) to a recipient&apos;s key, into a file only they can open.</source>
        <translation>Versiegelt einen API-Schlüssel (aus --key-file oder der Standardeingabe) für den Schlüssel eines Empfängers in eine Datei, die nur dieser öffnen kann.</translation>
    </message>
    <message>
        <source>Seal a key.</source>
        <translation>Einen Schlüssel versiegeln.</translation>
    </message>
    <message>
        <source>File with the recipient&apos;s key.</source>
        <translation>Datei mit dem Schlüssel des Empfängers.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Sealed file to write.</source>
        <translation>Zu schreibende versiegelte Datei.</translation>
    </message>
    <message>
        <source>File holding the API key.</source>
        <translation>Datei mit dem API-Schlüssel.</translation>
    </message>
    <message>
        <source>keys seal needs --recipient and --out.</source>
        <translation>keys seal benötigt --recipient und --out.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Sealed key %1 into %2.</source>
        <translation>Schlüssel %1 in %2 versiegelt.</translation>
    </message>
    <message>
        <source>Opens a sealed key with your keychain identity and prints it (or writes it to --out, mode 0600).</source>
        <translation>Öffnet einen versiegelten Schlüssel mit Ihrer Schlüsselbund-Identität und gibt ihn aus (oder schreibt ihn nach --out, Modus 0600).</translation>
    </message>
    <message>
        <source>Open a sealed key.</source>
        <translation>Einen versiegelten Schlüssel öffnen.</translation>
    </message>
    <message>
        <source>Sealed file.</source>
        <translation>Versiegelte Datei.</translation>
    </message>
    <message>
        <source>Write the key to this file.</source>
        <translation>Den Schlüssel in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>keys open needs the sealed file.</source>
        <translation>keys open benötigt die versiegelte Datei.</translation>
    </message>
    <message>
        <source>Prints your recipient key (created in the keychain on first use); send it to the admin who seals your key.</source>
        <translation>Gibt Ihren Empfängerschlüssel aus (beim ersten Gebrauch im Schlüsselbund erstellt); senden Sie ihn an den Admin, der Ihren Schlüssel versiegelt.</translation>
    </message>
    <message>
        <source>Show your recipient key.</source>
        <translation>Ihren Empfängerschlüssel anzeigen.</translation>
    </message>
    <message>
        <source>backup passphrase</source>
        <translation>Sicherungs-Passphrase</translation>
    </message>
    <message>
        <source>Wrote %1 (signing key %2).</source>
        <translation>%1 geschrieben (Signaturschlüssel %2).</translation>
    </message>
    <message>
        <source>Audit trail intact: %1 events, head %2.</source>
        <translation>Audit-Protokoll intakt: %1 Ereignisse, Kopf %2.</translation>
    </message>
    <message>
        <source>Signed %1 keys into %2 with key %3.</source>
        <translation>%1 Schlüssel in %2 mit Schlüssel %3 signiert.</translation>
    </message>
    <message>
        <source>Exports the signed registry for the gateway (--out), the signing public key (--public-key) or a passphrase-encrypted backup of the signing key (--backup; the passphrase comes from --passphrase-file or standard input).</source>
        <translation>Exportiert das signierte Register für das Gateway (--out), den öffentlichen Signaturschlüssel (--public-key) oder eine mit Passphrase verschlüsselte Sicherung des Signaturschlüssels (--backup; die Passphrase kommt aus --passphrase-file oder der Standardeingabe).</translation>
    </message>
    <message>
        <source>Export.</source>
        <translation>Exportieren.</translation>
    </message>
    <message>
        <source>Folder for registry.json, its .minisig and the .pub.</source>
        <translation>Ordner für registry.json, ihre .minisig und die .pub.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Write the signing public key (minisign .pub).</source>
        <translation>Den öffentlichen Signaturschlüssel schreiben (minisign .pub).</translation>
    </message>
    <message>
        <source>Write an encrypted backup of the signing key.</source>
        <translation>Eine verschlüsselte Sicherung des Signaturschlüssels schreiben.</translation>
    </message>
    <message>
        <source>File holding the backup passphrase.</source>
        <translation>Datei mit der Sicherungs-Passphrase.</translation>
    </message>
    <message>
        <source>keys export takes exactly one of --out, --public-key, --backup.</source>
        <translation>keys export erwartet genau eines von --out, --public-key, --backup.</translation>
    </message>
    <message>
        <source>Checks a signed registry bundle against a public key, or (--audit) the key audit trail&apos;s hash chain.</source>
        <translation>Prüft ein signiertes Registerpaket gegen einen öffentlichen Schlüssel oder (--audit) die Hash-Kette des Schlüssel-Audit-Protokolls.</translation>
    </message>
    <message>
        <source>Verify.</source>
        <translation>Überprüfen.</translation>
    </message>
    <message>
        <source>registry.json</source>
        <translation>registry.json</translation>
    </message>
    <message>
        <source>[bundle]</source>
        <translation>[Paket]</translation>
    </message>
    <message>
        <source>Signing public key (.pub).</source>
        <translation>Öffentlicher Signaturschlüssel (.pub).</translation>
    </message>
    <message>
        <source>Signature (default: &lt;bundle&gt;.minisig).</source>
        <translation>Signatur (Standard: &lt;Paket&gt;.minisig).</translation>
    </message>
    <message>
        <source>Check the audit trail instead.</source>
        <translation>Stattdessen das Audit-Protokoll prüfen.</translation>
    </message>
    <message>
        <source>keys verify needs a bundle and --public-key, or --audit.</source>
        <translation>keys verify benötigt ein Paket und --public-key oder --audit.</translation>
    </message>
    <message>
        <source>Signature valid (key %1): %2 keys. Trusted comment: %3</source>
        <translation>Signatur gültig (Schlüssel %1): %2 Schlüssel. Vertrauenswürdiger Kommentar: %3</translation>
    </message>
    <message>
        <source>Restores the signing key from a backup into the keychain. The passphrase comes from --passphrase-file or standard input.</source>
        <translation>Stellt den Signaturschlüssel aus einer Sicherung im Schlüsselbund wieder her. Die Passphrase kommt aus --passphrase-file oder der Standardeingabe.</translation>
    </message>
    <message>
        <source>Restore.</source>
        <translation>Wiederherstellen.</translation>
    </message>
    <message>
        <source>Backup file.</source>
        <translation>Sicherungsdatei.</translation>
    </message>
    <message>
        <source>File holding the passphrase.</source>
        <translation>Datei mit der Passphrase.</translation>
    </message>
    <message>
        <source>keys restore needs the backup file.</source>
        <translation>keys restore benötigt die Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Restored signing key %1 into the keychain.</source>
        <translation>Signaturschlüssel %1 im Schlüsselbund wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::PasswordPolicyOptions</name>
    <message>
        <source>Replace the policy with this JSON file.</source>
        <translation>Die Richtlinie durch diese JSON-Datei ersetzen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Start from nist, organisation or custom.</source>
        <translation>Mit nist, organisation oder custom beginnen.</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Passwords are used with a second factor (NIST: 8 characters minimum).</source>
        <translation>Passwörter werden mit einem zweiten Faktor verwendet (NIST: mindestens 8 Zeichen).</translation>
    </message>
    <message>
        <source>Minimum length in characters.</source>
        <translation>Mindestlänge in Zeichen.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Maximum length in characters.</source>
        <translation>Maximallänge in Zeichen.</translation>
    </message>
    <message>
        <source>Required classes: none or a list of lower, upper, digit, symbol.</source>
        <translation>Erforderliche Klassen: none oder eine Liste aus lower, upper, digit, symbol.</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Minimum zxcvbn score, 0 to 4.</source>
        <translation>Minimale zxcvbn-Bewertung, 0 bis 4.</translation>
    </message>
    <message>
        <source>Context words, comma separated (replaces the list).</source>
        <translation>Kontextwörter, durch Kommas getrennt (ersetzt die Liste).</translation>
    </message>
    <message>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>on or off.</source>
        <translation>on oder off.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Offline HIBP SHA-1 file (empty to clear).</source>
        <translation>Offline-HIBP-SHA-1-Datei (leer zum Löschen).</translation>
    </message>
    <message>
        <source>Days before a password expires (0: never).</source>
        <translation>Tage, bis ein Passwort abläuft (0: nie).</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>--preset takes nist, organisation or custom.</source>
        <translation>--preset erwartet nist, organisation oder custom.</translation>
    </message>
    <message>
        <source>Lengths, score and age take whole numbers.</source>
        <translation>Längen, Bewertung und Alter erwarten ganze Zahlen.</translation>
    </message>
    <message>
        <source>Blocklist switches take on or off.</source>
        <translation>Sperrlisten-Schalter erwarten on oder off.</translation>
    </message>
    <message>
        <source>--require takes none or lower, upper, digit, symbol.</source>
        <translation>--require erwartet none oder lower, upper, digit, symbol.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::PasswordsCommand</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Preset:            %1</source>
        <translation>Vorgabe:           %1</translation>
    </message>
    <message>
        <source>Length:            %1 to %2 characters</source>
        <translation>Länge:             %1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>Character classes: %1</source>
        <translation>Zeichenklassen:    %1</translation>
    </message>
    <message>
        <source>Minimum strength:  %1 of 4</source>
        <translation>Mindeststärke:     %1 von 4</translation>
    </message>
    <message>
        <source>Blocklists:        bundled %1, imported %2, HIBP file %3</source>
        <translation>Sperrlisten:       mitgeliefert %1, importiert %2, HIBP-Datei %3</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Context words:     %1</source>
        <translation>Kontextwörter:     %1</translation>
    </message>
    <message>
        <source>Maximum age:       %1</source>
        <translation>Höchstalter:       %1</translation>
    </message>
    <message>
        <source>Hashing:           Argon2id, %1 MiB, %2 passes, 1 lane (%3 ms measured)</source>
        <translation>Hashing:           Argon2id, %1 MiB, %2 Durchläufe, 1 Lane (%3 ms gemessen)</translation>
    </message>
    <message>
        <source>Print the policy.</source>
        <translation>Die Richtlinie ausgeben.</translation>
    </message>
    <message>
        <source>Changes the password policy. Options not given keep their stored values; --preset starts from a preset&apos;s rules. A policy marked nist must meet NIST SP 800-63B-4.</source>
        <translation>Ändert die Passwortrichtlinie. Nicht angegebene Optionen behalten ihre gespeicherten Werte; --preset beginnt mit den Regeln einer Vorgabe. Eine als nist markierte Richtlinie muss NIST SP 800-63B-4 erfüllen.</translation>
    </message>
    <message>
        <source>Change the policy.</source>
        <translation>Die Richtlinie ändern.</translation>
    </message>
    <message>
        <source>Checks a password read from standard input against the policy and prints every reason it is refused. Exits 1 when it is refused.</source>
        <translation>Prüft ein von der Standardeingabe gelesenes Passwort gegen die Richtlinie und gibt jeden Ablehnungsgrund aus. Beendet mit 1, wenn es abgelehnt wird.</translation>
    </message>
    <message>
        <source>Check a password.</source>
        <translation>Ein Passwort prüfen.</translation>
    </message>
    <message>
        <source>User name to treat as a context word.</source>
        <translation>Benutzername, der als Kontextwort behandelt wird.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>Das Passwort aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>Akzeptiert.</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Abgelehnt:</translation>
    </message>
    <message>
        <source>%1 characters; strength %2 of 4 (%3), about 10^%4 guesses.</source>
        <translation>%1 Zeichen; Stärke %2 von 4 (%3), etwa 10^%4 Versuche.</translation>
    </message>
    <message>
        <source>Prints the Argon2id PHC hash of a password read from standard input, with the policy&apos;s parameters. The password is checked against the policy first.</source>
        <translation>Gibt den Argon2id-PHC-Hash eines von der Standardeingabe gelesenen Passworts mit den Parametern der Richtlinie aus. Das Passwort wird zuerst gegen die Richtlinie geprüft.</translation>
    </message>
    <message>
        <source>Hash a password.</source>
        <translation>Ein Passwort hashen.</translation>
    </message>
    <message>
        <source>Hash even if the policy refuses it.</source>
        <translation>Auch hashen, wenn die Richtlinie es ablehnt.</translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli passwords check&apos; for every reason.</source>
        <translation>Führen Sie „raysec-cli passwords check“ aus, um jeden Grund zu sehen.</translation>
    </message>
    <message>
        <source>Prints random passwords or passphrases that the policy accepts.</source>
        <translation>Gibt zufällige Passwörter oder Passphrasen aus, die die Richtlinie akzeptiert.</translation>
    </message>
    <message>
        <source>Generate passwords.</source>
        <translation>Passwörter erzeugen.</translation>
    </message>
    <message>
        <source>Words from the bundled word list.</source>
        <translation>Wörter aus der mitgelieferten Wortliste.</translation>
    </message>
    <message>
        <source>Characters (random passwords).</source>
        <translation>Zeichen (zufällige Passwörter).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Words (passphrases).</source>
        <translation>Wörter (Passphrasen).</translation>
    </message>
    <message>
        <source>How many to print.</source>
        <translation>Wie viele ausgegeben werden.</translation>
    </message>
    <message>
        <source>--length and --words take numbers, --count 1 to 100.</source>
        <translation>--length und --words erwarten Zahlen, --count 1 bis 100.</translation>
    </message>
    <message>
        <source>About %1 bits of entropy each.</source>
        <translation>Jeweils etwa %1 Bit Entropie.</translation>
    </message>
    <message>
        <source>Measures Argon2id on this machine, chooses the passes that make one hash take the target time at the given memory, and stores them in the policy.</source>
        <translation>Misst Argon2id auf diesem Rechner, wählt die Durchläufe, mit denen ein Hash bei dem angegebenen Speicher die Zielzeit dauert, und speichert sie in der Richtlinie.</translation>
    </message>
    <message>
        <source>Calibrate hashing.</source>
        <translation>Hashing kalibrieren.</translation>
    </message>
    <message>
        <source>Time for one hash.</source>
        <translation>Zeit für einen Hash.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Memory per hash (at least 19).</source>
        <translation>Speicher pro Hash (mindestens 19).</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>--target-ms and --memory-mib take whole numbers.</source>
        <translation>--target-ms und --memory-mib erwarten ganze Zahlen.</translation>
    </message>
    <message>
        <source>Imports a blocklist (one password a line, UTF-8) or clears the imported entries.</source>
        <translation>Importiert eine Sperrliste (ein Passwort pro Zeile, UTF-8) oder leert die importierten Einträge.</translation>
    </message>
    <message>
        <source>import FILE or clear.</source>
        <translation>import DATEI oder clear.</translation>
    </message>
    <message>
        <source>passwords blocklist takes import FILE or clear.</source>
        <translation>passwords blocklist erwartet import DATEI oder clear.</translation>
    </message>
    <message>
        <source>Imported %1 entries.</source>
        <translation>%1 Einträge importiert.</translation>
    </message>
    <message>
        <source>passwords takes policy show|set, check, hash, generate, calibrate or blocklist import|clear; add --help to any of them.</source>
        <translation>passwords erwartet policy show|set, check, hash, generate, calibrate oder blocklist import|clear; fügen Sie jedem davon --help hinzu.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::ProfileCommand</name>
    <message>
        <source>Adds or replaces a cluster profile. A Ray token is read from --token-file or from standard input and stored in the OS keychain, never in the profile.</source>
        <translation>Fügt ein Clusterprofil hinzu oder ersetzt es. Ein Ray-Token wird aus --token-file oder von der Standardeingabe gelesen und im Schlüsselbund des Betriebssystems gespeichert, niemals im Profil.</translation>
    </message>
    <message>
        <source>Add a profile.</source>
        <translation>Ein Profil hinzufügen.</translation>
    </message>
    <message>
        <source>Profile name.</source>
        <translation>Profilname.</translation>
    </message>
    <message>
        <source>Dashboard address (https://host:port).</source>
        <translation>Dashboard-Adresse (https://host:port).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>system, ca-bundle or pin.</source>
        <translation>system, ca-bundle oder pin.</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>CA bundle file (PEM).</source>
        <translation>CA-Bundle-Datei (PEM).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Pinned SPKI SHA-256, base64.</source>
        <translation>Gepinnter SPKI-SHA-256, Base64.</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation>Client-Zertifikat (PEM).</translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation>Privater Client-Schlüssel (PEM).</translation>
    </message>
    <message>
        <source>none or ray-token.</source>
        <translation>none oder ray-token.</translation>
    </message>
    <message>
        <source>File holding the Ray token.</source>
        <translation>Datei mit dem Ray-Token.</translation>
    </message>
    <message>
        <source>Refresh interval in seconds.</source>
        <translation>Aktualisierungsintervall in Sekunden.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>profile add needs exactly one profile name.</source>
        <translation>profile add benötigt genau einen Profilnamen.</translation>
    </message>
    <message>
        <source>--trust takes system, ca-bundle or pin; --auth takes none or ray-token.</source>
        <translation>--trust erwartet system, ca-bundle oder pin; --auth erwartet none oder ray-token.</translation>
    </message>
    <message>
        <source>--refresh takes a number of seconds.</source>
        <translation>--refresh erwartet eine Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>Ray token</source>
        <translation>Ray-Token</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation>Profil %1 gespeichert.</translation>
    </message>
    <message>
        <source>Warning: this profile uses plain http; traffic to the dashboard is not encrypted.</source>
        <translation>Warnung: Dieses Profil verwendet unverschlüsseltes http; der Verkehr zum Dashboard ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>List the profiles.</source>
        <translation>Die Profile auflisten.</translation>
    </message>
    <message>
        <source>Remove a profile.</source>
        <translation>Ein Profil entfernen.</translation>
    </message>
    <message>
        <source>profile remove needs exactly one profile name.</source>
        <translation>profile remove benötigt genau einen Profilnamen.</translation>
    </message>
    <message>
        <source>Removed profile %1.</source>
        <translation>Profil %1 entfernt.</translation>
    </message>
    <message>
        <source>profile takes add, list or remove.</source>
        <translation>profile erwartet add, list oder remove.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::QuotasCommand</name>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Check the file name.</source>
        <translation>Prüfen Sie den Dateinamen.</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>weich</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>hart</translation>
    </message>
    <message>
        <source>Team metadata key: %1; key id metadata key: %2; %3 mapping rules.</source>
        <translation>Team-Metadatenschlüssel: %1; Metadatenschlüssel der Schlüssel-ID: %2; %3 Zuordnungsregeln.</translation>
    </message>
    <message>
        <source>quotas set needs --file FILE, or team|key NAME with --soft/--hard.</source>
        <translation>quotas set benötigt --file DATEI oder team|key NAME mit --soft/--hard.</translation>
    </message>
    <message>
        <source>Saved %1 quota policies.</source>
        <translation>%1 Kontingentrichtlinien gespeichert.</translation>
    </message>
    <message>
        <source>team %1: CPU %2, GPU %3, memory %4 GiB, %5 active jobs</source>
        <translation>Team %1: CPU %2, GPU %3, Speicher %4 GiB, %5 aktive Jobs</translation>
    </message>
    <message>
        <source> (hard CPU %1)</source>
        <translation> (hart CPU %1)</translation>
    </message>
    <message>
        <source>cluster: CPU %1, GPU %2 in use</source>
        <translation>Cluster: CPU %1, GPU %2 in Verwendung</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Give --profile NAME or --from-dir FOLDER.</source>
        <translation>Geben Sie --profile NAME oder --from-dir ORDNER an.</translation>
    </message>
    <message>
        <source>quotas what-if needs one submission file (JSON of POST /api/jobs/, or - for standard input).</source>
        <translation>quotas what-if benötigt eine Einreichungsdatei (JSON von POST /api/jobs/ oder - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Fits (team %1).</source>
        <translation>Passt (Team %1).</translation>
    </message>
    <message>
        <source>Does not fit (team %1):</source>
        <translation>Passt nicht (Team %1):</translation>
    </message>
    <message>
        <source>Quota policies per team and key, live usage against them, and whether a job submission would fit.</source>
        <translation>Kontingentrichtlinien pro Team und Schlüssel, die aktuelle Nutzung im Vergleich dazu und ob eine Job-Einreichung passen würde.</translation>
    </message>
    <message>
        <source>show, set, usage or what-if.</source>
        <translation>show, set, usage oder what-if.</translation>
    </message>
    <message>
        <source>set: the whole quota configuration (JSON).</source>
        <translation>set: die gesamte Kontingentkonfiguration (JSON).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>set: soft limits, e.g. CPU=8,GPU=2.</source>
        <translation>set: weiche Limits, z. B. CPU=8,GPU=2.</translation>
    </message>
    <message>
        <source>limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>set: hard limits, e.g. CPU=10,jobs=3.</source>
        <translation>set: harte Limits, z. B. CPU=10,jobs=3.</translation>
    </message>
    <message>
        <source>usage/what-if: read the cluster of this profile.</source>
        <translation>usage/what-if: den Cluster dieses Profils lesen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>usage/what-if: read saved dashboard answers.</source>
        <translation>usage/what-if: gespeicherte Dashboard-Antworten lesen.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>quotas takes show, set, usage or what-if.</source>
        <translation>quotas erwartet show, set, usage oder what-if.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::StatusCommand</name>
    <message>
        <source>Cluster:  %1 (%2)</source>
        <translation>Cluster:  %1 (%2)</translation>
    </message>
    <message>
        <source>Warning:  plain http; traffic to the dashboard is not encrypted.</source>
        <translation>Warnung:  unverschlüsseltes http; der Verkehr zum Dashboard ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Ray:      %1</source>
        <translation>Ray:      %1</translation>
    </message>
    <message>
        <source>Auth:     %1</source>
        <translation>Auth:     %1</translation>
    </message>
    <message>
        <source>Warning:  token authentication is off: anyone who reaches the dashboard can run code on the cluster.</source>
        <translation>Warnung:  Token-Authentifizierung ist aus: Jeder, der das Dashboard erreicht, kann Code auf dem Cluster ausführen.</translation>
    </message>
    <message>
        <source>Nodes:    %1 alive, %2 dead, %3 pending, %4 failed to launch</source>
        <translation>Knoten:   %1 aktiv, %2 tot, %3 ausstehend, %4 Start fehlgeschlagen</translation>
    </message>
    <message>
        <source>Jobs:     %1 (%2)</source>
        <translation>Jobs:     %1 (%2)</translation>
    </message>
    <message>
        <source>Tasks:    %1 in %2 functions</source>
        <translation>Tasks:    %1 in %2 Funktionen</translation>
    </message>
    <message>
        <source>Note:     %1</source>
        <translation>Hinweis:  %1</translation>
    </message>
    <message>
        <source>Fetches the version, authentication mode, nodes, resources, jobs and task summary of a cluster once and prints them.</source>
        <translation>Ruft Version, Authentifizierungsmodus, Knoten, Ressourcen, Jobs und Task-Übersicht eines Clusters einmal ab und gibt sie aus.</translation>
    </message>
    <message>
        <source>Profile to use.</source>
        <translation>Zu verwendendes Profil.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Give up after this many seconds (default 30).</source>
        <translation>Nach so vielen Sekunden aufgeben (Standard 30).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>status needs --profile NAME and a --timeout from 1 to 3600.</source>
        <translation>status benötigt --profile NAME und ein --timeout von 1 bis 3600.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::TokenCommand</name>
    <message>
        <source>Generates a Ray cluster token (64 hex characters, as Ray does) and keeps it in the keychain for a profile.</source>
        <translation>Erzeugt ein Ray-Cluster-Token (64 Hex-Zeichen, wie Ray es tut) und bewahrt es für ein Profil im Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>Generate a token.</source>
        <translation>Ein Token erzeugen.</translation>
    </message>
    <message>
        <source>Cluster profile.</source>
        <translation>Clusterprofil.</translation>
    </message>
    <message>
        <source>Replace the profile&apos;s existing token.</source>
        <translation>Das vorhandene Token des Profils ersetzen.</translation>
    </message>
    <message>
        <source>token generate needs one profile name.</source>
        <translation>token generate benötigt einen Profilnamen.</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>Stored a new Ray token for profile %1 in the keychain.</source>
        <translation>Ein neues Ray-Token für Profil %1 im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Exports a profile&apos;s Ray token: the token file (0600) with an env file setting RAY_AUTH_MODE=token and RAY_AUTH_TOKEN_PATH, and/or a Kubernetes Secret (0600).</source>
        <translation>Exportiert das Ray-Token eines Profils: die Token-Datei (0600) mit einer Env-Datei, die RAY_AUTH_MODE=token und RAY_AUTH_TOKEN_PATH setzt, und/oder ein Kubernetes-Secret (0600).</translation>
    </message>
    <message>
        <source>Export the token.</source>
        <translation>Das Token exportieren.</translation>
    </message>
    <message>
        <source>Token file to write.</source>
        <translation>Zu schreibende Token-Datei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Env file to write (needs --token-file).</source>
        <translation>Zu schreibende Env-Datei (benötigt --token-file).</translation>
    </message>
    <message>
        <source>Kubernetes Secret manifest to write.</source>
        <translation>Zu schreibendes Kubernetes-Secret-Manifest.</translation>
    </message>
    <message>
        <source>Secret name.</source>
        <translation>Name des Secrets.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Secret namespace.</source>
        <translation>Namespace des Secrets.</translation>
    </message>
    <message>
        <source>ns</source>
        <translation>ns</translation>
    </message>
    <message>
        <source>token export needs a profile and --token-file [--env-file] or --kubernetes.</source>
        <translation>token export benötigt ein Profil und --token-file [--env-file] oder --kubernetes.</translation>
    </message>
    <message>
        <source>Exported the Ray token of profile %1. Ray reads it only when it starts: restart the cluster to apply it.</source>
        <translation>Das Ray-Token von Profil %1 wurde exportiert. Ray liest es nur beim Start: Starten Sie den Cluster neu, um es anzuwenden.</translation>
    </message>
    <message>
        <source>Show how to rotate the token.</source>
        <translation>Zeigen, wie das Token rotiert wird.</translation>
    </message>
    <message>
        <source>token takes generate, export or steps.</source>
        <translation>token erwartet generate, export oder steps.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::UsersCommand</name>
    <message>
        <source>User name.</source>
        <translation>Benutzername.</translation>
    </message>
    <message>
        <source>Name exactly one user.</source>
        <translation>Nennen Sie genau einen Benutzer.</translation>
    </message>
    <message>
        <source>Adds a dashboard user. The password is read from standard input (or --password-file), checked against the policy and stored only as an Argon2id hash.</source>
        <translation>Fügt einen Dashboard-Benutzer hinzu. Das Passwort wird von der Standardeingabe (oder --password-file) gelesen, gegen die Richtlinie geprüft und nur als Argon2id-Hash gespeichert.</translation>
    </message>
    <message>
        <source>Add a user.</source>
        <translation>Einen Benutzer hinzufügen.</translation>
    </message>
    <message>
        <source>viewer, operator or admin.</source>
        <translation>viewer, operator oder admin.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>Das Passwort aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>--role takes viewer, operator or admin.</source>
        <translation>--role erwartet viewer, operator oder admin.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>Sets a new password for a user, read from standard input (or --password-file).</source>
        <translation>Setzt ein neues Passwort für einen Benutzer, gelesen von der Standardeingabe (oder --password-file).</translation>
    </message>
    <message>
        <source>Reset a password.</source>
        <translation>Ein Passwort zurücksetzen.</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>Das Passwort von %1 wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Disable a user.</source>
        <translation>Einen Benutzer deaktivieren.</translation>
    </message>
    <message>
        <source>Enable a user.</source>
        <translation>Einen Benutzer aktivieren.</translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation>%1 deaktiviert.</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 aktiviert.</translation>
    </message>
    <message>
        <source>List the users.</source>
        <translation>Die Benutzer auflisten.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>Writes the users as a JSON bundle for the gateway and signs it with the workstation&apos;s signing key (FILE.minisig, verifiable with minisign -V).</source>
        <translation>Schreibt die Benutzer als JSON-Paket für das Gateway und signiert es mit dem Signaturschlüssel der Arbeitsstation (DATEI.minisig, prüfbar mit minisign -V).</translation>
    </message>
    <message>
        <source>Export the users.</source>
        <translation>Die Benutzer exportieren.</translation>
    </message>
    <message>
        <source>Bundle to write.</source>
        <translation>Zu schreibendes Paket.</translation>
    </message>
    <message>
        <source>users export needs one file name.</source>
        <translation>users export benötigt einen Dateinamen.</translation>
    </message>
    <message>
        <source>Wrote %1 users to %2, signed with key %3 (%2.minisig).</source>
        <translation>%1 Benutzer nach %2 geschrieben, signiert mit Schlüssel %3 (%2.minisig).</translation>
    </message>
    <message>
        <source>users takes add, list, disable, enable, reset or export; add --help to any of them.</source>
        <translation>users erwartet add, list, disable, enable, reset oder export; fügen Sie jedem davon --help hinzu.</translation>
    </message>
</context>
<context>
    <name>raysec::cli::gatewaybundles</name>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>the job policy in %1</source>
        <translation>die Job-Richtlinie in %1</translation>
    </message>
    <message>
        <source>Signs the gateway&apos;s policy bundle (policy.json: the job policy and the quota policies saved in the console) and, when dashboard users exist, the user store (users.json) with the workstation&apos;s signing key, and writes them with their .minisig files and the public key (raysec-registry.pub) into a folder.</source>
        <translation>Signiert das Richtlinienbündel des Gateways (policy.json: die Job-Richtlinie und die in der Konsole gespeicherten Kontingentrichtlinien) und, sofern Dashboard-Benutzer existieren, den Benutzerspeicher (users.json) mit dem Signaturschlüssel dieses Arbeitsplatzes und schreibt sie mit ihren .minisig-Dateien und dem öffentlichen Schlüssel (raysec-registry.pub) in einen Ordner.</translation>
    </message>
    <message>
        <source>Write the signed bundles.</source>
        <translation>Die signierten Bündel schreiben.</translation>
    </message>
    <message>
        <source>Folder to write into.</source>
        <translation>Zielordner.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Replace files that exist already.</source>
        <translation>Bereits vorhandene Dateien ersetzen.</translation>
    </message>
    <message>
        <source>gateway bundles needs --out FOLDER.</source>
        <translation>gateway bundles braucht --out ORDNER.</translation>
    </message>
    <message>
        <source>Job policy for the gateway (raysec-job-policy file; default: the one saved with gateway job-policy set, else Raysec&apos;s recommended policy).</source>
        <translation>Job-Richtlinie für das Gateway (raysec-job-policy-Datei; Standard: die mit gateway job-policy set gespeicherte, sonst die von Raysec empfohlene).</translation>
    </message>
    <message>
        <source>Shows, sets or resets the job policy that gateway bundles, gateway config --bundles and the hardening wizard sign into the gateway&apos;s policy bundle. Until one is set, that is Raysec&apos;s recommended policy.</source>
        <translation>Zeigt, setzt oder verwirft die Job-Richtlinie, die gateway bundles, gateway config --bundles und der Härtungsassistent in das Richtlinienbündel des Gateways signieren. Solange keine gesetzt ist, ist das die von Raysec empfohlene.</translation>
    </message>
    <message>
        <source>show, set FILE (a raysec-job-policy file) or reset.</source>
        <translation>show, set DATEI (eine raysec-job-policy-Datei) oder reset.</translation>
    </message>
    <message>
        <source>The gateway&apos;s bundles carry %1:</source>
        <translation>Die Bündel des Gateways enthalten %1:</translation>
    </message>
    <message>
        <source>Saved the job policy from %1. Sign the bundles again (raysec-cli gateway bundles) and reload the gateway for it to apply.</source>
        <translation>Job-Richtlinie aus %1 gespeichert. Signieren Sie die Bündel neu (raysec-cli gateway bundles) und laden Sie das Gateway neu, damit sie gilt.</translation>
    </message>
    <message>
        <source>The gateway&apos;s bundles carry Raysec&apos;s recommended job policy again once they are signed anew.</source>
        <translation>Die Bündel des Gateways enthalten wieder die von Raysec empfohlene Job-Richtlinie, sobald sie neu signiert sind.</translation>
    </message>
    <message>
        <source>gateway job-policy takes show, set FILE or reset.</source>
        <translation>gateway job-policy nimmt show, set DATEI oder reset.</translation>
    </message>
</context>
<context>
    <name>raysec::json::Envelopes</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>raysec::json::FieldReader</name>
    <message>
        <source>at %1: %2</source>
        <translation>bei %1: %2</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object or null</source>
        <translation>ein Objekt oder null</translation>
    </message>
    <message>
        <source>an array or null</source>
        <translation>ein Array oder null</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a string or null</source>
        <translation>eine Zeichenkette oder null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>true, false or null</source>
        <translation>true, false oder null</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a number of at least 0</source>
        <translation>eine Zahl von mindestens 0</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1</source>
        <translation>eine ganze Zahl von 0 bis %1</translation>
    </message>
    <message>
        <source>a whole number or null</source>
        <translation>eine ganze Zahl oder null</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>ein Schlüssel</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <source>unexpected content after the end</source>
        <translation>unerwarteter Inhalt nach dem Ende</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
</context>
<context>
    <name>raysec::minisign</name>
    <message>
        <source>The %1 is not valid base64.</source>
        <translation>%1 ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>Copy the line again without changing or wrapping it.</source>
        <translation>Kopieren Sie die Zeile erneut, ohne sie zu ändern oder umzubrechen.</translation>
    </message>
    <message>
        <source>The %1 is longer than %2 bytes.</source>
        <translation>%1 ist länger als %2 Bytes.</translation>
    </message>
    <message>
        <source>Shorten the comment.</source>
        <translation>Kürzen Sie den Kommentar.</translation>
    </message>
    <message>
        <source>The %1 contains a line break or control character.</source>
        <translation>%1 enthält einen Zeilenumbruch oder ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>Keep the comment on one line.</source>
        <translation>Halten Sie den Kommentar auf einer Zeile.</translation>
    </message>
    <message>
        <source>The %1 is not valid UTF-8.</source>
        <translation>%1 ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>Use plain text.</source>
        <translation>Verwenden Sie einfachen Text.</translation>
    </message>
</context>
<context>
    <name>raysec::probes</name>
    <message>
        <source>%1 answered %2 to a request without credentials.</source>
        <translation>%1 hat eine Anfrage ohne Anmeldedaten mit %2 beantwortet.</translation>
    </message>
    <message>
        <source>%1 refused a request without credentials (%2).</source>
        <translation>%1 hat eine Anfrage ohne Anmeldedaten abgelehnt (%2).</translation>
    </message>
    <message>
        <source>%1 gave no usable answer (status %2).</source>
        <translation>%1 hat keine verwertbare Antwort gegeben (Status %2).</translation>
    </message>
    <message>
        <source>Token authentication is on.</source>
        <translation>Die Token-Authentifizierung ist aktiviert.</translation>
    </message>
    <message>
        <source>Token authentication is disabled.</source>
        <translation>Die Token-Authentifizierung ist deaktiviert.</translation>
    </message>
    <message>
        <source>The cluster has no token authentication (Ray before 2.52).</source>
        <translation>Der Cluster hat keine Token-Authentifizierung (Ray vor 2.52).</translation>
    </message>
    <message>
        <source>The authentication mode could not be read.</source>
        <translation>Der Authentifizierungsmodus konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The Ray version could not be read from %1.</source>
        <translation>Die Ray-Version konnte nicht aus %1 gelesen werden.</translation>
    </message>
    <message>
        <source>No known advisory applies to Ray %1.</source>
        <translation>Kein bekannter Hinweis betrifft Ray %1.</translation>
    </message>
    <message>
        <source>%1 (fixed in %2)</source>
        <translation>%1 (behoben in %2)</translation>
    </message>
    <message>
        <source>Ray %1 is affected by %2.</source>
        <translation>Ray %1 ist von %2 betroffen.</translation>
    </message>
    <message>
        <source>The Ray version could not be read.</source>
        <translation>Die Ray-Version konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Ray %1 has no browser-request guard: a web page can submit jobs.</source>
        <translation>Ray %1 hat keinen Schutz vor Browser-Anfragen: Eine Webseite kann Jobs einreichen.</translation>
    </message>
    <message>
        <source>Ray %1 lets browser DELETE requests through.</source>
        <translation>Ray %1 lässt DELETE-Anfragen von Browsern durch.</translation>
    </message>
    <message>
        <source>Ray %1 refuses browser-looking write requests.</source>
        <translation>Ray %1 lehnt schreibende Anfragen ab, die nach einem Browser aussehen.</translation>
    </message>
    <message>
        <source>TCP connect %1:%2 (%3)</source>
        <translation>TCP-Verbindung %1:%2 (%3)</translation>
    </message>
    <message>
        <source>connection accepted</source>
        <translation>Verbindung angenommen</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>No ports to check.</source>
        <translation>Keine Ports zu prüfen.</translation>
    </message>
    <message>
        <source>Reachable from this workstation: %1.</source>
        <translation>Von dieser Arbeitsstation erreichbar: %1.</translation>
    </message>
    <message>
        <source>None of the Ray ports accepted a connection.</source>
        <translation>Keiner der Ray-Ports hat eine Verbindung angenommen.</translation>
    </message>
    <message>
        <source>Request %1 of the burst saw a rate limit.</source>
        <translation>Anfrage %1 der Serie traf auf eine Ratenbegrenzung.</translation>
    </message>
    <message>
        <source>No request of the burst was answered.</source>
        <translation>Keine Anfrage der Serie wurde beantwortet.</translation>
    </message>
    <message>
        <source>%1 requests in a burst saw neither 429 nor a RateLimit header.</source>
        <translation>%1 Anfragen in einer Serie erhielten weder 429 noch einen RateLimit-Header.</translation>
    </message>
    <message>
        <source>The job list could not be read (status %1).</source>
        <translation>Die Jobliste konnte nicht gelesen werden (Status %1).</translation>
    </message>
    <message>
        <source>(driver job)</source>
        <translation>(Treiber-Job)</translation>
    </message>
    <message>
        <source>job %1, %2</source>
        <translation>Job %1, %2</translation>
    </message>
    <message>
        <source>All %1 jobs satisfy the job policy.</source>
        <translation>Alle %1 Jobs erfüllen die Job-Richtlinie.</translation>
    </message>
    <message>
        <source>%1 of %2 jobs break the job policy: %3</source>
        <translation>%1 von %2 Jobs verstoßen gegen die Job-Richtlinie: %3</translation>
    </message>
    <message>
        <source>%1 quota policies are defined.</source>
        <translation>%1 Kontingentrichtlinien sind definiert.</translation>
    </message>
    <message>
        <source>No quota policy is defined: any job may take every resource.</source>
        <translation>Es ist keine Kontingentrichtlinie definiert: Jeder Job kann alle Ressourcen belegen.</translation>
    </message>
    <message>
        <source>; subject %1; expires %2</source>
        <translation>; Inhaber %1; läuft ab %2</translation>
    </message>
    <message>
        <source>TLS handshake with %1:%2</source>
        <translation>TLS-Handshake mit %1:%2</translation>
    </message>
    <message>
        <source>The profile uses plain HTTP; there is no TLS to inspect.</source>
        <translation>Das Profil verwendet unverschlüsseltes HTTP; es gibt kein TLS zu prüfen.</translation>
    </message>
    <message>
        <source>The TLS handshake did not complete.</source>
        <translation>Der TLS-Handshake wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Profile address</source>
        <translation>Profiladresse</translation>
    </message>
    <message>
        <source>The dashboard is reached over HTTPS.</source>
        <translation>Das Dashboard wird über HTTPS erreicht.</translation>
    </message>
    <message>
        <source>The dashboard is reached over plain HTTP (%1).</source>
        <translation>Das Dashboard wird über unverschlüsseltes HTTP erreicht (%1).</translation>
    </message>
    <message>
        <source>The server negotiated %1.</source>
        <translation>Der Server hat %1 ausgehandelt.</translation>
    </message>
    <message>
        <source>The certificate verifies against the profile&apos;s trust and names the host.</source>
        <translation>Das Zertifikat lässt sich gegen die Vertrauenseinstellungen des Profils prüfen und nennt den Host.</translation>
    </message>
    <message>
        <source>The certificate does not verify: %1</source>
        <translation>Das Zertifikat lässt sich nicht prüfen: %1</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>Das Zertifikat ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate expires in %1 days.</source>
        <translation>Das Zertifikat läuft in %1 Tagen ab.</translation>
    </message>
    <message>
        <source>The certificate is valid for %1 more days.</source>
        <translation>Das Zertifikat ist noch %1 Tage gültig.</translation>
    </message>
    <message>
        <source>The certificate key is neither RSA nor EC (for example Ed25519).</source>
        <translation>Der Zertifikatsschlüssel ist weder RSA noch EC (zum Beispiel Ed25519).</translation>
    </message>
    <message>
        <source>The certificate key is %1 with %2 bits (minimum %3).</source>
        <translation>Der Zertifikatsschlüssel ist %1 mit %2 Bit (Minimum %3).</translation>
    </message>
    <message>
        <source>Console store, quota configuration</source>
        <translation>Konsolenspeicher, Kontingentkonfiguration</translation>
    </message>
    <message>
        <source>%1 policies</source>
        <translation>%1 Richtlinien</translation>
    </message>
    <message>
        <source>no quota configuration saved</source>
        <translation>keine Kontingentkonfiguration gespeichert</translation>
    </message>
</context>
<context>
    <name>raysec::tls::BatchIssuer</name>
    <message>
        <source>Cannot write bundles into %1.</source>
        <translation>In %1 können keine Bündel geschrieben werden.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben können.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::BundleWriter</name>
    <message>
        <source>&quot;%1&quot; is not a valid Kubernetes namespace.</source>
        <translation>„%1“ ist kein gültiger Kubernetes-Namespace.</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits and dashes, such as ray-system.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, etwa ray-system.</translation>
    </message>
    <message>
        <source>A PKCS#12 file needs a key and a passphrase.</source>
        <translation>Eine PKCS#12-Datei benötigt einen Schlüssel und eine Passphrase.</translation>
    </message>
    <message>
        <source>Give a passphrase for the PKCS#12 file.</source>
        <translation>Geben Sie eine Passphrase für die PKCS#12-Datei an.</translation>
    </message>
    <message>
        <source>Building the PKCS#12 file failed</source>
        <translation>Das Erstellen der PKCS#12-Datei ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>raysec::tls::CaStore</name>
    <message>
        <source>&quot;%1&quot; is not a usable CA name.</source>
        <translation>„%1“ ist kein verwendbarer CA-Name.</translation>
    </message>
    <message>
        <source>Use letters, digits, dots, dashes or underscores.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.</translation>
    </message>
    <message>
        <source>A CA called %1 already exists.</source>
        <translation>Eine CA namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Choose another name; an existing CA is never overwritten.</source>
        <translation>Wählen Sie einen anderen Namen; eine vorhandene CA wird nie überschrieben.</translation>
    </message>
    <message>
        <source>There is no CA called %1.</source>
        <translation>Es gibt keine CA namens %1.</translation>
    </message>
    <message>
        <source>Create or import it first: raysec-cli certs ca create %1.</source>
        <translation>Erstellen oder importieren Sie sie zuerst: raysec-cli certs ca create %1.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::Certificate</name>
    <message>
        <source>The text holds no readable PEM certificate</source>
        <translation>Der Text enthält kein lesbares PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Give a PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>Geben Sie ein PEM-Zertifikat an (-----BEGIN CERTIFICATE-----).</translation>
    </message>
</context>
<context>
    <name>raysec::tls::CertificateAuthority</name>
    <message>
        <source>The private key does not belong to %1.</source>
        <translation>Der private Schlüssel gehört nicht zu %1.</translation>
    </message>
    <message>
        <source>Give the key that belongs to the first certificate of the chain.</source>
        <translation>Geben Sie den Schlüssel an, der zum ersten Zertifikat der Kette gehört.</translation>
    </message>
    <message>
        <source>%1 is not a CA certificate.</source>
        <translation>%1 ist kein CA-Zertifikat.</translation>
    </message>
    <message>
        <source>Import the CA&apos;s own certificate, not a node certificate.</source>
        <translation>Importieren Sie das eigene Zertifikat der CA, kein Knotenzertifikat.</translation>
    </message>
    <message>
        <source>%1 is not valid now (valid %2 to %3).</source>
        <translation>%1 ist derzeit nicht gültig (gültig %2 bis %3).</translation>
    </message>
    <message>
        <source>Renew the CA first, or create a new one and plan a CA rotation.</source>
        <translation>Erneuern Sie zuerst die CA oder erstellen Sie eine neue und planen Sie eine CA-Rotation.</translation>
    </message>
    <message>
        <source>%1 was not issued by %2.</source>
        <translation>%1 wurde nicht von %2 ausgestellt.</translation>
    </message>
    <message>
        <source>The chain ends at %1, which is not a self-signed root.</source>
        <translation>Die Kette endet bei %1, das keine selbstsignierte Root ist.</translation>
    </message>
    <message>
        <source>Give the signing CA first and every CA above it up to the root.</source>
        <translation>Geben Sie zuerst die signierende CA an und jede CA darüber bis zur Root.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::CertificateBuilder</name>
    <message>
        <source>A validity of %1 days is outside 1 to %2 days.</source>
        <translation>Eine Gültigkeit von %1 Tagen liegt außerhalb von 1 bis %2 Tagen.</translation>
    </message>
    <message>
        <source>Ray&apos;s examples use 3650 days for a CA.</source>
        <translation>Die Beispiele von Ray verwenden 3650 Tage für eine CA.</translation>
    </message>
    <message>
        <source>Ray&apos;s examples use 365 days for node certificates.</source>
        <translation>Die Beispiele von Ray verwenden 365 Tage für Knotenzertifikate.</translation>
    </message>
    <message>
        <source>Preparing the certificate failed</source>
        <translation>Das Vorbereiten des Zertifikats ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Signing the certificate failed</source>
        <translation>Das Signieren des Zertifikats ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Drawing a random serial number failed</source>
        <translation>Das Erzeugen einer zufälligen Seriennummer ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Setting the serial number failed</source>
        <translation>Das Setzen der Seriennummer ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Setting the certificate&apos;s names failed</source>
        <translation>Das Setzen der Namen des Zertifikats ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Setting the validity period failed</source>
        <translation>Das Setzen des Gültigkeitszeitraums ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Adding the %1 extension failed</source>
        <translation>Das Hinzufügen der Erweiterung %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable subject alternative name.</source>
        <translation>„%1“ ist kein verwendbarer alternativer Antragstellername.</translation>
    </message>
    <message>
        <source>Use IP:address or DNS:name with a valid address or DNS name.</source>
        <translation>Verwenden Sie IP:Adresse oder DNS:Name mit einer gültigen Adresse bzw. einem gültigen DNS-Namen.</translation>
    </message>
    <message>
        <source>Adding the name %1 failed</source>
        <translation>Das Hinzufügen des Namens %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Adding the subject alternative names failed</source>
        <translation>Das Hinzufügen der alternativen Antragstellernamen ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>raysec::tls::CertificateInventory</name>
    <message>
        <source>record a certificate</source>
        <translation>ein Zertifikat erfassen</translation>
    </message>
    <message>
        <source>Only encrypted keys are kept in the inventory.</source>
        <translation>Im Inventar werden nur verschlüsselte Schlüssel aufbewahrt.</translation>
    </message>
    <message>
        <source>Give a passphrase to keep the node keys.</source>
        <translation>Geben Sie eine Passphrase an, um die Knotenschlüssel aufzubewahren.</translation>
    </message>
    <message>
        <source>list certificates</source>
        <translation>Zertifikate auflisten</translation>
    </message>
    <message>
        <source>read a certificate</source>
        <translation>ein Zertifikat lesen</translation>
    </message>
    <message>
        <source>No certificate with fingerprint %1 is in the inventory.</source>
        <translation>Im Inventar ist kein Zertifikat mit dem Fingerabdruck %1.</translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli certs list&apos; to see the recorded certificates.</source>
        <translation>Führen Sie „raysec-cli certs list“ aus, um die erfassten Zertifikate zu sehen.</translation>
    </message>
    <message>
        <source>The inventory holds no key for %1.</source>
        <translation>Das Inventar enthält keinen Schlüssel für %1.</translation>
    </message>
    <message>
        <source>Keys are kept only when chosen at issuance; renew the certificate to get a new key.</source>
        <translation>Schlüssel werden nur aufbewahrt, wenn dies bei der Ausstellung gewählt wurde; erneuern Sie das Zertifikat, um einen neuen Schlüssel zu erhalten.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::KeyType</name>
    <message>
        <source>Ray&apos;s gRPC support for Ed25519 certificates is unconfirmed; test a node before rolling it out, or choose ECDSA P-256.</source>
        <translation>Die Unterstützung von Ed25519-Zertifikaten in Rays gRPC ist nicht bestätigt; testen Sie einen Knoten vor dem Ausrollen oder wählen Sie ECDSA P-256.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::NodeEntry</name>
    <message>
        <source>&quot;%1&quot; is not a usable node name.</source>
        <translation>„%1“ ist kein verwendbarer Knotenname.</translation>
    </message>
    <message>
        <source>Use 1 to 63 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>Verwenden Sie 1 bis 63 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Node %1: &quot;%2&quot; is not an IP address.</source>
        <translation>Knoten %1: „%2“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Give the IPv4 or IPv6 address other nodes dial, such as 10.0.0.5.</source>
        <translation>Geben Sie die IPv4- oder IPv6-Adresse an, über die andere Knoten ihn erreichen, etwa 10.0.0.5.</translation>
    </message>
    <message>
        <source>Node %1: &quot;%2&quot; is not a valid DNS name.</source>
        <translation>Knoten %1: „%2“ ist kein gültiger DNS-Name.</translation>
    </message>
    <message>
        <source>Use labels of letters, digits and dashes separated by dots, such as ray-head.ray.svc.cluster.local.</source>
        <translation>Verwenden Sie durch Punkte getrennte Labels aus Buchstaben, Ziffern und Bindestrichen, etwa ray-head.ray.svc.cluster.local.</translation>
    </message>
    <message>
        <source>The node list is empty.</source>
        <translation>Die Knotenliste ist leer.</translation>
    </message>
    <message>
        <source>Give at least one node: name, IP address and optional hostnames.</source>
        <translation>Geben Sie mindestens einen Knoten an: Name, IP-Adresse und optional Hostnamen.</translation>
    </message>
    <message>
        <source>The node name %1 appears twice.</source>
        <translation>Der Knotenname %1 kommt doppelt vor.</translation>
    </message>
    <message>
        <source>Give every node its own name; each gets its own bundle folder.</source>
        <translation>Geben Sie jedem Knoten einen eigenen Namen; jeder erhält einen eigenen Bündelordner.</translation>
    </message>
    <message>
        <source>%1 nodes are marked as head; a Ray cluster has one.</source>
        <translation>%1 Knoten sind als Head markiert; ein Ray-Cluster hat einen.</translation>
    </message>
    <message>
        <source>Mark only the head node.</source>
        <translation>Markieren Sie nur den Head-Knoten.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::NodeIssuer</name>
    <message>
        <source>The text holds no readable PEM CSR</source>
        <translation>Der Text enthält keine lesbare PEM-CSR</translation>
    </message>
    <message>
        <source>Give the file made by the openssl req command Raysec prints (-----BEGIN CERTIFICATE REQUEST-----).</source>
        <translation>Geben Sie die Datei an, die der von Raysec ausgegebene openssl-req-Befehl erstellt (-----BEGIN CERTIFICATE REQUEST-----).</translation>
    </message>
    <message>
        <source>The CSR&apos;s own signature does not verify</source>
        <translation>Die eigene Signatur der CSR lässt sich nicht prüfen</translation>
    </message>
    <message>
        <source>Make the CSR again on the node; this one is damaged or was altered.</source>
        <translation>Erstellen Sie die CSR erneut auf dem Knoten; diese ist beschädigt oder wurde verändert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a DNS name nor an IP address.</source>
        <translation>„%1“ ist weder ein DNS-Name noch eine IP-Adresse.</translation>
    </message>
    <message>
        <source>Give the names clients use for the head, such as ray-head.ray.svc.cluster.local.</source>
        <translation>Geben Sie die Namen an, unter denen Clients den Head erreichen, etwa ray-head.ray.svc.cluster.local.</translation>
    </message>
    <message>
        <source>%1 days would outlive the CA, which expires on %2.</source>
        <translation>%1 Tage würden die CA überdauern, die am %2 abläuft.</translation>
    </message>
    <message>
        <source>Choose a shorter validity or renew the CA first.</source>
        <translation>Wählen Sie eine kürzere Gültigkeit oder erneuern Sie zuerst die CA.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::NodeListParser</name>
    <message>
        <source>The node list is not UTF-8 text.</source>
        <translation>Die Knotenliste ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>Give a plain text or CSV file.</source>
        <translation>Geben Sie eine reine Text- oder CSV-Datei an.</translation>
    </message>
    <message>
        <source>The list has more than %1 nodes.</source>
        <translation>Die Liste hat mehr als %1 Knoten.</translation>
    </message>
    <message>
        <source>Split it into several batches.</source>
        <translation>Teilen Sie sie in mehrere Teile auf.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>the role &quot;%1&quot; is unknown.</source>
        <translation>die Rolle „%1“ ist unbekannt.</translation>
    </message>
    <message>
        <source>Write head or worker, or leave it out.</source>
        <translation>Schreiben Sie head oder worker oder lassen Sie es weg.</translation>
    </message>
    <message>
        <source>a node needs a name and an IP address.</source>
        <translation>ein Knoten benötigt einen Namen und eine IP-Adresse.</translation>
    </message>
    <message>
        <source>Write: name ip [hostname ...] [role=head].</source>
        <translation>Schreiben Sie: name ip [hostname ...] [role=head].</translation>
    </message>
    <message>
        <source>a CSV line needs 2 to 4 fields, this one has %1.</source>
        <translation>eine CSV-Zeile benötigt 2 bis 4 Felder, diese hat %1.</translation>
    </message>
    <message>
        <source>Write: name,ip,hostnames,role with hostnames separated by &apos;;&apos;.</source>
        <translation>Schreiben Sie: name,ip,hostnames,role mit durch „;“ getrennten Hostnamen.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::OpenSsl</name>
    <message>
        <source>OpenSSL error %1</source>
        <translation>OpenSSL-Fehler %1</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::PassphrasePolicy</name>
    <message>
        <source>The passphrase is shorter than %1 characters.</source>
        <translation>Die Passphrase ist kürzer als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Use a longer passphrase, for example four or five random words.</source>
        <translation>Verwenden Sie eine längere Passphrase, zum Beispiel vier oder fünf zufällige Wörter.</translation>
    </message>
    <message>
        <source>The passphrase repeats too few different characters.</source>
        <translation>Die Passphrase enthält zu wenige verschiedene Zeichen.</translation>
    </message>
    <message>
        <source>Use a passphrase with more variety, for example random words.</source>
        <translation>Verwenden Sie eine abwechslungsreichere Passphrase, zum Beispiel zufällige Wörter.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::PrivateKey</name>
    <message>
        <source>The private key is encrypted.</source>
        <translation>Der private Schlüssel ist verschlüsselt.</translation>
    </message>
    <message>
        <source>Give the key&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase des Schlüssels an.</translation>
    </message>
    <message>
        <source>The private key could not be decrypted with this passphrase.</source>
        <translation>Der private Schlüssel konnte mit dieser Passphrase nicht entschlüsselt werden.</translation>
    </message>
    <message>
        <source>Check the passphrase and try again.</source>
        <translation>Prüfen Sie die Passphrase und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file does not hold a readable private key</source>
        <translation>Die Datei enthält keinen lesbaren privaten Schlüssel</translation>
    </message>
    <message>
        <source>Give a PEM private key (-----BEGIN PRIVATE KEY-----).</source>
        <translation>Geben Sie einen privaten PEM-Schlüssel an (-----BEGIN PRIVATE KEY-----).</translation>
    </message>
    <message>
        <source>Encoding the private key failed</source>
        <translation>Das Kodieren des privaten Schlüssels ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>Die Passphrase ist leer.</translation>
    </message>
    <message>
        <source>Give a passphrase to protect the key.</source>
        <translation>Geben Sie eine Passphrase zum Schutz des Schlüssels an.</translation>
    </message>
    <message>
        <source>Encrypting the private key failed</source>
        <translation>Das Verschlüsseln des privaten Schlüssels ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Generating the key failed</source>
        <translation>Das Erzeugen des Schlüssels ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>raysec::tls::RotationPlan</name>
    <message>
        <source>Renew node certificates under CA %1</source>
        <translation>Knotenzertifikate unter CA %1 erneuern</translation>
    </message>
    <message>
        <source>Running Ray processes keep the old files in memory, so copying is safe while the cluster runs.</source>
        <translation>Laufende Ray-Prozesse halten die alten Dateien im Speicher, daher ist das Kopieren bei laufendem Cluster sicher.</translation>
    </message>
    <message>
        <source>Phase 1: trust both CAs</source>
        <translation>Phase 1: beiden CAs vertrauen</translation>
    </message>
    <message>
        <source>Create the new CA</source>
        <translation>Die neue CA erstellen</translation>
    </message>
    <message>
        <source>The new CA&apos;s key is stored encrypted, with its passphrase in the keychain.</source>
        <translation>Der Schlüssel der neuen CA wird verschlüsselt gespeichert, seine Passphrase im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Each node keeps a certificate from the old CA but now trusts both roots, so old and new certificates are accepted.</source>
        <translation>Jeder Knoten behält ein Zertifikat der alten CA, vertraut aber nun beiden Roots, sodass alte und neue Zertifikate akzeptiert werden.</translation>
    </message>
    <message>
        <source>Phase 2: move the nodes to the new CA</source>
        <translation>Phase 2: die Knoten auf die neue CA umstellen</translation>
    </message>
    <message>
        <source>Nodes still trust the old root, so restarted and not yet restarted nodes keep talking to each other.</source>
        <translation>Die Knoten vertrauen weiterhin der alten Root, sodass neu gestartete und noch nicht neu gestartete Knoten weiter miteinander kommunizieren.</translation>
    </message>
    <message>
        <source>Phase 3: retire the old CA</source>
        <translation>Phase 3: die alte CA außer Dienst stellen</translation>
    </message>
    <message>
        <source>Every node now has a new certificate; ca.crt drops the old root.</source>
        <translation>Jeder Knoten hat jetzt ein neues Zertifikat; ca.crt enthält die alte Root nicht mehr.</translation>
    </message>
    <message>
        <source>Issue certificates from CA %1</source>
        <translation>Zertifikate von CA %1 ausstellen</translation>
    </message>
    <message>
        <source>Every node gets a new key and certificate.</source>
        <translation>Jeder Knoten erhält einen neuen Schlüssel und ein neues Zertifikat.</translation>
    </message>
    <message>
        <source>ca.crt in each bundle also carries the root of CA %1.</source>
        <translation>ca.crt in jedem Bündel enthält auch die Root von CA %1.</translation>
    </message>
    <message>
        <source>Check the names before touching the cluster</source>
        <translation>Die Namen prüfen, bevor der Cluster angefasst wird</translation>
    </message>
    <message>
        <source>The preflight must list no finding.</source>
        <translation>Die Vorabprüfung darf keinen Befund auflisten.</translation>
    </message>
    <message>
        <source>Copy the bundles to every node</source>
        <translation>Die Bündel auf jeden Knoten kopieren</translation>
    </message>
    <message>
        <source>Restart the workers, one at a time</source>
        <translation>Die Worker nacheinander neu starten</translation>
    </message>
    <message>
        <source>Ray reads certificates only when a process starts. Wait for each node to show as ALIVE before the next.</source>
        <translation>Ray liest Zertifikate nur beim Start eines Prozesses. Warten Sie, bis jeder Knoten als ALIVE angezeigt wird, bevor Sie den nächsten starten.</translation>
    </message>
    <message>
        <source>GCS fault tolerance is on: workers reconnect once the head is back, and running jobs survive if they tolerate a short GCS outage.</source>
        <translation>GCS-Fehlertoleranz ist aktiviert: Worker verbinden sich erneut, sobald der Head wieder da ist, und laufende Jobs überstehen dies, wenn sie einen kurzen GCS-Ausfall vertragen.</translation>
    </message>
    <message>
        <source>GCS fault tolerance is off: restarting the head ends running jobs, and worker raylets exit once they lose the GCS; run the worker restarts above again after the head is up. Plan a maintenance window, or turn on GCS fault tolerance (external Redis) first.</source>
        <translation>GCS-Fehlertoleranz ist deaktiviert: Ein Neustart des Heads beendet laufende Jobs, und Worker-Raylets beenden sich, sobald sie die GCS verlieren; führen Sie die obigen Worker-Neustarts erneut aus, nachdem der Head läuft. Planen Sie ein Wartungsfenster oder aktivieren Sie zuerst die GCS-Fehlertoleranz (externes Redis).</translation>
    </message>
    <message>
        <source>Restart the head last</source>
        <translation>Den Head zuletzt neu starten</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>The handshake must verify, and every node must be ALIVE again.</source>
        <translation>Der Handshake muss sich prüfen lassen, und jeder Knoten muss wieder ALIVE sein.</translation>
    </message>
    <message>
        <source># Ray TLS rotation runbook</source>
        <translation># Runbook für die Ray-TLS-Rotation</translation>
    </message>
    <message>
        <source>Nodes: %1. Certificates are read by Ray only at process start; follow the steps in order and tick each one.</source>
        <translation>Knoten: %1. Ray liest Zertifikate nur beim Prozessstart; folgen Sie den Schritten der Reihe nach und haken Sie jeden ab.</translation>
    </message>
</context>
<context>
    <name>raysec::tls::SanPreflight</name>
    <message>
        <source>Node %1 has no certificate.</source>
        <translation>Knoten %1 hat kein Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate of node %1 expired on %2; renew it.</source>
        <translation>Das Zertifikat von Knoten %1 ist am %2 abgelaufen; erneuern Sie es.</translation>
    </message>
    <message>
        <source>The certificate of node %1 is valid only from %2; check the clocks.</source>
        <translation>Das Zertifikat von Knoten %1 ist erst ab %2 gültig; prüfen Sie die Uhren.</translation>
    </message>
    <message>
        <source>The certificate of node %1 does not cover %2: Ray would fail with &quot;Peer name %2 is not in peer certificate&quot;. Reissue it with %2 among its names.</source>
        <translation>Das Zertifikat von Knoten %1 deckt %2 nicht ab: Ray würde mit „Peer name %2 is not in peer certificate“ scheitern. Stellen Sie es mit %2 unter seinen Namen neu aus.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::AdjustPage</name>
    <message>
        <source>Adjust the policy</source>
        <translation>Die Richtlinie anpassen</translation>
    </message>
    <message>
        <source>Lengths count characters as a person sees them (Unicode code points).</source>
        <translation>Längen zählen Zeichen so, wie ein Mensch sie sieht (Unicode-Codepunkte).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Bundled list of common passwords</source>
        <translation>Mitgelieferte Liste gängiger Passwörter</translation>
    </message>
    <message>
        <source>Lists imported by the administrator</source>
        <translation>Vom Administrator importierte Listen</translation>
    </message>
    <message>
        <source>Optional: offline HIBP SHA-1 file</source>
        <translation>Optional: Offline-HIBP-SHA-1-Datei</translation>
    </message>
    <message>
        <source>cluster name, organisation, ... (comma separated)</source>
        <translation>Clustername, Organisation, ... (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>lower case</source>
        <translation>Kleinbuchstaben</translation>
    </message>
    <message>
        <source>upper case</source>
        <translation>Großbuchstaben</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>Ziffer</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Mindestlänge</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Maximallänge</translation>
    </message>
    <message>
        <source>Required classes</source>
        <translation>Erforderliche Klassen</translation>
    </message>
    <message>
        <source>Minimum strength (0-4)</source>
        <translation>Mindeststärke (0-4)</translation>
    </message>
    <message>
        <source>Blocklists</source>
        <translation>Sperrlisten</translation>
    </message>
    <message>
        <source>Breached passwords</source>
        <translation>Kompromittierte Passwörter</translation>
    </message>
    <message>
        <source>Context words</source>
        <translation>Kontextwörter</translation>
    </message>
    <message>
        <source>Maximum age (days)</source>
        <translation>Höchstalter (Tage)</translation>
    </message>
</context>
<context>
    <name>raysec::ui::AlertsPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Quota alert</source>
        <translation>Kontingentalarm</translation>
    </message>
    <message>
        <source>%1 %2 at %3 of %4</source>
        <translation>%1 %2 bei %3 von %4</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1, acknowledged</source>
        <translation>%1, bestätigt</translation>
    </message>
    <message>
        <source>%1 %2 reached %3% (%4 of %5) at %6, %7</source>
        <translation>%1 %2 hat %3% erreicht (%4 von %5) um %6, %7</translation>
    </message>
</context>
<context>
    <name>raysec::ui::AuditPage</name>
    <message>
        <source>%1 → status %2</source>
        <translation>%1 → Status %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <translation>%1 %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Evidence:
%1</source>
        <translation>Nachweis:
%1</translation>
    </message>
    <message>
        <source>How to fix it: %1</source>
        <translation>So beheben Sie es: %1</translation>
    </message>
    <message>
        <source>Raysec can generate: %1</source>
        <translation>Raysec kann erzeugen: %1</translation>
    </message>
    <message>
        <source>Suppressed until %1: %2</source>
        <translation>Unterdrückt bis %1: %2</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Run a scan, then select a finding to see its evidence.</source>
        <translation>Führen Sie einen Scan aus und wählen Sie dann einen Befund, um seinen Nachweis zu sehen.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Score: not scanned yet</source>
        <translation>Punktzahl: noch nicht gescannt</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <source>%1 or higher</source>
        <translation>%1 oder höher</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Nur offene</translation>
    </message>
    <message>
        <source>Filter by check, title or evidence</source>
        <translation>Nach Prüfung, Titel oder Nachweis filtern</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Export SARIF…</source>
        <translation>SARIF exportieren…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>HTML exportieren…</translation>
    </message>
    <message>
        <source>Hardening wizard…</source>
        <translation>Härtungsassistent…</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>Kein Cluster ausgewählt</translation>
    </message>
    <message>
        <source>No cluster is selected.</source>
        <translation>Es ist kein Cluster ausgewählt.</translation>
    </message>
    <message>
        <source>Choose or add a cluster profile, then scan again.</source>
        <translation>Wählen Sie ein Clusterprofil oder fügen Sie eines hinzu und scannen Sie dann erneut.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>The scan could not start.</source>
        <translation>Der Scan konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The scan was cancelled; the findings are incomplete.</source>
        <translation>Der Scan wurde abgebrochen; die Befunde sind unvollständig.</translation>
    </message>
    <message>
        <source>Scan again to see every check.</source>
        <translation>Scannen Sie erneut, um jede Prüfung zu sehen.</translation>
    </message>
    <message>
        <source>The run could not be saved in the audit history.</source>
        <translation>Der Lauf konnte nicht im Audit-Verlauf gespeichert werden.</translation>
    </message>
    <message>
        <source>Score: %1/100 (%2 passed, %3 failed, %4 undecided)</source>
        <translation>Punktzahl: %1/100 (%2 bestanden, %3 fehlgeschlagen, %4 unentschieden)</translation>
    </message>
    <message>
        <source>No check failed.</source>
        <translation>Keine Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Select a finding to see its evidence.</source>
        <translation>Wählen Sie einen Befund, um seinen Nachweis zu sehen.</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>Es gibt noch keinen Bericht zum Exportieren.</translation>
    </message>
    <message>
        <source>Run a scan first.</source>
        <translation>Führen Sie zuerst einen Scan aus.</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>SARIF log (*.sarif)</source>
        <translation>SARIF-Protokoll (*.sarif)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Export the audit report</source>
        <translation>Den Audit-Bericht exportieren</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CaPage</name>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Every node certificate is signed by this CA, and every node trusts it.</source>
        <translation>Diese CA signiert jedes Knotenzertifikat, und jeder Knoten vertraut ihr.</translation>
    </message>
    <message>
        <source>Create a new CA</source>
        <translation>Neue CA erstellen</translation>
    </message>
    <message>
        <source>Import a CA from PEM files</source>
        <translation>CA aus PEM-Dateien importieren</translation>
    </message>
    <message>
        <source>prod</source>
        <translation>prod</translation>
    </message>
    <message>
        <source>Name in Raysec</source>
        <translation>Name in Raysec</translation>
    </message>
    <message>
        <source>Ray cluster CA</source>
        <translation>Ray cluster CA</translation>
    </message>
    <message>
        <source>Common name</source>
        <translation>Common Name</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>Gültig für (Tage)</translation>
    </message>
    <message>
        <source>only for an encrypted key</source>
        <translation>nur für einen verschlüsselten Schlüssel</translation>
    </message>
    <message>
        <source>Certificate chain (PEM)</source>
        <translation>Zertifikatskette (PEM)</translation>
    </message>
    <message>
        <source>Choose the CA chain</source>
        <translation>CA-Kette auswählen</translation>
    </message>
    <message>
        <source>CA key (PEM)</source>
        <translation>CA-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Choose the CA key</source>
        <translation>CA-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Give the CA a name, such as prod; it names the CA in the store.</source>
        <translation>Geben Sie der CA einen Namen, etwa prod; unter diesem Namen wird sie gespeichert.</translation>
    </message>
    <message>
        <source>Use letters, digits, dots, dashes or underscores for the name.</source>
        <translation>Verwenden Sie für den Namen Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.</translation>
    </message>
    <message>
        <source>A CA named %1 is already stored; choose another name.</source>
        <translation>Eine CA namens %1 ist bereits gespeichert; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Give the CA a common name, such as Ray cluster CA.</source>
        <translation>Geben Sie der CA einen Common Name, etwa Ray cluster CA.</translation>
    </message>
    <message>
        <source>Give a whole number of days from 1 to %1; Ray&apos;s examples use 3650 for a CA.</source>
        <translation>Geben Sie eine ganze Zahl von Tagen zwischen 1 und %1 an; Rays Beispiele verwenden 3650 für eine CA.</translation>
    </message>
    <message>
        <source>No readable file at %1; choose the PEM file.</source>
        <translation>Unter %1 ist keine lesbare Datei; wählen Sie die PEM-Datei.</translation>
    </message>
    <message>
        <source>The chain or the key file cannot be read.</source>
        <translation>Die Kette oder die Schlüsseldatei kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CalibratePage</name>
    <message>
        <source>Calibrate hashing</source>
        <translation>Hashing kalibrieren</translation>
    </message>
    <message>
        <source>Passwords are stored as Argon2id hashes. Choose how long one login may take and how much memory it may use; more of both slows down anyone who steals the hashes.</source>
        <translation>Passwörter werden als Argon2id-Hashes gespeichert. Wählen Sie, wie lange eine Anmeldung dauern und wie viel Speicher sie verwenden darf; mehr von beidem bremst jeden, der die Hashes stiehlt.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>Kalibrieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Time per login</source>
        <translation>Zeit pro Anmeldung</translation>
    </message>
    <message>
        <source>Memory per login</source>
        <translation>Speicher pro Anmeldung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>one hash took %1 ms here</source>
        <translation>ein Hash dauerte hier %1 ms</translation>
    </message>
    <message>
        <source>not calibrated on this machine yet</source>
        <translation>auf diesem Rechner noch nicht kalibriert</translation>
    </message>
    <message>
        <source>Argon2id with %1 MiB and %2 passes (%3).</source>
        <translation>Argon2id mit %1 MiB und %2 Durchläufen (%3).</translation>
    </message>
    <message>
        <source>Cancelled; the previous parameters stay.</source>
        <translation>Abgebrochen; die bisherigen Parameter bleiben erhalten.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CertificateInventoryModel</name>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expires within 30 days</source>
        <translation>läuft innerhalb von 30 Tagen ab</translation>
    </message>
    <message>
        <source>expires within 7 days</source>
        <translation>läuft innerhalb von 7 Tagen ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>(CA)</source>
        <translation>(CA)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CertificateRenewal</name>
    <message>
        <source>%1 is a CA certificate, not a node certificate.</source>
        <translation>%1 ist ein CA-Zertifikat, kein Knotenzertifikat.</translation>
    </message>
    <message>
        <source>Renew node certificates here; make a new CA with the wizard.</source>
        <translation>Erneuern Sie hier Knotenzertifikate; eine neue CA erstellen Sie mit dem Assistenten.</translation>
    </message>
    <message>
        <source>The key type of %1 (%2) is not one Raysec issues.</source>
        <translation>Der Schlüsseltyp von %1 (%2) gehört nicht zu denen, die Raysec ausstellt.</translation>
    </message>
    <message>
        <source>Issue a new certificate for this node with the wizard.</source>
        <translation>Stellen Sie mit dem Assistenten ein neues Zertifikat für diesen Knoten aus.</translation>
    </message>
    <message>
        <source>Raysec does not know where the bundle of %1 lives.</source>
        <translation>Raysec weiß nicht, wo das Bundle von %1 liegt.</translation>
    </message>
    <message>
        <source>Issue it again with the wizard and export it to a folder.</source>
        <translation>Stellen Sie es mit dem Assistenten erneut aus und exportieren Sie es in einen Ordner.</translation>
    </message>
    <message>
        <source>Its key is encrypted under a passphrase kept in the OS keychain (service %1); unlock the keychain that holds it, or issue under another CA with the wizard.</source>
        <translation>Ihr Schlüssel ist mit einer Passphrase verschlüsselt, die im Schlüsselbund des Systems liegt (Dienst %1); entsperren Sie diesen Schlüsselbund oder stellen Sie mit dem Assistenten unter einer anderen CA aus.</translation>
    </message>
    <message>
        <source>%1 was not renewed: CA %2 cannot sign. %3</source>
        <translation>%1 wurde nicht erneuert: CA %2 kann nicht signieren. %3</translation>
    </message>
    <message>
        <source>Renewing %1 failed: %2</source>
        <translation>Erneuern von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CertificateWizard</name>
    <message>
        <source>New certificates for Ray</source>
        <translation>Neue Zertifikate für Ray</translation>
    </message>
</context>
<context>
    <name>raysec::ui::CertificatesPage</name>
    <message>
        <source>Subject: %1</source>
        <translation>Inhaber: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Subject alternative names: %1</source>
        <translation>Alternative Namen (SAN): %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>Seriennummer: %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Gültig von %1 bis %2</translation>
    </message>
    <message>
        <source>CA: %1</source>
        <translation>CA: %1</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>Bundle: %1</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Select a certificate to see its details.</source>
        <translation>Wählen Sie ein Zertifikat, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>New certificates…</source>
        <translation>Neue Zertifikate…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Erneuern</translation>
    </message>
    <message>
        <source>CA %1</source>
        <translation>CA %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) expired or expire within 30 days: %1</source>
        <translation>
            <numerusform>%n Zertifikat ist abgelaufen oder läuft innerhalb von 30 Tagen ab: %1</numerusform>
            <numerusform>%n Zertifikate sind abgelaufen oder laufen innerhalb von 30 Tagen ab: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Renew them and restart the nodes; Ray reads certificates only at start.</source>
        <translation>Erneuern Sie sie und starten Sie die Knoten neu; Ray liest Zertifikate nur beim Start.</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Zertifikat exportieren</translation>
    </message>
    <message>
        <source>PEM certificates (*.crt *.pem)</source>
        <translation>PEM-Zertifikate (*.crt *.pem)</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ClusterListPanel</name>
    <message>
        <source>&amp;Clusters</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>&amp;Add cluster</source>
        <translation>Cluster &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ClusterSummary</name>
    <message>
        <source>Ray version</source>
        <translation>Ray-Version</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>Every API call needs the cluster token.</source>
        <translation>Jeder API-Aufruf braucht das Cluster-Token.</translation>
    </message>
    <message>
        <source>Warning: anyone who can reach the dashboard can run code on the cluster (CVE-2023-48022). Start Ray with RAY_AUTH_MODE=token.</source>
        <translation>Warnung: Wer das Dashboard erreicht, kann Code auf dem Cluster ausführen (CVE-2023-48022). Starten Sie Ray mit RAY_AUTH_MODE=token.</translation>
    </message>
    <message>
        <source>Warning: this Ray version has no token authentication. Upgrade to Ray 2.52 or newer, or put an authenticating proxy such as the Raysec gateway in front.</source>
        <translation>Warnung: Diese Ray-Version kennt keine Token-Authentifizierung. Aktualisieren Sie auf Ray 2.52 oder neuer, oder schalten Sie einen authentifizierenden Proxy wie das Raysec-Gateway davor.</translation>
    </message>
    <message>
        <source>The cluster did not say whether it checks tokens.</source>
        <translation>Der Cluster hat nicht mitgeteilt, ob er Tokens prüft.</translation>
    </message>
    <message>
        <source>%1 alive</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source>%1 dead</source>
        <translation>%1 ausgefallen</translation>
    </message>
    <message>
        <source>Token required</source>
        <translation>Token erforderlich</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1 launching</source>
        <translation>%1 im Start</translation>
    </message>
    <message>
        <source>%1 failed to launch</source>
        <translation>%1 Start fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>raysec::ui::DemoCluster</name>
    <message>
        <source>The demo cluster could not start: %1.</source>
        <translation>Der Demo-Cluster konnte nicht starten: %1.</translation>
    </message>
    <message>
        <source>Check that raysec-sim is installed next to raysec.</source>
        <translation>Prüfen Sie, ob raysec-sim neben raysec installiert ist.</translation>
    </message>
    <message>
        <source>The demo cluster stopped before it was ready (exit code %1).</source>
        <translation>Der Demo-Cluster wurde beendet, bevor er bereit war (Exit-Code %1).</translation>
    </message>
    <message>
        <source>Its messages above say why; run raysec-sim --help to check.</source>
        <translation>Seine Meldungen oben nennen den Grund; prüfen Sie mit raysec-sim --help.</translation>
    </message>
    <message>
        <source>The demo cluster did not report that it was ready in %1 seconds.</source>
        <translation>Der Demo-Cluster hat sich nicht innerhalb von %1 Sekunden bereit gemeldet.</translation>
    </message>
    <message>
        <source>The machine may be busy; try again.</source>
        <translation>Der Rechner ist vielleicht ausgelastet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The demo cluster printed an unexpected answer.</source>
        <translation>Der Demo-Cluster hat eine unerwartete Antwort ausgegeben.</translation>
    </message>
    <message>
        <source>The demo cluster&apos;s ready line is not the JSON Raysec expects.</source>
        <translation>Die Bereitschaftszeile des Demo-Clusters ist nicht das JSON, das Raysec erwartet.</translation>
    </message>
    <message>
        <source>Check that raysec-sim belongs to this version of Raysec.</source>
        <translation>Prüfen Sie, ob raysec-sim zu dieser Raysec-Version gehört.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Each node gets a folder with ca.crt, tls.crt, tls.key (readable only by you) and tls.env, which turns on Ray&apos;s TLS.</source>
        <translation>Jeder Knoten erhält einen Ordner mit ca.crt, tls.crt, tls.key (nur für Sie lesbar) und tls.env, das Rays TLS einschaltet.</translation>
    </message>
    <message>
        <source>Also write a Kubernetes Secret per node</source>
        <translation>Zusätzlich ein Kubernetes-Secret pro Knoten schreiben</translation>
    </message>
    <message>
        <source>Also write PKCS#12 (tls.p12) per node</source>
        <translation>Zusätzlich PKCS#12 (tls.p12) pro Knoten schreiben</translation>
    </message>
    <message>
        <source>optional file for the CA certificate alone</source>
        <translation>optionale Datei nur für das CA-Zertifikat</translation>
    </message>
    <message>
        <source>Bundle folder</source>
        <translation>Bundle-Ordner</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>PKCS#12 passphrase</source>
        <translation>PKCS#12-Passphrase</translation>
    </message>
    <message>
        <source>Truststore file</source>
        <translation>Truststore-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the bundle folder</source>
        <translation>Bundle-Ordner auswählen</translation>
    </message>
    <message>
        <source>%1 is a file; choose a folder for the bundles.</source>
        <translation>%1 ist eine Datei; wählen Sie einen Ordner für die Bundles.</translation>
    </message>
    <message>
        <source>You cannot write into %1; choose another folder.</source>
        <translation>Sie können nicht in %1 schreiben; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Use a Kubernetes namespace: lower-case letters, digits and dashes, such as ray.</source>
        <translation>Verwenden Sie einen Kubernetes-Namespace: Kleinbuchstaben, Ziffern und Bindestriche, etwa ray.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name such as ca-trust.pem.</source>
        <translation>%1 ist ein Ordner; geben Sie einen Dateinamen an, etwa ca-trust.pem.</translation>
    </message>
    <message>
        <source>Writing the bundles…</source>
        <translation>Die Bundles werden geschrieben…</translation>
    </message>
    <message>
        <source>The export stopped: %1</source>
        <translation>Der Export wurde abgebrochen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) under %1.</source>
        <translation>
            <numerusform>%n Datei unter %1 geschrieben.</numerusform>
            <numerusform>%n Dateien unter %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The inventory was not updated: %1</source>
        <translation>Das Inventar wurde nicht aktualisiert: %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::FindingsModel</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
</context>
<context>
    <name>raysec::ui::GatewayDashboard</name>
    <message>
        <source>(no key)</source>
        <translation>(kein Schlüssel)</translation>
    </message>
    <message>
        <source>Requests per key</source>
        <translation>Anfragen pro Schlüssel</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>429 refusals per key</source>
        <translation>429-Ablehnungen pro Schlüssel</translation>
    </message>
    <message>
        <source>429/s</source>
        <translation>429/s</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Latenzperzentile</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Aktivste Schlüssel</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Traffic per route</source>
        <translation>Verkehr pro Route</translation>
    </message>
</context>
<context>
    <name>raysec::ui::GatewayPage</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Admin address</source>
        <translation>Admin-Adresse</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin listener (&quot;admin&quot; in gateway.json). Only loopback addresses are accepted.</source>
        <translation>Der Admin-Listener des Gateways („admin“ in gateway.json). Nur Loopback-Adressen werden akzeptiert.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Admin address:</source>
        <translation>Admin-Adresse:</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>Alle:</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Verbindungen:</translation>
    </message>
    <message>
        <source>Bundles:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>Last interval:</source>
        <translation>Letztes Intervall:</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>healthy (%1)</source>
        <translation>fehlerfrei (%1)</translation>
    </message>
    <message>
        <source>NOT healthy: %1</source>
        <translation>NICHT fehlerfrei: %1</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
    <message>
        <source>none loaded</source>
        <translation>keine geladen</translation>
    </message>
    <message>
        <source>%1 requests/s, %2 refused with 429/s; latency p50 %3 ms, p95 %4 ms, p99 %5 ms</source>
        <translation>%1 Anfragen/s, %2 mit 429 abgelehnt/s; Latenz p50 %3 ms, p95 %4 ms, p99 %5 ms</translation>
    </message>
    <message>
        <source>The keys&apos; last-used times could not be saved.</source>
        <translation>Die Zeiten der letzten Verwendung der Schlüssel konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Job Policy…</source>
        <translation>Job-Richtlinie…</translation>
    </message>
    <message>
        <source>The rules the gateway checks every submitted job against.</source>
        <translation>Die Regeln, gegen die das Gateway jeden eingereichten Job prüft.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningFixesPage</name>
    <message>
        <source>Choose the fixes</source>
        <translation>Behebungen auswählen</translation>
    </message>
    <message>
        <source>For each open finding, choose what Raysec generates. Nothing is written or changed before the next pages.</source>
        <translation>Wählen Sie für jeden offenen Befund, was Raysec erzeugt. Vor den nächsten Seiten wird nichts geschrieben oder geändert.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>%1
How to fix it: %2</source>
        <translation>%1
So beheben Sie es: %2</translation>
    </message>
    <message>
        <source>No check failed: there is nothing to fix.</source>
        <translation>Keine Prüfung ist fehlgeschlagen: Es gibt nichts zu beheben.</translation>
    </message>
    <message>
        <source>Choose a fix for at least one finding to go on.</source>
        <translation>Wählen Sie für mindestens einen Befund eine Behebung, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningPreviewPage</name>
    <message>
        <source>Generate and preview the files</source>
        <translation>Dateien erzeugen und ansehen</translation>
    </message>
    <message>
        <source>Check the cluster&apos;s details, generate, then read every file before it is written.</source>
        <translation>Prüfen Sie die Angaben zum Cluster, erzeugen Sie die Dateien und lesen Sie jede, bevor sie geschrieben wird.</translation>
    </message>
    <message>
        <source>IP address the nodes dial, such as 10.0.0.5</source>
        <translation>IP-Adresse, die die Knoten wählen, etwa 10.0.0.5</translation>
    </message>
    <message>
        <source>Optional, comma-separated: ray-head.example.com</source>
        <translation>Optional, durch Kommas getrennt: ray-head.example.com</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Head address</source>
        <translation>Head-Adresse</translation>
    </message>
    <message>
        <source>Head host names</source>
        <translation>Head-Hostnamen</translation>
    </message>
    <message>
        <source>Upgrade Ray to</source>
        <translation>Ray aktualisieren auf</translation>
    </message>
    <message>
        <source>Kubernetes namespace</source>
        <translation>Kubernetes-Namespace</translation>
    </message>
    <message>
        <source>%1 (secret)</source>
        <translation>%1 (geheim)</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningRunbookPage</name>
    <message>
        <source>Follow the runbook</source>
        <translation>Dem Runbook folgen</translation>
    </message>
    <message>
        <source>Do these steps on the cluster in order, then go on to rescan.</source>
        <translation>Führen Sie diese Schritte in Reihenfolge am Cluster aus und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The files were not written; go back to write them.</source>
        <translation>Die Dateien wurden nicht geschrieben; gehen Sie zurück, um sie zu schreiben.</translation>
    </message>
    <message>
        <source>The runbook is also in %1.</source>
        <translation>Das Runbook liegt auch in %1.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningScanPage</name>
    <message>
        <source>Scan the cluster</source>
        <translation>Cluster prüfen</translation>
    </message>
    <message>
        <source>Raysec looks at the cluster with passive probes only: nothing is changed.</source>
        <translation>Raysec prüft den Cluster nur mit passiven Proben: Es wird nichts geändert.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Prüfung abbrechen</translation>
    </message>
    <message>
        <source>Not scanned yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Cluster: %1 (%2)</source>
        <translation>Cluster: %1 (%2)</translation>
    </message>
    <message>
        <source>No cluster is selected.</source>
        <translation>Es ist kein Cluster ausgewählt.</translation>
    </message>
    <message>
        <source>Close the wizard, choose a cluster profile, and open it again.</source>
        <translation>Schließen Sie den Assistenten, wählen Sie ein Clusterprofil und öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>The scan was cancelled. Scan again to continue.</source>
        <translation>Die Prüfung wurde abgebrochen. Prüfen Sie erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>Score %1/100: %2 checks passed, %3 failed, %4 undecided. Ray %5.</source>
        <translation>Punktzahl %1/100: %2 Prüfungen bestanden, %3 fehlgeschlagen, %4 unentschieden. Ray %5.</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>Version unbekannt</translation>
    </message>
    <message>
        <source>The scan could not start.</source>
        <translation>Die Prüfung konnte nicht beginnen.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningVerifyPage</name>
    <message>
        <source>Rescan and compare</source>
        <translation>Erneut prüfen und vergleichen</translation>
    </message>
    <message>
        <source>After the runbook, scan again. Change the address or CA bundle when the cluster now speaks HTTPS or sits behind the gateway.</source>
        <translation>Prüfen Sie nach dem Runbook erneut. Ändern Sie Adresse oder CA-Bundle, wenn der Cluster jetzt HTTPS spricht oder hinter dem Gateway steht.</translation>
    </message>
    <message>
        <source>Optional: the CA bundle, such as the written tls/ca.crt</source>
        <translation>Optional: das CA-Bundle, etwa die geschriebene tls/ca.crt</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Prüfung abbrechen</translation>
    </message>
    <message>
        <source>Dashboard URL</source>
        <translation>Dashboard-URL</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>The scan was cancelled. Rescan to compare.</source>
        <translation>Die Prüfung wurde abgebrochen. Prüfen Sie erneut, um zu vergleichen.</translation>
    </message>
    <message>
        <source>The rescan could not start.</source>
        <translation>Die erneute Prüfung konnte nicht beginnen.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningWizard</name>
    <message>
        <source>Hardening wizard</source>
        <translation>Härtungsassistent</translation>
    </message>
</context>
<context>
    <name>raysec::ui::HardeningWritePage</name>
    <message>
        <source>Write the files and apply</source>
        <translation>Dateien schreiben und anwenden</translation>
    </message>
    <message>
        <source>Write the files to a new folder for the runbook. The console can also make some changes itself.</source>
        <translation>Schreiben Sie die Dateien für das Runbook in einen neuen Ordner. Einige Änderungen kann die Konsole auch selbst vornehmen.</translation>
    </message>
    <message>
        <source>A new or empty folder, such as %1</source>
        <translation>Ein neuer oder leerer Ordner, etwa %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Write files</source>
        <translation>Dateien schreiben</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Changes the console makes itself</source>
        <translation>Änderungen, die die Konsole selbst vornimmt</translation>
    </message>
    <message>
        <source>Apply the checked changes</source>
        <translation>Markierte Änderungen anwenden</translation>
    </message>
    <message>
        <source>Keep the new Ray token in the keychain for profile %1</source>
        <translation>Das neue Ray-Token für Profil %1 im Schlüsselbund ablegen</translation>
    </message>
    <message>
        <source>Switch profile %1 to Ray token authentication</source>
        <translation>Profil %1 auf Ray-Token-Authentifizierung umstellen</translation>
    </message>
    <message>
        <source>Save the default quota policy in the console</source>
        <translation>Die Standard-Kontingentrichtlinie in der Konsole speichern</translation>
    </message>
    <message>
        <source>Generate the files first.</source>
        <translation>Erzeugen Sie zuerst die Dateien.</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>Ordner für die Dateien</translation>
    </message>
    <message numerus="yes">
        <source>%n files written to %1; secret files are readable only by you.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben; geheime Dateien kann nur Ihr Benutzer lesen.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben; geheime Dateien kann nur Ihr Benutzer lesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No change is checked.</source>
        <translation>Keine Änderung ist markiert.</translation>
    </message>
    <message>
        <source>Check the changes the console should make, or skip this.</source>
        <translation>Markieren Sie die Änderungen, die die Konsole vornehmen soll, oder überspringen Sie dies.</translation>
    </message>
    <message>
        <source>The console changes are applied.</source>
        <translation>Die Änderungen der Konsole sind angewendet.</translation>
    </message>
    <message>
        <source>Replace the Ray token in the keychain for profile %1 (the console then connects only once the cluster runs with the new one)</source>
        <translation>Das Ray-Token für Profil %1 im Schlüsselbund ersetzen (die Konsole verbindet sich dann erst, wenn der Cluster mit dem neuen läuft)</translation>
    </message>
    <message>
        <source>Issue an admin API key and publish the signed key registry into the written gateway folder</source>
        <translation>Einen Admin-API-Schlüssel ausstellen und das signierte Schlüsselregister in den geschriebenen Gateway-Ordner veröffentlichen</translation>
    </message>
    <message>
        <source>Admin API key %1 was issued; its secret is in gateway/admin-api-key, readable only by you.</source>
        <translation>Der Admin-API-Schlüssel %1 wurde ausgestellt; sein Geheimnis liegt in gateway/admin-api-key und ist nur für Sie lesbar.</translation>
    </message>
    <message>
        <source>Sign the gateway policy (Raysec&apos;s recommended job policy and the quota policies saved in the console) and the dashboard users with the same key, into the written gateway folder</source>
        <translation>Die Gateway-Richtlinie (die von Raysec empfohlene Job-Richtlinie und die in der Konsole gespeicherten Kontingentrichtlinien) und die Dashboard-Benutzer mit demselben Schlüssel in den geschriebenen Gateway-Ordner signieren</translation>
    </message>
</context>
<context>
    <name>raysec::ui::IssueKeyDialog</name>
    <message>
        <source>Issue an API key</source>
        <translation>Einen API-Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Keep the secret in my keychain (my own service key)</source>
        <translation>Das Geheimnis in meinem Schlüsselbund aufbewahren (mein eigener Dienstschlüssel)</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ausstellen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Rate tier</source>
        <translation>Ratenstufe</translation>
    </message>
</context>
<context>
    <name>raysec::ui::IssuePage</name>
    <message>
        <source>Issue</source>
        <translation>Ausstellen</translation>
    </message>
    <message>
        <source>Each node gets a new key and a certificate signed by the CA. Nothing is written to disk until the next step.</source>
        <translation>Jeder Knoten erhält einen neuen Schlüssel und ein von der CA signiertes Zertifikat. Vor dem nächsten Schritt wird nichts auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Cancel issuing</source>
        <translation>Ausstellen abbrechen</translation>
    </message>
    <message>
        <source>Issue again</source>
        <translation>Erneut ausstellen</translation>
    </message>
    <message>
        <source>Storing CA %1 (its key encrypted, the passphrase in the keychain)…</source>
        <translation>CA %1 wird gespeichert (ihr Schlüssel verschlüsselt, die Passphrase im Schlüsselbund)…</translation>
    </message>
    <message>
        <source>The CA could not be stored: %1</source>
        <translation>Die CA konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Issuing %n certificate(s)…</source>
        <translation>
            <numerusform>%n Zertifikat wird ausgestellt…</numerusform>
            <numerusform>%n Zertifikate werden ausgestellt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Issuing stopped: %1</source>
        <translation>Das Ausstellen wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 certificates; none will be exported. Issue again or go back.</source>
        <translation>Nach %1 von %2 Zertifikaten abgebrochen; keines wird exportiert. Stellen Sie erneut aus oder gehen Sie zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Issued %n certificate(s).</source>
        <translation>
            <numerusform>%n Zertifikat ausgestellt.</numerusform>
            <numerusform>%n Zertifikate ausgestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preflight of the issued certificates found no gaps.</source>
        <translation>Die Vorabprüfung der ausgestellten Zertifikate fand keine Lücken.</translation>
    </message>
    <message>
        <source>Preflight of the issued certificates: %1</source>
        <translation>Vorabprüfung der ausgestellten Zertifikate: %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::JobPolicyDialog</name>
    <message>
        <source>Job Submission Policy</source>
        <translation>Richtlinie für eingereichte Jobs</translation>
    </message>
    <message>
        <source>The gateway checks every job submitted through it (POST /api/jobs/) against this policy, and the audit compares running jobs with it. A change applies once the gateway&apos;s bundles are signed again, by the hardening wizard or raysec-cli gateway bundles, and the gateway has reloaded them.</source>
        <translation>Das Gateway prüft jeden darüber eingereichten Job (POST /api/jobs/) gegen diese Richtlinie, und die Prüfung vergleicht laufende Jobs mit ihr. Eine Änderung gilt, sobald die Bündel des Gateways neu signiert sind (durch den Härtungsassistenten oder raysec-cli gateway bundles) und das Gateway sie neu geladen hat.</translation>
    </message>
    <message>
        <source>Allowed hosts</source>
        <translation>Erlaubte Hosts</translation>
    </message>
    <message>
        <source>Package indexes and artefact stores a job&apos;s runtime_env may fetch from, one per line: pypi.org, or *.corp.example for every host below corp.example.</source>
        <translation>Paketindizes und Artefaktspeicher, von denen die runtime_env eines Jobs laden darf, einer pro Zeile: pypi.org, oder *.corp.example für jeden Host unterhalb von corp.example.</translation>
    </message>
    <message>
        <source>Allowed URI schemes</source>
        <translation>Erlaubte URI-Schemata</translation>
    </message>
    <message>
        <source>URI schemes allowed for working_dir and py_modules, one per line: gcs is what the Ray client uses for code it uploads.</source>
        <translation>Für working_dir und py_modules erlaubte URI-Schemata, eines pro Zeile: gcs verwendet der Ray-Client für Code, den er hochlädt.</translation>
    </message>
    <message>
        <source>Allowed programs</source>
        <translation>Erlaubte Programme</translation>
    </message>
    <message>
        <source>The first word an entrypoint may have, one per line.</source>
        <translation>Das erste Wort, das ein Entrypoint haben darf, eines pro Zeile.</translation>
    </message>
    <message>
        <source>Forbidden texts</source>
        <translation>Verbotene Texte</translation>
    </message>
    <message>
        <source>Texts no entrypoint may contain, one per line. Spaces count and are shown as dots: &quot;nc &quot; refuses the command nc but not a word that ends in nc.</source>
        <translation>Texte, die kein Entrypoint enthalten darf, einer pro Zeile. Leerzeichen zählen und werden als Punkte gezeigt: „nc “ lehnt den Befehl nc ab, aber kein Wort, das auf nc endet.</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Longest entrypoint</source>
        <translation>Längster Entrypoint</translation>
    </message>
    <message>
        <source>Use Recommended Policy</source>
        <translation>Empfohlene Richtlinie verwenden</translation>
    </message>
    <message>
        <source>Forgets the saved policy: the bundles then carry Raysec&apos;s recommended one, and follow it when Raysec updates it.</source>
        <translation>Vergisst die gespeicherte Richtlinie: Die Bündel tragen dann die von Raysec empfohlene und folgen ihr, wenn Raysec sie aktualisiert.</translation>
    </message>
    <message>
        <source>Use the Recommended Policy?</source>
        <translation>Die empfohlene Richtlinie verwenden?</translation>
    </message>
    <message>
        <source>The saved job policy will be forgotten and Raysec&apos;s recommended one used instead. Your entries cannot be recovered.</source>
        <translation>Die gespeicherte Job-Richtlinie wird vergessen und stattdessen die von Raysec empfohlene verwendet. Ihre Einträge lassen sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Hosts for packages and code:</source>
        <translation>Hosts für Pakete und Code:</translation>
    </message>
    <message>
        <source>URI schemes:</source>
        <translation>URI-Schemata:</translation>
    </message>
    <message>
        <source>Programs an entrypoint may start:</source>
        <translation>Programme, die ein Entrypoint starten darf:</translation>
    </message>
    <message>
        <source>Texts an entrypoint must not contain:</source>
        <translation>Texte, die ein Entrypoint nicht enthalten darf:</translation>
    </message>
    <message>
        <source>Longest entrypoint:</source>
        <translation>Längster Entrypoint:</translation>
    </message>
    <message>
        <source>Saved. New bundles carry %1; sign them again and reload the gateway for the change to apply.</source>
        <translation>Gespeichert. Neue Bündel tragen %1; signieren Sie sie neu und laden Sie das Gateway neu, damit die Änderung gilt.</translation>
    </message>
    <message>
        <source>New bundles carry %1.</source>
        <translation>Neue Bündel tragen %1.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::JobsModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>Submission ID</source>
        <translation>Submission-ID</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>raysec::ui::JobsPanel</name>
    <message>
        <source>Filter by entrypoint or submission ID</source>
        <translation>Nach Einstiegspunkt oder Submission-ID filtern</translation>
    </message>
    <message>
        <source>Filter jobs</source>
        <translation>Jobs filtern</translation>
    </message>
    <message>
        <source>Job status</source>
        <translation>Job-Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n job(s)</source>
        <translation>
            <numerusform>%1 von %n Job</numerusform>
            <numerusform>%1 von %n Jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raysec::ui::KeyTypeLabels</name>
    <message>
        <source>ECDSA P-256 (recommended)</source>
        <translation>ECDSA P-256 (empfohlen)</translation>
    </message>
    <message>
        <source>ECDSA P-384</source>
        <translation>ECDSA P-384</translation>
    </message>
    <message>
        <source>RSA 2048</source>
        <translation>RSA 2048</translation>
    </message>
    <message>
        <source>RSA 3072</source>
        <translation>RSA 3072</translation>
    </message>
    <message>
        <source>RSA 4096</source>
        <translation>RSA 4096</translation>
    </message>
    <message>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
</context>
<context>
    <name>raysec::ui::KeyTypePage</name>
    <message>
        <source>Key type and validity</source>
        <translation>Schlüsseltyp und Gültigkeit</translation>
    </message>
    <message>
        <source>Each node gets its own key of this type and one certificate for both sides of Ray&apos;s mutual TLS.</source>
        <translation>Jeder Knoten erhält einen eigenen Schlüssel dieses Typs und ein Zertifikat für beide Seiten von Rays gegenseitigem TLS.</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>Gültig für (Tage)</translation>
    </message>
    <message>
        <source>Give a whole number of days from 1 to %1; Ray&apos;s examples use 365.</source>
        <translation>Geben Sie eine ganze Zahl von Tagen zwischen 1 und %1 an; Rays Beispiele verwenden 365.</translation>
    </message>
    <message>
        <source>The CA expires on %1, before these certificates would; choose fewer days.</source>
        <translation>Die CA läuft am %1 ab, vor diesen Zertifikaten; wählen Sie weniger Tage.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::KeysModel</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>grace</source>
        <translation>Übergangsfrist</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
</context>
<context>
    <name>raysec::ui::KeysPage</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Key %1 of %2, team %3</source>
        <translation>Schlüssel %1 von %2, Team %3</translation>
    </message>
    <message>
        <source>Status: %1 %2</source>
        <translation>Status: %1 %2</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Valid from: %1</source>
        <translation>Gültig ab: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Rate tier: %1</source>
        <translation>Ratenstufe: %1</translation>
    </message>
    <message>
        <source>Last used: %1</source>
        <translation>Zuletzt verwendet: %1</translation>
    </message>
    <message>
        <source>Grace until: %1</source>
        <translation>Übergangsfrist bis: %1</translation>
    </message>
    <message>
        <source>Replaces: %1</source>
        <translation>Ersetzt: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation>Wählen Sie einen Schlüssel, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Expiring within %1 days</source>
        <translation>Läuft innerhalb von %1 Tagen ab</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issue key…</source>
        <translation>Schlüssel ausstellen…</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotieren…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Rotate team…</source>
        <translation>Team rotieren…</translation>
    </message>
    <message>
        <source>Revoke team…</source>
        <translation>Team widerrufen…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) expire within %1 days.</source>
        <translation>
            <numerusform>%n Schlüssel läuft innerhalb von %1 Tagen ab.</numerusform>
            <numerusform>%n Schlüssel laufen innerhalb von %1 Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotate them before they stop working.</source>
        <translation>Rotieren Sie sie, bevor sie nicht mehr funktionieren.</translation>
    </message>
    <message>
        <source>every active key of team %1</source>
        <translation>jeder aktive Schlüssel von Team %1</translation>
    </message>
    <message>
        <source>every key of team %1</source>
        <translation>jeder Schlüssel von Team %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::MainWindow</name>
    <message>
        <source>Raysec</source>
        <translation>Raysec</translation>
    </message>
    <message>
        <source>Raysec %1</source>
        <translation>Raysec %1</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>Kein Cluster ausgewählt</translation>
    </message>
    <message>
        <source>Ray cluster security console</source>
        <translation>Sicherheitskonsole für Ray-Cluster</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Seiten</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Remove cluster</source>
        <translation>Cluster entfernen</translation>
    </message>
    <message>
        <source>Remove the cluster &quot;%1&quot; and its token from the keychain? The cluster itself is not touched.</source>
        <translation>Den Cluster „%1“ und sein Token aus dem Schlüsselbund entfernen? Der Cluster selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>%1 – Raysec</source>
        <translation>%1 – Raysec</translation>
    </message>
    <message>
        <source>Connected to %1 · refreshed %2</source>
        <translation>Verbunden mit %1 · aktualisiert %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Kontingente</translation>
    </message>
</context>
<context>
    <name>raysec::ui::NodesPage</name>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>One node per line: name, IP address, further hostnames, and role=head on the head. Lines starting with # are ignored.</source>
        <translation>Ein Knoten pro Zeile: Name, IP-Adresse, weitere Hostnamen und role=head beim Head-Knoten. Zeilen, die mit # beginnen, werden ignoriert.</translation>
    </message>
    <message>
        <source>head 10.0.0.1 ray-head.internal role=head
worker-1 10.0.0.2</source>
        <translation>head 10.0.0.1 ray-head.internal role=head
worker-1 10.0.0.2</translation>
    </message>
    <message>
        <source>ray-head.ray.svc.cluster.local</source>
        <translation>ray-head.ray.svc.cluster.local</translation>
    </message>
    <message>
        <source>Names clients use for the head</source>
        <translation>Namen, unter denen Clients den Head erreichen</translation>
    </message>
    <message>
        <source>Load list…</source>
        <translation>Liste laden…</translation>
    </message>
    <message>
        <source>Read from the connected cluster</source>
        <translation>Vom verbundenen Cluster lesen</translation>
    </message>
    <message>
        <source>Choose a node list</source>
        <translation>Knotenliste auswählen</translation>
    </message>
    <message>
        <source>Node lists (*.txt *.csv);;All (*)</source>
        <translation>Knotenlisten (*.txt *.csv);;Alle (*)</translation>
    </message>
    <message>
        <source>Connect to a cluster to read its node list.</source>
        <translation>Verbinden Sie sich mit einem Cluster, um seine Knotenliste zu lesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a DNS name nor an IP address; give the names clients use for the head, such as ray-head.ray.svc.cluster.local.</source>
        <translation>„%1“ ist weder ein DNS-Name noch eine IP-Adresse; geben Sie die Namen an, unter denen Clients den Head erreichen, etwa ray-head.ray.svc.cluster.local.</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s).</source>
        <translation>
            <numerusform>%n Knoten.</numerusform>
            <numerusform>%n Knoten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not used: %2</source>
        <translation>%1 wurde nicht verwendet: %2</translation>
    </message>
    <message numerus="yes">
        <source>Read %n node(s) from %1.</source>
        <translation>
            <numerusform>%n Knoten aus %1 gelesen.</numerusform>
            <numerusform>%n Knoten aus %1 gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the node list of %1…</source>
        <translation>Die Knotenliste von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::OverviewPage</name>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Resources in use</source>
        <translation>Belegte Ressourcen</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Object store</source>
        <translation>Object Store</translation>
    </message>
    <message>
        <source>Refresh &amp;every</source>
        <translation>&amp;Aktualisieren alle</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh interval in seconds</source>
        <translation>Aktualisierungsintervall in Sekunden</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>No cluster selected</source>
        <translation>Kein Cluster ausgewählt</translation>
    </message>
    <message>
        <source>Add a cluster with &quot;Add cluster&quot; in the cluster list, or select one.</source>
        <translation>Fügen Sie mit „Cluster hinzufügen“ einen Cluster hinzu, oder wählen Sie einen aus.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>This connection uses plain http: the token and everything the dashboard sends travel unencrypted.</source>
        <translation>Diese Verbindung nutzt unverschlüsseltes http: Das Token und alles, was das Dashboard sendet, werden im Klartext übertragen.</translation>
    </message>
    <message>
        <source>Last refreshed %1</source>
        <translation>Zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>No data from the cluster yet.</source>
        <translation>Noch keine Daten vom Cluster.</translation>
    </message>
    <message>
        <source>The cluster&apos;s certificate is not trusted.</source>
        <translation>Dem Zertifikat des Clusters wird nicht vertraut.</translation>
    </message>
    <message>
        <source>Subject: %1
SHA-256 fingerprint: %2
Pin it only after checking this fingerprint with the cluster&apos;s administrator.</source>
        <translation>Inhaber: %1
SHA-256-Fingerabdruck: %2
Pinnen Sie es erst, nachdem Sie diesen Fingerabdruck mit der Administration des Clusters abgeglichen haben.</translation>
    </message>
    <message>
        <source>&amp;Pin this certificate</source>
        <translation>Dieses Zertifikat &amp;pinnen</translation>
    </message>
</context>
<context>
    <name>raysec::ui::PasswordPolicyWizard</name>
    <message>
        <source>Password policy</source>
        <translation>Passwortrichtlinie</translation>
    </message>
</context>
<context>
    <name>raysec::ui::PresetPage</name>
    <message>
        <source>Choose a starting point</source>
        <translation>Einen Ausgangspunkt wählen</translation>
    </message>
    <message>
        <source>Every field can be adjusted on the next page.</source>
        <translation>Jedes Feld kann auf der nächsten Seite angepasst werden.</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4: at least 15 characters, a blocklist, no composition rules and no forced changes (recommended)</source>
        <translation>NIST SP 800-63B-4: mindestens 15 Zeichen, eine Sperrliste, keine Kompositionsregeln und keine erzwungenen Änderungen (empfohlen)</translation>
    </message>
    <message>
        <source>NIST SP 800-63B-4 with a second factor: at least 8 characters</source>
        <translation>NIST SP 800-63B-4 mit zweitem Faktor: mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>Organisation: 12 characters with lower case, upper case, digits and symbols, for rules that mandate them</source>
        <translation>Organisation: 12 Zeichen mit Klein- und Großbuchstaben, Ziffern und Symbolen, für Vorschriften, die dies verlangen</translation>
    </message>
    <message>
        <source>Custom: start from the NIST values and change anything</source>
        <translation>Benutzerdefiniert: mit den NIST-Werten beginnen und beliebig ändern</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ProfileDialog</name>
    <message>
        <source>Edit cluster</source>
        <translation>Cluster bearbeiten</translation>
    </message>
    <message>
        <source>Add cluster</source>
        <translation>Cluster hinzufügen</translation>
    </message>
    <message>
        <source>production</source>
        <translation>produktion</translation>
    </message>
    <message>
        <source>https://ray-head.example:8443</source>
        <translation>https://ray-head.example:8443</translation>
    </message>
    <message>
        <source>Plain http: the token and all cluster data travel unencrypted. Use it only for a dashboard on this machine.</source>
        <translation>Unverschlüsseltes http: Token und alle Cluster-Daten werden im Klartext übertragen. Nur für ein Dashboard auf diesem Rechner verwenden.</translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation>Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA-Bundle-Datei</translation>
    </message>
    <message>
        <source>Pinned public key (SPKI SHA-256)</source>
        <translation>Gepinnter öffentlicher Schlüssel (SPKI SHA-256)</translation>
    </message>
    <message>
        <source>44 base64 characters</source>
        <translation>44 Base64-Zeichen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Ray token</source>
        <translation>Ray-Token</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token</source>
        <translation>Leer lassen, um das gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>Typed once, kept in the keychain</source>
        <translation>Einmal eingegeben, im Schlüsselbund verwahrt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Dashboard &amp;address:</source>
        <translation>Dashboard-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Trust:</source>
        <translation>&amp;Vertrauen:</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA-&amp;Bundle:</translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation>CA-Bundle auswählen</translation>
    </message>
    <message>
        <source>&amp;Pin:</source>
        <translation>&amp;Pin:</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>&amp;Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Choose a client certificate</source>
        <translation>Client-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation>Client-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>A&amp;uthentifizierung:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>Aktualisieren a&amp;lle:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>A profile called %1 exists already; choose another name or edit that one.</source>
        <translation>Ein Profil namens %1 gibt es bereits; wählen Sie einen anderen Namen oder bearbeiten Sie jenes.</translation>
    </message>
    <message>
        <source>Enter the cluster&apos;s token (RAY_AUTH_TOKEN). It goes into the keychain, never into the profile.</source>
        <translation>Geben Sie das Token des Clusters ein (RAY_AUTH_TOKEN). Es wird im Schlüsselbund abgelegt, nie im Profil.</translation>
    </message>
    <message>
        <source>A token has no spaces, line breaks or control characters; paste it again.</source>
        <translation>Ein Token enthält keine Leerzeichen, Zeilenumbrüche oder Steuerzeichen; fügen Sie es erneut ein.</translation>
    </message>
    <message>
        <source>Some fields need attention; nothing was saved.</source>
        <translation>Einige Felder brauchen Aufmerksamkeit; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>A token is stored in the keychain before the profile.</source>
        <translation>Ein Token wird vor dem Profil im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::QuotaEditor</name>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Soft limits (alert)</source>
        <translation>Weiche Limits (Alarm)</translation>
    </message>
    <message>
        <source>Hard limits (admission)</source>
        <translation>Harte Limits (Zulassung)</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>team name or key id</source>
        <translation>Teamname oder Schlüssel-ID</translation>
    </message>
    <message>
        <source>for example CPU=8,GPU=2</source>
        <translation>zum Beispiel CPU=8,GPU=2</translation>
    </message>
    <message>
        <source>for example CPU=10,GPU=4,memory=68719476736,jobs=3</source>
        <translation>zum Beispiel CPU=10,GPU=4,memory=68719476736,jobs=3</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>Richtlinie speichern</translation>
    </message>
    <message>
        <source>Remove policy</source>
        <translation>Richtlinie entfernen</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Soft limits:</source>
        <translation>Weiche Limits:</translation>
    </message>
    <message>
        <source>Hard limits:</source>
        <translation>Harte Limits:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>percent of the limit, for example 80, 100</source>
        <translation>Prozent des Limits, zum Beispiel 80, 100</translation>
    </message>
    <message>
        <source>percentage points, for example 5</source>
        <translation>Prozentpunkte, zum Beispiel 5</translation>
    </message>
    <message>
        <source>Save alert settings</source>
        <translation>Alarmeinstellungen speichern</translation>
    </message>
    <message>
        <source>Thresholds (%):</source>
        <translation>Schwellen (%):</translation>
    </message>
    <message>
        <source>Hysteresis (points):</source>
        <translation>Hysterese (Punkte):</translation>
    </message>
    <message>
        <source>Name the team or the API key id the policy is for.</source>
        <translation>Nennen Sie das Team oder die API-Schlüssel-ID, für die die Richtlinie gilt.</translation>
    </message>
    <message>
        <source>%1 Write limits as NAME=NUMBER, separated by commas.</source>
        <translation>%1 Schreiben Sie Limits als NAME=ZAHL, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Saved the policy of %1 %2.</source>
        <translation>Die Richtlinie von %1 %2 wurde gespeichert.</translation>
    </message>
    <message>
        <source>There is no policy for %1 &quot;%2&quot; to remove.</source>
        <translation>Es gibt keine Richtlinie für %1 „%2“, die entfernt werden könnte.</translation>
    </message>
    <message>
        <source>Removed the policy of %1 %2.</source>
        <translation>Die Richtlinie von %1 %2 wurde entfernt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number. Write thresholds as percentages, for example 80, 100.</source>
        <translation>„%1“ ist keine Zahl. Schreiben Sie Schwellen als Prozentwerte, zum Beispiel 80, 100.</translation>
    </message>
    <message>
        <source>The hysteresis is not a number. Write percentage points, for example 5.</source>
        <translation>Die Hysterese ist keine Zahl. Schreiben Sie Prozentpunkte, zum Beispiel 5.</translation>
    </message>
    <message>
        <source>Saved the alert settings.</source>
        <translation>Die Alarmeinstellungen wurden gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::QuotasPage</name>
    <message>
        <source>Select a cluster to see its quota usage.</source>
        <translation>Wählen Sie einen Cluster, um seine Kontingentnutzung zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>every %n second(s)</source>
        <translation>
            <numerusform>im Abstand von %n Sekunde</numerusform>
            <numerusform>im Abstand von %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>im Abstand von %n Minute</numerusform>
            <numerusform>im Abstand von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Was wäre, wenn</translation>
    </message>
    <message>
        <source>Refresh:</source>
        <translation>Aktualisierung:</translation>
    </message>
    <message>
        <source>Top jobs</source>
        <translation>Top-Jobs</translation>
    </message>
    <message>
        <source>The stored quota configuration could not be read, so no quota applies: %1</source>
        <translation>Die gespeicherte Kontingentkonfiguration konnte nicht gelesen werden, daher gilt kein Kontingent: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>Usage at %1.</source>
        <translation>Nutzung um %1.</translation>
    </message>
    <message>
        <source>Ray truncated a list, so this usage is a lower bound. %1</source>
        <translation>Ray hat eine Liste gekürzt, daher ist diese Nutzung eine Untergrenze. %1</translation>
    </message>
    <message numerus="yes">
        <source>Ray refused the request (%1). Backing off: next try in %n second(s).</source>
        <translation>
            <numerusform>Ray hat die Anfrage abgelehnt (%1). Pause: nächster Versuch in %n Sekunde.</numerusform>
            <numerusform>Ray hat die Anfrage abgelehnt (%1). Pause: nächster Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The refresh failed: %1 Next try in %n second(s).</source>
        <translation>
            <numerusform>Die Aktualisierung ist fehlgeschlagen: %1 Nächster Versuch in %n Sekunde.</numerusform>
            <numerusform>Die Aktualisierung ist fehlgeschlagen: %1 Nächster Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster: %1 CPU, %2 GPU and %3 memory in use.</source>
        <translation>Cluster: %1 CPU, %2 GPU und %3 Speicher in Verwendung.</translation>
    </message>
    <message numerus="yes">
        <source>Cluster: %1 of %2 CPU, %3 of %4 GPU, %5 of %6 memory in use; %n job(s).</source>
        <translation>
            <numerusform>Cluster: %1 von %2 CPU, %3 von %4 GPU, %5 von %6 Speicher in Verwendung; %n Job.</numerusform>
            <numerusform>Cluster: %1 von %2 CPU, %3 von %4 GPU, %5 von %6 Speicher in Verwendung; %n Jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The usage history could not be saved: %1</source>
        <translation>Der Nutzungsverlauf konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ResourceBar</name>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
</context>
<context>
    <name>raysec::ui::ReviewPage</name>
    <message>
        <source>Review the names</source>
        <translation>Namen prüfen</translation>
    </message>
    <message>
        <source>Ray refuses a peer whose certificate lacks the address it dialed; check that every node&apos;s names are here.</source>
        <translation>Ray weist eine Gegenstelle ab, deren Zertifikat die gewählte Adresse nicht enthält; prüfen Sie, dass die Namen jedes Knotens hier stehen.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>Alternative Namen (SAN)</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>%1 does not cover %2.</source>
        <translation>%1 deckt %2 nicht ab.</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>all dialed addresses covered</source>
        <translation>alle gewählten Adressen abgedeckt</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message numerus="yes">
        <source>SAN preflight: every address peers dial is covered for all %n node(s).</source>
        <translation>
            <numerusform>SAN-Vorabprüfung: Jede Adresse, die Gegenstellen wählen, ist für den %n Knoten abgedeckt.</numerusform>
            <numerusform>SAN-Vorabprüfung: Jede Adresse, die Gegenstellen wählen, ist für alle %n Knoten abgedeckt.</numerusform>
        </translation>
    </message>
    <message>
        <source>SAN preflight found gaps: %1</source>
        <translation>Die SAN-Vorabprüfung fand Lücken: %1</translation>
    </message>
</context>
<context>
    <name>raysec::ui::RevokeKeyDialog</name>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>Revoking %1 takes effect as soon as the gateway loads the next registry export. It cannot be undone.</source>
        <translation>Der Widerruf von %1 wirkt, sobald das Gateway den nächsten Registerexport lädt. Er kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>for example: laptop lost</source>
        <translation>zum Beispiel: Laptop verloren</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>raysec::ui::RotateKeyDialog</name>
    <message>
        <source>Rotate %1</source>
        <translation>%1 rotieren</translation>
    </message>
    <message>
        <source>A new key replaces %1. The old key keeps working until the end of grace, so its users can switch over.</source>
        <translation>Ein neuer Schlüssel ersetzt %1. Der alte Schlüssel funktioniert bis zum Ende der Übergangsfrist weiter, damit seine Benutzer umstellen können.</translation>
    </message>
    <message>
        <source>New key expires</source>
        <translation>Neuer Schlüssel läuft ab</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>Old key works until</source>
        <translation>Alter Schlüssel funktioniert bis</translation>
    </message>
</context>
<context>
    <name>raysec::ui::RouteRatesModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>429/s</source>
        <translation>429/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
</context>
<context>
    <name>raysec::ui::SavePage</name>
    <message>
        <source>Save and export</source>
        <translation>Speichern und exportieren</translation>
    </message>
    <message>
        <source>Finish saves the policy; new and reset passwords must meet it.</source>
        <translation>„Fertigstellen“ speichert die Richtlinie; neue und zurückgesetzte Passwörter müssen sie erfüllen.</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <source>Length: %1 to %2 characters</source>
        <translation>Länge: %1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>Required classes: %1</source>
        <translation>Erforderliche Klassen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Minimum strength: %1 of 4</source>
        <translation>Mindeststärke: %1 von 4</translation>
    </message>
    <message>
        <source>Context words: %1</source>
        <translation>Kontextwörter: %1</translation>
    </message>
    <message>
        <source>Hashing: Argon2id, %1 MiB, %2 passes</source>
        <translation>Hashing: Argon2id, %1 MiB, %2 Durchläufe</translation>
    </message>
    <message>
        <source>Export the password policy</source>
        <translation>Die Passwortrichtlinie exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>raysec::ui::SecretRevealDialog</name>
    <message>
        <source>New API key %1</source>
        <translation>Neuer API-Schlüssel %1</translation>
    </message>
    <message>
        <source>This is the only time the key is shown. Copy it now and hand it to its owner; the registry keeps only a hash.</source>
        <translation>Dies ist das einzige Mal, dass der Schlüssel angezeigt wird. Kopieren Sie ihn jetzt und übergeben Sie ihn seinem Besitzer; das Register speichert nur einen Hash.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation>Zwischenablage geleert.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::TeamUsageTree</name>
    <message>
        <source>resources not reported</source>
        <translation>Ressourcen nicht gemeldet</translation>
    </message>
    <message>
        <source>no resources</source>
        <translation>keine Ressourcen</translation>
    </message>
    <message>
        <source>Team / job / work</source>
        <translation>Team / Job / Arbeit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation>Aktive Jobs</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>%n submission(s) in the last hour</source>
        <translation>
            <numerusform>%n Einreichung in der letzten Stunde</numerusform>
            <numerusform>%n Einreichungen in der letzten Stunde</numerusform>
        </translation>
    </message>
    <message>
        <source>no quota set</source>
        <translation>kein Kontingent festgelegt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Over the hard quota.</source>
        <translation>Über dem harten Kontingent.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>actor %1</source>
        <translation>Actor %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>raysec::ui::TopJobsTable</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>raysec::ui::TopTalkersModel</name>
    <message>
        <source>(no key)</source>
        <translation>(kein Schlüssel)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>429/s</source>
        <translation>429/s</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
</context>
<context>
    <name>raysec::ui::TryPasswordsPage</name>
    <message>
        <source>Try passwords</source>
        <translation>Passwörter ausprobieren</translation>
    </message>
    <message>
        <source>Type a password to see whether the policy accepts it. Nothing you type here is stored.</source>
        <translation>Geben Sie ein Passwort ein, um zu sehen, ob die Richtlinie es akzeptiert. Nichts, was Sie hier eingeben, wird gespeichert.</translation>
    </message>
    <message>
        <source>Optional: a user name to check against</source>
        <translation>Optional: ein Benutzername, gegen den geprüft wird</translation>
    </message>
    <message>
        <source>strength %v of 4</source>
        <translation>Stärke %v von 4</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Type a password.</source>
        <translation>Geben Sie ein Passwort ein.</translation>
    </message>
    <message>
        <source>Accepted: %1 characters, about 10^%2 guesses.</source>
        <translation>Akzeptiert: %1 Zeichen, etwa 10^%2 Versuche.</translation>
    </message>
    <message>
        <source>Refused: %1 characters, about 10^%2 guesses.</source>
        <translation>Abgelehnt: %1 Zeichen, etwa 10^%2 Versuche.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::UsageChart</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory (bytes)</source>
        <translation>Arbeitsspeicher (Bytes)</translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation>Aktive Jobs</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
</context>
<context>
    <name>raysec::ui::UserPasswordDialog</name>
    <message>
        <source>Add a dashboard user</source>
        <translation>Einen Dashboard-Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Neues Passwort für %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Accepted: strength %1 of 4.</source>
        <translation>Akzeptiert: Stärke %1 von 4.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::UsersPage</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Disable or enable</source>
        <translation>Deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <source>Password policy…</source>
        <translation>Passwortrichtlinie…</translation>
    </message>
    <message>
        <source>Export signed bundle…</source>
        <translation>Signiertes Paket exportieren…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>Export the dashboard users</source>
        <translation>Die Dashboard-Benutzer exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Exported and signed with key %1.</source>
        <translation>Exportiert und mit Schlüssel %1 signiert.</translation>
    </message>
</context>
<context>
    <name>raysec::ui::WhatIfPanel</name>
    <message>
        <source>Paste a job submission (JSON of POST /api/jobs/), for example {&quot;entrypoint&quot;: &quot;python train.py&quot;, &quot;entrypoint_num_cpus&quot;: 4, &quot;metadata&quot;: {&quot;raysec.team&quot;: &quot;ml&quot;}}</source>
        <translation>Fügen Sie eine Job-Einreichung ein (JSON von POST /api/jobs/), zum Beispiel {&quot;entrypoint&quot;: &quot;python train.py&quot;, &quot;entrypoint_num_cpus&quot;: 4, &quot;metadata&quot;: {&quot;raysec.team&quot;: &quot;ml&quot;}}</translation>
    </message>
    <message>
        <source>Would it fit?</source>
        <translation>Würde es passen?</translation>
    </message>
    <message>
        <source>No usage yet: select a cluster and wait for the first refresh.</source>
        <translation>Noch keine Nutzung: Wählen Sie einen Cluster und warten Sie auf die erste Aktualisierung.</translation>
    </message>
    <message>
        <source>Fits (team %1).</source>
        <translation>Passt (Team %1).</translation>
    </message>
    <message>
        <source>Does not fit (team %1):</source>
        <translation>Passt nicht (Team %1):</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The cluster&apos;s free resources are unknown, so only quotas were checked.</source>
        <translation>Der Cluster hat keine Angaben zu freien Ressourcen, daher wurden nur Kontingente geprüft.</translation>
    </message>
</context>
</TS>
