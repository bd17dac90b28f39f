# Borderline's words, as the core renders them: the first screen, the popup,
# the in-page warning and the grade's reasons. JSON field names and CSV
# headers are a contract and stay English; they are not here.
#
# Variables: $unit is "requests" or "connections" (what the counts count);
# $n, $count, $points and the like are numbers; everything else is text.
# Country names come from CLDR (country-XX, generated), not from this file.

## Units

unit-many = { $unit ->
    [connections] connections
   *[requests] requests
}
unit-many-cap = { $unit ->
    [connections] Connections
   *[requests] Requests
}
unit-count = { $unit ->
    [connections] { $n ->
        [one] { $n } connection
       *[other] { $n } connections
    }
   *[requests] { $n ->
        [one] { $n } request
       *[other] { $n } requests
    }
}
unit-short = { $unit ->
    [connections] conn.
   *[requests] req.
}

## The first screen

glance-heading = Where the { unit-many } went, and to whom
glance-main-reason = Main reason for the grade: { $reason }
glance-server-countries = Server countries ({ unit-many })
glance-server-countries-chart = { unit-many-cap } per server country, as a bar chart
glance-company-countries = Countries of the companies in control ({ unit-many })
glance-company-countries-chart = { unit-many-cap } per country of the company in control, as a bar chart
glance-top-companies = Top companies
glance-country-not-known = country not known
glance-of-concern = of concern
glance-bar-unknown = unknown
glance-bar-local = local
glance-bar-no-company = no company named
glance-bar-folded = folded (not listed)

## Jurisdictions (a tag beside a server or a company)

jurisdiction-home = home
jurisdiction-foreign = foreign
jurisdiction-of-concern = of-concern
jurisdiction-unknown = unknown
jurisdiction-local = local

## The grade

grade-aria = Grade { $letter }, { $score } of 100
grade-why = Why { $letter }?
reason-trackers = { $companies ->
    [0] { $domains ->
        [one] { $domains } unidentified tracker domain
       *[other] { $domains } unidentified tracker domains
    }
   *[other] { $companies ->
        [one] { $companies } tracker company
       *[other] { $companies } tracker companies
    }{ $domains ->
        [0] {""}
        [one] {" "}and { $domains } unidentified tracker domain
       *[other] {" "}and { $domains } unidentified tracker domains
    }
} received tracker { unit-many } ({ $per } points each, at most { $max })
reason-session-replay = a session-replay service can record what you do on the page
reason-fingerprinting = a fingerprinting service can recognise your browser without cookies
reason-server-of-concern = { unit-count } went to servers registered in a country of concern
reason-entity-of-concern = { unit-count } went to endpoints controlled by a company based in a country of concern
reason-third-party-cookies = { $n ->
    [one] { $n } third-party cookie was set
   *[other] { $n } third-party cookies were set
}
reason-identifiers-sent = identifier-like values were sent outside the site or to trackers ({ $n ->
    [one] { $n } field
   *[other] { $n } fields
})
reason-contact-details-sent = e-mail addresses, phone numbers or their hashes were sent ({ $n ->
    [one] { $n } field
   *[other] { $n } fields
})
reason-clean = no trackers, no third-party cookies, nothing sent to a country or company of concern

## The popup's summary

