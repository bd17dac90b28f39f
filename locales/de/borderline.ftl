# Die Texte von Borderline, wie der Kern sie ausgibt: die erste Ansicht, das Popup,
# der Warnhinweis in der Seite und die Begründungen der Bewertung. JSON-Feldnamen und
# CSV-Spaltenköpfe sind eine feste Schnittstelle und bleiben englisch; sie stehen nicht hier.
#
# Variablen: $unit ist „requests“ oder „connections“ (was die Zählungen zählen);
# $n, $count, $points und Ähnliche sind Zahlen; alles andere ist Text.
# Ländernamen kommen aus CLDR (country-XX, generiert), nicht aus dieser Datei.

## Einheiten

unit-many = { $unit ->
    [connections] Verbindungen
   *[requests] Anfragen
}
unit-many-cap = { $unit ->
    [connections] Verbindungen
   *[requests] Anfragen
}
unit-count = { $unit ->
    [connections] { $n ->
        [one] { $n } Verbindung
       *[other] { $n } Verbindungen
    }
   *[requests] { $n ->
        [one] { $n } Anfrage
       *[other] { $n } Anfragen
    }
}
unit-short = { $unit ->
    [connections] Verb.
   *[requests] Anfr.
}

## Die erste Ansicht

glance-heading = Wohin die { unit-many } gingen und an wen
glance-main-reason = Hauptgrund für die Bewertung: { $reason }
glance-server-countries = Serverländer ({ unit-many })
glance-server-countries-chart = { unit-many-cap } je Serverland, als Balkendiagramm
glance-company-countries = Länder der kontrollierenden Unternehmen ({ unit-many })
glance-company-countries-chart = { unit-many-cap } je Land des kontrollierenden Unternehmens, als Balkendiagramm
glance-top-companies = Häufigste Unternehmen
glance-country-not-known = Land nicht bekannt
glance-of-concern = bedenklich
glance-bar-unknown = unbekannt
glance-bar-local = lokal
glance-bar-no-company = kein Unternehmen genannt
glance-bar-folded = nicht einzeln aufgeführt

## Rechtsräume (eine Markierung neben einem Server oder einem Unternehmen)

jurisdiction-home = inländisch
jurisdiction-foreign = ausländisch
jurisdiction-of-concern = bedenklich
jurisdiction-unknown = unbekannt
jurisdiction-local = lokal

## Die Bewertung

grade-aria = Bewertung { $letter }, { $score } von 100
grade-why = Warum { $letter }?
reason-trackers = { $companies ->
    [0] { $domains ->
        [one] { $domains } nicht identifizierte Tracker-Domain erhielt
       *[other] { $domains } nicht identifizierte Tracker-Domains erhielten
    }
   *[other] { $companies ->
        [one] { $companies } Tracker-Unternehmen
       *[other] { $companies } Tracker-Unternehmen
    }{ $domains ->
        [0] { $companies ->
            [one] {" "}erhielt
           *[other] {" "}erhielten
        }
        [one] {" "}und { $domains } nicht identifizierte Tracker-Domain erhielten
       *[other] {" "}und { $domains } nicht identifizierte Tracker-Domains erhielten
    }
} Tracker-{ unit-many } (je { $per } Punkte, insgesamt höchstens { $max })
reason-session-replay = ein Session-Replay-Dienst kann aufzeichnen, was Sie auf der Seite tun
reason-fingerprinting = ein Fingerprinting-Dienst kann Ihren Browser ohne Cookies wiedererkennen
reason-server-of-concern = { unit-count } { $n ->
        [one] ging
       *[other] gingen
    } an Server, die in einem bedenklichen Land registriert sind
reason-entity-of-concern = { unit-count } { $n ->
        [one] ging
       *[other] gingen
    } an Endpunkte, die von einem Unternehmen mit Sitz in einem bedenklichen Land kontrolliert werden
reason-third-party-cookies = { $n ->
    [one] { $n } Drittanbieter-Cookie wurde gesetzt
   *[other] { $n } Drittanbieter-Cookies wurden gesetzt
}
reason-identifiers-sent = kennungsähnliche Werte wurden an Empfänger außerhalb der Website oder an Tracker gesendet ({ $n ->
    [one] { $n } Feld
   *[other] { $n } Felder
})
reason-contact-details-sent = E-Mail-Adressen, Telefonnummern oder deren Hashwerte wurden gesendet ({ $n ->
    [one] { $n } Feld
   *[other] { $n } Felder
})
reason-clean = keine Tracker, keine Drittanbieter-Cookies, nichts an ein bedenkliches Land oder Unternehmen gesendet

