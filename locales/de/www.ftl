# Die Berichtsseite (www/): ihre eigenen Texte rund um den Bericht, den der Kern ausgibt.
# Als Text angezeigt (nie als Markup); die IDs entsprechen data-l10n-id in www/index.html.

www-title = Borderline: Wer zuschaut, ermittelt aus einer HAR-Datei
www-intro = Legen Sie hier einen HAR-Mitschnitt einer Website ab (exportiert aus den Entwicklerwerkzeugen Ihres Browsers, aus mitmproxy oder Charles) oder einen Paketmitschnitt eines Smartphones (PCAP oder PCAPNG, z. B. von PCAPdroid, oder die Verbindungs-CSV von PCAPdroid). Sie sehen dann, mit welchen Unternehmen die Website oder das Smartphone kommuniziert, wo deren Server stehen und was gesendet wurde. Die Datei verlässt diese Seite nie: Alles läuft hier, offline.
www-input = Mitschnitt auswählen
www-choose = HAR-Datei oder Paketmitschnitt auswählen
www-drop = oder hier ablegen, oder
www-sample = das Beispiel ausprobieren
www-sample-phone = oder einen Smartphone-Mitschnitt
www-home = Ihr Land
www-policy = Richtlinie
www-policy-us = US Data Security Program (US-Vorschrift)
www-policy-eu = Angemessenheit EU/EWR
www-policy-custom = Eigene Liste
www-custom = Eigene Liste bedenklicher Länder
www-site = Website
www-reading = Mitschnitt wird gelesen
www-export = Exportieren
www-only-trackers = Nur Tracker
www-only-foreign = Nur ausländische
www-footer = Borderline läuft vollständig in dieser Seite; nichts wird hochgeladen. IP-Daten: NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = Der Bericht konnte nicht erstellt werden: { $reason }
www-too-large = Diese Datei ist { $size } MB groß: zu groß, um sie im Browser zu lesen (Grenze: { $limit } MB). Das Kommandozeilenprogramm liest auch größere Mitschnitte.