popup-tracker-count = { $unit ->
    [connections] { $n ->
        [one] { $n } tracker connection
       *[other] { $n } tracker connections
    }
   *[requests] { $n ->
        [one] { $n } tracker request
       *[other] { $n } tracker requests
    }
}
popup-tracker-endpoints = { $n ->
    [one] { $n } tracker endpoint
   *[other] { $n } tracker endpoints
}
popup-tracker-companies = { $n ->
    [one] { $n } tracker company
   *[other] { $n } tracker companies
}
popup-unidentified-domains = { $n ->
    [one] { $n } unidentified tracker domain
   *[other] { $n } unidentified tracker domains
}
popup-sent = { $size } sent
popup-folded = { $endpoints } endpoints ({ unit-count }) folded to keep the report bounded: counted above, not listed.
popup-server-of-concern = { unit-count } to servers in a country of concern
popup-app = App
popup-device = This device
popup-published-by = {" "}· published by { $publisher }
popup-part-of = , part of { $group }
popup-no-publisher = {" "}· no publisher known: every host counts as third-party
popup-packet-limits = What a packet capture cannot show
popup-details = Details: telemetry, companies, networks and every endpoint
popup-telemetry = Platform telemetry
popup-companies = Companies
popup-networks = Hosting networks
popup-endpoints = Endpoints
popup-endpoints-caption = Endpoints contacted by { $site }
popup-col-host = Host
popup-col-company = Company
popup-col-server = Server
popup-col-count = { $unit ->
    [connections] Conn.
   *[requests] Req.
}
popup-col-sent = Sent
popup-attribution = Countries are where address blocks are registered. IP data: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Policy: { $policy }.

## The popup's details: companies, networks, endpoints

rule-in-list = {" "}in { $list }, line { $line }
rule-entity-map = the entity map classes this domain as { $category }
idn-note = (international name, ASCII form)
idn-title = An internationalised domain name, shown in its ASCII (punycode) form: its Unicode form could look like another name.
company-domiciled = {" "}— domiciled{" "}
company-domicile-title = country of incorporation
company-headquartered = , headquartered{" "}
company-part-of = {" "}· part of { $parent }
company-received = {" "}· received { $fields }
not-known-title = not known
network-unknown = unknown network
network-share = {" "}— { $requests } of { unit-many }, { $bytes } of bytes received
telemetry-line = { unit-count } ({ $size }) to { $endpoints } telemetry and logging endpoints
telemetry-countries = , servers registered in { $countries }
telemetry-identifiers = ; identifiers sent:{" "}
endpoint-why = why
endpoint-party = { $party ->
    [first-party] first-party
    [same-entity] same-entity
   *[third-party] third-party
} · domain{" "}
endpoint-name-from = Name from { $basis }: { unit-count }
endpoint-also-answered = Its addresses also answered for:{" "}
endpoint-not-matched = Not matched by a tracker list.
endpoint-rules-not-listed = { $n } more tracker { unit-many } matched rules not listed here.
endpoint-sent = Sent:{" "}
endpoint-binary = { $n ->
    [one] { $n } binary body
   *[other] { $n } binary bodies
} ({ $type }, { $size }), not read for fields
endpoint-owner = Owner: { $basis }
endpoint-hq-stated-by = ; headquarters as stated by { $source }
endpoint-sources = Sources:{" "}
endpoint-company-unknown = unknown
endpoint-no-ip = { $n } { unit-short } with no server IP (location unknown)
basis-cited = cited
basis-listed = listed by { $source }
basis-network = inferred from its network AS{ $asn }
location-registered = registered
location-local = local
location-overlay = overlay
location-unknown = unknown
name-basis-tls = TLS server name (SNI)
name-basis-quic = QUIC server name (SNI)
name-basis-http = HTTP Host header
name-basis-dns = DNS answer
name-basis-dns-ambiguous = DNS answers name several hosts for this address
name-basis-recorder = the capture tool's record (PCAPdroid)
name-basis-none = no name in the capture
sent-kind-identifier = identifier
sent-kind-email = e-mail address
sent-kind-phone = phone number
sent-kind-hashed = hashed e-mail or phone
sent-reason-email = the value is an e-mail address
sent-reason-hashed = a field named for an e-mail or phone carried a hash
sent-reason-phone = the value is a phone number
sent-reason-identifier = the name is a known identifier field
sent-reason-token = the value looks like a unique machine-made token

## New since the last visit (the banner)

novelty-trackers = New since your last visit: { $site } sends data to { $trackers } for the first time.
novelty-countries = New since your last visit: { $site } uses servers registered in { $countries } for the first time.
novelty-both = New since your last visit: { $site } sends data to { $trackers } for the first time and uses servers registered in { $countries } for the first time.

## Findings (one sentence each; the full stop is added by "sentence")