## Die Zusammenfassung im Popup

popup-tracker-count = { $unit ->
    [connections] { $n ->
        [one] { $n } Tracker-Verbindung
       *[other] { $n } Tracker-Verbindungen
    }
   *[requests] { $n ->
        [one] { $n } Tracker-Anfrage
       *[other] { $n } Tracker-Anfragen
    }
}
popup-tracker-endpoints = { $n ->
    [one] { $n } Tracker-Endpunkt
   *[other] { $n } Tracker-Endpunkte
}
popup-tracker-companies = { $n ->
    [one] { $n } Tracker-Unternehmen
   *[other] { $n } Tracker-Unternehmen
}
popup-unidentified-domains = { $n ->
    [one] { $n } nicht identifizierte Tracker-Domain
   *[other] { $n } nicht identifizierte Tracker-Domains
}
popup-sent = { $size } gesendet
popup-folded = { $endpoints ->
    [one] { $endpoints } Endpunkt ({ unit-count }) zusammengefasst, um die Größe des Berichts zu begrenzen: oben mitgezählt, nicht aufgeführt.
   *[other] { $endpoints } Endpunkte ({ unit-count }) zusammengefasst, um die Größe des Berichts zu begrenzen: oben mitgezählt, nicht aufgeführt.
}
popup-server-of-concern = { unit-count } { $unit ->
        [connections] zu Servern
       *[requests] an Server
    } in einem bedenklichen Land
popup-app = App
popup-device = Dieses Gerät
popup-published-by = {" "}· betrieben von { $publisher }
popup-part-of = , Teil von { $group }
popup-no-publisher = {" "}· kein Betreiber bekannt: jeder Host gilt als Drittanbieter
popup-packet-limits = Was ein Paketmitschnitt nicht zeigen kann
popup-details = Details: Telemetrie, Unternehmen, Netzwerke und alle Endpunkte
popup-telemetry = Plattform-Telemetrie
popup-companies = Unternehmen
popup-networks = Hosting-Netzwerke
popup-endpoints = Endpunkte
popup-endpoints-caption = Von { $site } kontaktierte Endpunkte
popup-col-host = Host
popup-col-company = Unternehmen
popup-col-server = Server
popup-col-count = { $unit ->
    [connections] Verb.
   *[requests] Anfr.
}
popup-col-sent = Gesendet
popup-attribution = Als Land gilt das Land, in dem der Adressblock registriert ist. IP-Daten: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Richtlinie: { $policy }.

## Die Details im Popup: Unternehmen, Netzwerke, Endpunkte

rule-in-list = {" "}in { $list }, Zeile { $line }
rule-entity-map = die Entitätenliste ordnet diese Domain der Kategorie { $category } zu
idn-note = (internationaler Name, ASCII-Form)
idn-title = Ein internationalisierter Domainname, in seiner ASCII-Form (Punycode) angezeigt: Seine Unicode-Form könnte wie ein anderer Name aussehen.
company-domiciled = {" "}– Satzungssitz:{" "}
company-domicile-title = Land der Eintragung
company-headquartered = , Hauptsitz:{" "}
company-part-of = {" "}· Teil von { $parent }
company-received = {" "}· erhielt { $fields }
not-known-title = nicht bekannt
network-unknown = unbekanntes Netzwerk
network-share = {" "}– { $requests } der { unit-many }, { $bytes } der empfangenen Bytes
telemetry-line = { unit-count } ({ $size }) { $unit ->
        [connections] { $endpoints ->
            [one] zu { $endpoints } Telemetrie- und Protokollierungsendpunkt
           *[other] zu { $endpoints } Telemetrie- und Protokollierungsendpunkten
        }
       *[requests] { $endpoints ->
            [one] an { $endpoints } Telemetrie- und Protokollierungsendpunkt
           *[other] an { $endpoints } Telemetrie- und Protokollierungsendpunkte
        }
    }
