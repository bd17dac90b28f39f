# The report page (www/): its own words around the report the core renders.
# Shown as text (never as markup); ids match data-l10n-id in www/index.html.

www-title = Borderline: who is watching, from a HAR file
www-intro = Drop a HAR capture of a site (exported from your browser's developer tools, mitmproxy or Charles), or a phone's packet capture (PCAP or PCAPNG, e.g. from PCAPdroid, or PCAPdroid's connections CSV), to see which companies it talks to, where their servers are, and what was sent. The file never leaves this page: everything runs here, offline.
www-input = Choose a capture
www-choose = Choose a HAR or packet capture
www-drop = or drop it here, or
www-sample = try the sample
www-sample-phone = or a phone capture
www-home = Home country
www-policy = Policy
www-policy-us = US Data Security Program
www-policy-eu = EU/EEA adequacy
www-policy-custom = Custom list
www-custom = Custom countries of concern
www-site = Site
www-reading = Reading the capture
www-export = Export
www-only-trackers = Trackers only
www-only-foreign = Foreign only
www-footer = Borderline runs entirely in this page; nothing is uploaded. IP data: NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = The report could not be made: { $reason }
www-too-large = This file is { $size } MB: too large to read in a browser (limit { $limit } MB). The command-line tool reads larger captures.