sentence = { $text }.
finding-server-of-concern = { unit-count } went to { $host } at servers registered in { $countries } — of concern under { $policy }
finding-telemetry = { unit-count } to { $host }: the platform's own telemetry and logging, run by { $owner }
finding-tracker = { unit-count } to { $host }: { $category } by { $owner }
finding-owner-unknown = an unidentified company
finding-identifiers = { $host } received identifier-like values: { $fields }
finding-contact = { $host } received e-mail addresses, phone numbers or their hashes in: { $fields }
finding-cookies = { $host } set { $n ->
    [one] { $n } third-party cookie
   *[other] { $n } third-party cookies
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, part of { $parent } ({ $countries })
finding-company = { $who } controls { $endpoints ->
    [one] { $endpoints } endpoint
   *[other] { $endpoints } endpoints
} that received { unit-count }: { $itself ->
    [yes] a company
   *[no] its parent company is
} based in a country of concern, wherever the servers are.

## Policies

policy-us = US Data Security Program countries of concern ({ $countries }), as of { $date }
policy-eu = outside the EEA without a GDPR adequacy decision, as of { $date }
policy-custom = custom list: { $countries }

## What a packet capture cannot show (the report of a phone's capture)

limit-connections-not-requests = A packet capture shows connections, not requests: no URL, path, method, status, cookie or field sent is known, so no field is reported and only tracker-list rules about whole hosts are applied.
limit-names-pcapdroid = Host names are PCAPdroid's own reading (its Info column), which does not say whether each came from DNS, TLS or HTTP; a connection it names nothing for is reported by its server's address and network.
limit-names-basis = Each host name is reported with how it was learned (TLS or QUIC server name, HTTP Host header, or an earlier DNS answer); a connection nothing names is reported by its server's address and network.
limit-encrypted-dns = { $n ->
    [one] { $n } connection went
   *[other] { $n } connections went
} to encrypted DNS servers (DNS over TLS or HTTPS): the names they resolved cannot be read, so connections named only by DNS may be missing names.
limit-other-ip = { $n ->
    [one] { $n } IP packet was
   *[other] { $n } IP packets were
} neither TCP nor UDP (ICMP, other protocols) or later fragments of a datagram: in no connection, their bytes not counted.
limit-dns-not-kept = { $n ->
    [one] { $n } DNS answer
   *[other] { $n } DNS answers
} could not be kept (the capture answered for over 100,000 addresses): connections they would have named may be reported by address.
limit-ech = { $n ->
    [one] { $n } connection
   *[other] { $n } connections
} carried an Encrypted Client Hello extension. Chrome-based clients send one even when they encrypt nothing (GREASE), and then the name shown is the real one; where ECH was in use, the name shown is the outer, public one and the real server name is hidden. The capture cannot tell the two apart.
limit-ambiguous = { $n ->
    [one] { $n } connection
   *[other] { $n } connections
} went to addresses DNS gave to several names: which name each was for is not known, so they are reported by address with every name listed.
limit-mid-stream = { $n ->
    [one] { $n } connection
   *[other] { $n } connections
} began before the capture did: their first bytes, which hold the name, were not captured.
limit-stopped = Reading stopped before the end of the file ({ $why }); the connections read before that are reported.

## The HTML export

html-title = Borderline report: { $site }
html-why-grade = Why this grade ({ $score }/100)
html-head = { $from } – { $to } · home { $home } · policy: { $policy }
html-about = What this report is about
html-app = The app{" "}
html-as = , as { $basis }
html-published-by = Published by { $publisher }{" "}
html-group = , part of { $group }{" "}
html-group-same = : hosts of any company in that group count as the same entity.{" "}
html-company-same = : hosts of its company count as the same entity.{" "}
html-no-publisher = No publisher is known: every host counts as third-party.{" "}
html-card-count = { unit-many }
html-card-tracker = tracker { unit-many }
html-card-endpoints = tracker endpoints
html-card-companies = tracker companies
html-card-unidentified = unidentified tracker domains
html-card-sent = sent
html-card-concern = { unit-many } to servers of concern
html-definitions = { $unit ->
    [connections] A tracker connection is a connection matched by a tracker list or sent to a domain the entity map classes as tracking; a tracker endpoint is a host that received one; a tracker company owns one; an unidentified tracker domain is one no company data names. Every count is a count of connections that have the property.
   *[requests] A tracker request is a request matched by a tracker list or sent to a domain the entity map classes as tracking; a tracker endpoint is a host that received one; a tracker company owns one; an unidentified tracker domain is one no company data names. Every count is a count of requests that have the property.
}
html-capture = Capture: SHA-256{" "}
html-recorded-by = , recorded by { $tool }
html-data = , data:{" "}
html-without-ip = { unit-count } reached no known server IP (failed, or served from cache): their server country is unknown.
html-skipped = { unit-count } could not be read and are not counted above.
html-folded = { $endpoints ->
    [one] { $endpoints } endpoint
   *[other] { $endpoints } endpoints
} ({ unit-count }) folded to keep the report bounded: counted in the totals, not listed.
html-log-dropped = { $n ->
    [one] { $n } row was
   *[other] { $n } rows were
} dropped from the log; the counts above are complete.
html-findings = Findings
html-telemetry = { unit-count } ({ $size }) to the platform's own telemetry and logging endpoints:{" "}
html-telemetry-countries = . Servers registered in { $countries }
html-telemetry-identifiers = . Identifiers sent: { $identifiers }
html-col-company = Company
html-col-domiciled = Domiciled
html-col-headquarters = Headquarters
html-col-parent = Parent
html-col-jurisdiction = Jurisdiction
html-col-tracker-count = Tracker { unit-short }
html-col-sent = Sent
html-unidentified = Unidentified tracker domains
html-unidentified-note = Domains that received tracker requests and that no company data names. They are counted as domains, not as companies.
html-col-domain = Domain
html-col-endpoints = Endpoints
html-where = Where { unit-many } went (server country, registered)
html-networks-chart = { unit-many-cap } per hosting network, as a bar chart
html-col-host = Host
html-col-party = Party
party-first-party = first-party
party-same-entity = same-entity
party-third-party = third-party
html-col-tracker = Tracker
html-col-ips = IPs and locations
html-col-server = Server
html-col-fields = Fields sent
html-name-from = name from { $basis }: { $n } { unit-short }
html-also-answered = its addresses also answered for:{" "}
html-tracker-share = ({ $n } of { $total } { unit-short })
html-rules-not-listed = { $n } more matched rules not listed
html-no-ip = { $n } { unit-short } with no server IP
html-binary = { $n } binary ({ $type }, { $size }), not read for fields
html-sources = Data sources
html-footer = Server countries are where address blocks are registered, which is not always where a server stands.{" "}
html-generated = . Generated by { $generator }, offline.

## The in-page warning (plain text)

warn-company-of-concern = { $site } talks to servers controlled by { $who }: based in a country of concern under your policy.
warn-sent = { $site } sent data to { $host } — by { $who }, { $where }.
warn-sent-kinds = { $site } sent data to { $host } — { $kinds } by { $who }, { $where }.
warn-who-parent = { $name } (part of { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = an unidentified company
warn-where-unknown = an unknown location
warn-where-one = a server registered in { $country }
warn-where-many = servers registered in { $countries }
warn-of-concern = { $sentence } Of concern under your policy.
warn-and = { $a } and { $b }
banner-servers = { $unit ->
    [connections] Connections so far by server country: { $servers }.
   *[requests] Requests so far by server country: { $servers }.
}
banner-companies = Top companies: { $companies }.

## Countries of a company

countries-none = countries not known
countries-both = { $domicile }, { $headquarters }
domicile-known = domiciled { $country }
domicile-unknown = domicile not known
headquarters-known = headquartered { $country }
headquarters-unknown = headquarters not known

## Kinds of tracker (a tag beside an endpoint)

category-advertising = advertising
category-analytics = analytics
category-telemetry = telemetry
category-social = social
category-session-replay = session-replay
category-fingerprinting = fingerprinting
category-cdn = cdn
category-content = content
category-api = api