telemetry-countries = , Server registriert in { $countries }
telemetry-identifiers = ; gesendete Kennungen:{" "}
endpoint-why = warum
endpoint-party = { $party ->
    [first-party] Erstanbieter
    [same-entity] dasselbe Unternehmen
   *[third-party] Drittanbieter
} · Domain{" "}
endpoint-name-from = Herkunft des Namens: { $basis } – { unit-count }
endpoint-also-answered = Seine Adressen standen auch in den DNS-Antworten für:{" "}
endpoint-not-matched = Von keiner Tracker-Liste erfasst.
endpoint-rules-not-listed = { $n ->
    [one] { $unit ->
        [connections] { $n } weitere Tracker-Verbindung entsprach Regeln, die hier nicht aufgeführt sind.
       *[requests] { $n } weitere Tracker-Anfrage entsprach Regeln, die hier nicht aufgeführt sind.
    }
   *[other] { $unit ->
        [connections] { $n } weitere Tracker-Verbindungen entsprachen Regeln, die hier nicht aufgeführt sind.
       *[requests] { $n } weitere Tracker-Anfragen entsprachen Regeln, die hier nicht aufgeführt sind.
    }
}
endpoint-sent = Gesendet:{" "}
endpoint-binary = { $n ->
    [one] { $n } binärer Inhalt ({ $type }, { $size }), nicht nach Feldern ausgewertet
   *[other] { $n } binäre Inhalte ({ $type }, { $size }), nicht nach Feldern ausgewertet
}
endpoint-owner = Eigentümer: { $basis }
endpoint-hq-stated-by = ; Hauptsitz laut { $source }
endpoint-sources = Quellen:{" "}
endpoint-company-unknown = unbekannt
endpoint-no-ip = { $n } { unit-short } ohne Server-IP (Standort unbekannt)
basis-cited = mit Quellen belegt
basis-listed = aufgeführt von { $source }
basis-network = abgeleitet aus seinem Netzwerk AS{ $asn }
location-registered = registriert
location-local = lokal
location-overlay = Overlay
location-unknown = unbekannt
name-basis-tls = TLS-Servername (SNI)
name-basis-quic = QUIC-Servername (SNI)
name-basis-http = HTTP-Host-Header
name-basis-dns = DNS-Antwort
name-basis-dns-ambiguous = DNS-Antworten nennen für diese Adresse mehrere Hosts
name-basis-recorder = Aufzeichnung des Mitschnitt-Tools (PCAPdroid)
name-basis-none = kein Name im Mitschnitt
sent-kind-identifier = Kennung
sent-kind-email = E-Mail-Adresse
sent-kind-phone = Telefonnummer
sent-kind-hashed = gehashte E-Mail-Adresse oder Telefonnummer
sent-reason-email = der Wert ist eine E-Mail-Adresse
sent-reason-hashed = ein nach E-Mail oder Telefon benanntes Feld enthielt einen Hashwert
sent-reason-phone = der Wert ist eine Telefonnummer
sent-reason-identifier = der Name ist ein bekanntes Kennungsfeld
sent-reason-token = der Wert sieht wie ein eindeutiges, maschinell erzeugtes Token aus

## Neu seit dem letzten Besuch (das Banner)

novelty-trackers = Neu seit Ihrem letzten Besuch: { $site } sendet zum ersten Mal Daten an { $trackers }.
novelty-countries = Neu seit Ihrem letzten Besuch: { $site } nutzt zum ersten Mal Server, die in { $countries } registriert sind.
novelty-both = Neu seit Ihrem letzten Besuch: { $site } sendet zum ersten Mal Daten an { $trackers } und nutzt zum ersten Mal Server, die in { $countries } registriert sind.

## Befunde (je ein Satz; den Schlusspunkt fügt „sentence“ an)

sentence = { $text }.
finding-server-of-concern = { unit-count } { $n ->
        [one] ging
       *[other] gingen
    } an { $host } auf Servern, die in { $countries } registriert sind – bedenklich nach der Richtlinie „{ $policy }“
finding-telemetry = { unit-count } { $unit ->
        [connections] zu
       *[requests] an
    } { $host }: die eigene Telemetrie und Protokollierung der Plattform, betrieben von { $owner }
finding-tracker = { unit-count } { $unit ->
        [connections] zu
       *[requests] an
    } { $host }: { $category } von { $owner }
