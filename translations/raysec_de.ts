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
    <message>
        <source>This is not a minisign signature: expected four lines (untrusted comment, signature, trusted comment, global signature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the .minisig file exactly as it was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature has %1 bytes instead of 74.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature file is damaged; export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature uses an unknown algorithm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the file again with Raysec or a current minisign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The global signature has %1 bytes instead of 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Raysec signing-key backup: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file written by &quot;keys export --backup&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to derive the backup key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format or version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its key-derivation parameters are out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup passphrase is shorter than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a longer passphrase, for example several random words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the data folder is writable and not full; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>raysec-cli</name>
    <message>
        <source>Add, list and remove cluster profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: raysec-cli &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
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
    <name>raysec::Database</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set RAYSEC_DATA_DIR to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions, or move it aside to start a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::MinisignKeyPair</name>
    <message>
        <source>The signing key has %1 bytes instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the signing key from its backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key is damaged: its public half does not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::MinisignPublicKey</name>
    <message>
        <source>This is not a minisign public key: expected an &quot;untrusted comment:&quot; line followed by the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the .pub file exported by Raysec or minisign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key has %1 bytes instead of 42.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key line again; it may be cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key is not an Ed25519 minisign key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a key made by Raysec or by minisign -G.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::MinisignSigner</name>
    <message>
        <source>trusted comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrusted comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::MinisignVerifier</name>
    <message>
        <source>The signature was made with key %1, not with key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the public key that belongs to the signing key, or sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match the data: the file was changed after it was signed, or the signature belongs to another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not trust this file; export and sign it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trusted comment was changed after signing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::ProfileRepository</name>
    <message>
        <source>list profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;raysec-cli profile list&apos; to see the profiles, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::SafeFile</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions and free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the free space on the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the right file; this one is too large to be what was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::SigningKeyBackup</name>
    <message>
        <source>The passphrase is wrong, or the backup file was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again; it is case-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its public key does not match its secret key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::Transaction</name>
    <message>
        <source>start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::cli</name>
    <message>
        <source>Adds or replaces a cluster profile. A Ray token is read from --token-file or from standard input and stored in the OS keychain, never in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard address (https://host:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system, ca-bundle or pin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle file (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Pinned SPKI SHA-256, base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none or ray-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the Ray token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh interval in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>profile add needs exactly one profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trust takes system, ca-bundle or pin; --auth takes none or ray-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--refresh takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray token</source>
        <translation>Ray-Token</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this profile uses plain http; traffic to the dashboard is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile remove needs exactly one profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile takes add, list or remove.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::cli::CliContext</name>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the %1 from %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the path given with --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe it on standard input or name a file with --%1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>raysec::minisign</name>
    <message>
        <source>The %1 is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the line again without changing or wrapping it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is longer than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 contains a line break or control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the comment on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use plain text.</source>
        <translation type="unfinished"></translation>
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
</TS>