finding-owner-unknown = einem nicht identifizierten Unternehmen
finding-identifiers = { $host } erhielt kennungsähnliche Werte: { $fields }
finding-contact = { $host } erhielt E-Mail-Adressen, Telefonnummern oder deren Hashwerte in diesen Feldern: { $fields }
finding-cookies = { $host } setzte { $n ->
    [one] { $n } Drittanbieter-Cookie
   *[other] { $n } Drittanbieter-Cookies
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, Teil von { $parent } ({ $countries })
finding-company = { $who } kontrolliert { $endpoints ->
    [one] { $endpoints } Endpunkt, der { unit-count } erhielt
   *[other] { $endpoints } Endpunkte, die { unit-count } erhielten
}: { $itself ->
    [yes] ein Unternehmen mit Sitz in einem bedenklichen Land
   *[no] sein Mutterunternehmen hat seinen Sitz in einem bedenklichen Land
}, unabhängig davon, wo die Server stehen.

## Richtlinien

policy-us = bedenkliche Länder ({ $countries }) nach dem US Data Security Program (US-Vorschrift), Stand { $date }
policy-eu = außerhalb des EWR ohne Angemessenheitsbeschluss nach der DSGVO, Stand { $date }
policy-custom = eigene Liste: { $countries }

## Was ein Paketmitschnitt nicht zeigen kann (der Bericht zum Mitschnitt eines Telefons)

limit-connections-not-requests = Ein Paketmitschnitt zeigt Verbindungen, keine Anfragen: URL, Pfad, Methode, Status, Cookies und gesendete Felder sind unbekannt; daher wird kein Feld aufgeführt, und von den Tracker-Listen werden nur Regeln angewendet, die ganze Hosts betreffen.
limit-names-pcapdroid = Die Hostnamen sind PCAPdroids eigene Auswertung (Spalte „Info“), aus der nicht hervorgeht, ob der jeweilige Name aus DNS, TLS oder HTTP stammt; eine Verbindung, für die PCAPdroid keinen Namen angibt, wird mit Adresse und Netzwerk ihres Servers aufgeführt.
limit-names-basis = Zu jedem Hostnamen ist angegeben, woher er stammt (TLS- oder QUIC-Servername, HTTP-Host-Header oder eine frühere DNS-Antwort); eine Verbindung, für die nichts einen Namen liefert, wird mit Adresse und Netzwerk ihres Servers aufgeführt.
limit-encrypted-dns = { $n ->
    [one] { $n } Verbindung ging
   *[other] { $n } Verbindungen gingen
} zu verschlüsselten DNS-Servern (DNS over TLS oder HTTPS): Die dort aufgelösten Namen sind nicht lesbar, daher kann Verbindungen, die ihren Namen nur aus DNS erhalten, der Name fehlen.
limit-other-ip = { $n ->
    [one] { $n } IP-Paket, weder TCP noch UDP (ICMP, andere Protokolle) oder ein Folgefragment eines Datagramms, gehört zu keiner Verbindung; seine Bytes sind nicht mitgezählt.
   *[other] { $n } IP-Pakete, weder TCP noch UDP (ICMP, andere Protokolle) oder Folgefragmente eines Datagramms, gehören zu keiner Verbindung; ihre Bytes sind nicht mitgezählt.
}
limit-dns-not-kept = { $n ->
    [one] { $n } DNS-Antwort konnte
   *[other] { $n } DNS-Antworten konnten
} nicht gespeichert werden (der Mitschnitt enthielt Antworten für über 100.000 Adressen): Verbindungen, die dadurch einen Namen erhalten hätten, werden womöglich mit ihrer Adresse aufgeführt.
limit-ech = { $n ->
    [one] { $n } Verbindung enthielt
   *[other] { $n } Verbindungen enthielten
} die Erweiterung Encrypted Client Hello. Chrome-basierte Clients senden sie auch dann, wenn sie nichts verschlüsseln (GREASE), und dann ist der angezeigte Name der echte; wo ECH tatsächlich genutzt wurde, ist der angezeigte Name der äußere, öffentliche, und der echte Servername ist verborgen. Der Mitschnitt kann die beiden Fälle nicht unterscheiden.
limit-ambiguous = { $n ->
    [one] { $n } Verbindung ging
   *[other] { $n } Verbindungen gingen
} zu Adressen, die DNS mehreren Namen zuordnete: Welcher Name jeweils gemeint war, ist unbekannt; daher ist die Adresse angegeben, zusammen mit allen Namen.
limit-mid-stream = { $n ->
    [one] { $n } Verbindung begann
   *[other] { $n } Verbindungen begannen
} vor dem Mitschnitt: Ihre ersten Bytes, die den Namen enthalten, wurden nicht mitgeschnitten.
limit-stopped = Das Lesen wurde vor dem Ende der Datei abgebrochen ({ $why }); die bis dahin gelesenen Verbindungen sind aufgeführt.

## Der HTML-Export

html-title = Borderline-Bericht: { $site }
html-why-grade = Warum diese Bewertung ({ $score }/100)
html-head = { $from } – { $to } · Heimatland { $home } · Richtlinie: { $policy }
html-about = Worum es in diesem Bericht geht
html-app = Die App{" "}
html-as = , Grundlage: { $basis }
html-published-by = Betrieben von { $publisher }{" "}
html-group = , Teil von { $group }{" "}
html-group-same = : Die Hosts jedes Unternehmens dieser Gruppe gelten als dasselbe Unternehmen.{" "}
html-company-same = : Die Hosts dieses Unternehmens gelten als dasselbe Unternehmen.{" "}
html-no-publisher = Es ist kein Betreiber bekannt: Jeder Host gilt als Drittanbieter.{" "}
html-card-count = { unit-many }
html-card-tracker = Tracker-{ unit-many }
html-card-endpoints = Tracker-Endpunkte
html-card-companies = Tracker-Unternehmen
html-card-unidentified = nicht identifizierte Tracker-Domains
html-card-sent = gesendet
html-card-concern = { $unit ->
        [connections] Verbindungen zu Servern
       *[requests] Anfragen an Server
    } in bedenklichen Ländern
html-definitions = { $unit ->
    [connections] Eine Tracker-Verbindung ist eine Verbindung, die von einer Tracker-Liste erfasst wird oder zu einer Domain geht, die die Entitätenliste als Tracking einordnet; ein Tracker-Endpunkt ist ein Host, der eine solche Verbindung erhielt; ein Tracker-Unternehmen ist Eigentümer eines solchen Endpunkts; eine nicht identifizierte Tracker-Domain ist eine Domain, die eine solche Verbindung erhielt und in keinen Unternehmensdaten genannt wird. Alle Zahlen zählen Verbindungen, die die jeweilige Eigenschaft haben.
   *[requests] Eine Tracker-Anfrage ist eine Anfrage, die von einer Tracker-Liste erfasst wird oder an eine Domain geht, die die Entitätenliste als Tracking einordnet; ein Tracker-Endpunkt ist ein Host, der eine solche Anfrage erhielt; ein Tracker-Unternehmen ist Eigentümer eines solchen Endpunkts; eine nicht identifizierte Tracker-Domain ist eine Domain, die eine solche Anfrage erhielt und in keinen Unternehmensdaten genannt wird. Alle Zahlen zählen Anfragen, die die jeweilige Eigenschaft haben.
}
html-capture = Mitschnitt: SHA-256{" "}
html-recorded-by = , aufgezeichnet von { $tool }
html-data = , Daten:{" "}
html-without-ip = { unit-count } { $n ->
        [one] erreichte
       *[other] erreichten
    } keine bekannte Server-IP (fehlgeschlagen oder aus dem Cache geladen): Das Serverland ist unbekannt.
html-skipped = { unit-count } { $n ->
        [one] konnte nicht gelesen werden und ist oben nicht mitgezählt.
       *[other] konnten nicht gelesen werden und sind oben nicht mitgezählt.
    }
html-folded = { $endpoints ->
    [one] { $endpoints } Endpunkt ({ unit-count }) zusammengefasst, um die Größe des Berichts zu begrenzen: in den Summen mitgezählt, nicht aufgeführt.
   *[other] { $endpoints } Endpunkte ({ unit-count }) zusammengefasst, um die Größe des Berichts zu begrenzen: in den Summen mitgezählt, nicht aufgeführt.
}
html-log-dropped = { $n ->
    [one] { $n } Zeile wurde
   *[other] { $n } Zeilen wurden
} aus dem Protokoll verworfen; die Zahlen oben sind vollständig.
html-findings = Befunde
html-telemetry = { unit-count } ({ $size }) { $unit ->
        [connections] zu den eigenen Telemetrie- und Protokollierungsendpunkten der Plattform
       *[requests] an die eigenen Telemetrie- und Protokollierungsendpunkte der Plattform
    }:{" "}
html-telemetry-countries = . Server registriert in { $countries }
html-telemetry-identifiers = . Gesendete Kennungen: { $identifiers }
html-col-company = Unternehmen
html-col-domiciled = Satzungssitz
html-col-headquarters = Hauptsitz
html-col-parent = Mutterunternehmen
html-col-jurisdiction = Rechtsraum
html-col-tracker-count = Tracker-{ unit-short }
html-col-sent = Gesendet
html-unidentified = Nicht identifizierte Tracker-Domains
html-unidentified-note = Domains, die Tracker-Anfragen erhielten und in keinen Unternehmensdaten genannt werden. Sie werden als Domains gezählt, nicht als Unternehmen.
html-col-domain = Domain
html-col-endpoints = Endpunkte
html-where = Wohin die { unit-many } gingen (Serverland, registriert)
html-networks-chart = { unit-many-cap } je Hosting-Netzwerk, als Balkendiagramm
html-col-host = Host
html-col-party = Zuordnung
party-first-party = Erstanbieter
party-same-entity = dasselbe Unternehmen
party-third-party = Drittanbieter
html-col-tracker = Tracker
html-col-ips = IPs und Standorte
html-col-server = Server
html-col-fields = Gesendete Felder
html-name-from = Herkunft des Namens: { $basis } – { $n } { unit-short }
html-also-answered = seine Adressen standen auch in den DNS-Antworten für:{" "}
html-tracker-share = ({ $n } von { $total } { unit-short })
html-rules-not-listed = { $n ->
    [one] { $n } weiterer Treffer nicht aufgeführter Regeln
   *[other] { $n } weitere Treffer nicht aufgeführter Regeln
}
html-no-ip = { $n } { unit-short } ohne Server-IP
html-binary = { $n ->
    [one] { $n } binärer Inhalt ({ $type }, { $size }), nicht nach Feldern ausgewertet
   *[other] { $n } binäre Inhalte ({ $type }, { $size }), nicht nach Feldern ausgewertet
}
html-sources = Datenquellen
html-footer = Als Serverland gilt das Land, in dem der Adressblock registriert ist; dort steht der Server nicht immer.{" "}
html-generated = . Erstellt von { $generator }, offline.

## Der Warnhinweis in der Seite (reiner Text)

warn-company-of-concern = { $site } kommuniziert mit Servern, die von { $who } kontrolliert werden: Sitz in einem nach Ihrer Richtlinie bedenklichen Land.
warn-sent = { $site } hat Daten an { $host } gesendet – kontrolliert von { $who }, { $where }.
warn-sent-kinds = { $site } hat Daten an { $host } gesendet – { $kinds } von { $who }, { $where }.
warn-who-parent = { $name } (Teil von { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = einem nicht identifizierten Unternehmen
warn-where-unknown = an einem unbekannten Standort
warn-where-one = auf einem Server (Registrierungsland: { $country })
warn-where-many = auf Servern (Registrierungsländer: { $countries })
warn-of-concern = { $sentence } Nach Ihrer Richtlinie bedenklich.
warn-and = { $a } und { $b }
banner-servers = { $unit ->
    [connections] Verbindungen bisher nach Serverland: { $servers }.
   *[requests] Anfragen bisher nach Serverland: { $servers }.
}
banner-companies = Häufigste Unternehmen: { $companies }.

## Länder eines Unternehmens

countries-none = Länder nicht bekannt
countries-both = { $domicile }, { $headquarters }
domicile-known = Satzungssitz: { $country }
domicile-unknown = Satzungssitz nicht bekannt
headquarters-known = Hauptsitz: { $country }
headquarters-unknown = Hauptsitz nicht bekannt

## Arten von Trackern (eine Markierung neben einem Endpunkt)

category-advertising = Werbung
category-analytics = Analyse
category-telemetry = Telemetrie
category-social = Soziale Medien
category-session-replay = Session-Replay
category-fingerprinting = Fingerprinting
category-cdn = CDN
category-content = Inhalte
category-api = API
