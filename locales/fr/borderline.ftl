# Les textes de Borderline, tels que le noyau les affiche : le premier écran, la fenêtre contextuelle,
# l’avertissement dans la page et les motifs de la note. Les noms de champs JSON et les en-têtes
# CSV font l’objet d’un contrat et restent en anglais ; ils ne figurent pas ici.
#
# Variables : $unit vaut « requests » ou « connections » (ce que comptent les décomptes) ;
# $n, $count, $points et similaires sont des nombres ; tout le reste est du texte.
# Les noms de pays proviennent du CLDR (country-XX, générés), pas de ce fichier.

## Unités

unit-many = { $unit ->
    [connections] connexions
   *[requests] requêtes
}
unit-many-cap = { $unit ->
    [connections] Connexions
   *[requests] Requêtes
}
unit-count = { $unit ->
    [connections] { $n ->
        [one] { $n } connexion
       *[other] { $n } connexions
    }
   *[requests] { $n ->
        [one] { $n } requête
       *[other] { $n } requêtes
    }
}
unit-short = { $unit ->
    [connections] conn.
   *[requests] req.
}

## Le premier écran

glance-heading = Où sont allées les { unit-many }, et à qui
glance-main-reason = Motif principal de la note : { $reason }
glance-server-countries = Pays des serveurs ({ unit-many })
glance-server-countries-chart = { unit-many-cap } par pays de serveur, sous forme de diagramme en barres
glance-company-countries = Pays des entreprises exerçant le contrôle ({ unit-many })
glance-company-countries-chart = { unit-many-cap } par pays de l’entreprise exerçant le contrôle, sous forme de diagramme en barres
glance-top-companies = Principales entreprises
glance-country-not-known = pays non connu
glance-of-concern = préoccupant
glance-bar-unknown = inconnu
glance-bar-local = local
glance-bar-no-company = aucune entreprise nommée
glance-bar-folded = regroupé (non listé)

## Juridictions (étiquette à côté d’un serveur ou d’une entreprise)

jurisdiction-home = national
jurisdiction-foreign = étranger
jurisdiction-of-concern = préoccupant
jurisdiction-unknown = inconnu
jurisdiction-local = local

## La note

grade-aria = Note { $letter }, { $score } sur 100
grade-why = Pourquoi { $letter } ?
reason-trackers = { $companies ->
    [0] { $domains ->
        [one] { $domains } domaine de traçage non identifié a reçu
       *[other] { $domains } domaines de traçage non identifiés ont reçu
    }
   *[other] { $companies ->
        [one] { $companies } entreprise de traçage
       *[other] { $companies } entreprises de traçage
    }{ $domains ->
        [0] { $companies ->
            [one] {" "}a reçu
           *[other] {" "}ont reçu
        }
        [one] {" "}et { $domains } domaine de traçage non identifié ont reçu
       *[other] {" "}et { $domains } domaines de traçage non identifiés ont reçu
    }
} des { unit-many } de traçage ({ $per } points chacun, au total { $max } au maximum)
reason-session-replay = un service de relecture de session peut enregistrer ce que vous faites sur la page
reason-fingerprinting = un service d’empreinte numérique peut reconnaître votre navigateur sans cookies
reason-server-of-concern = { unit-count } { $n ->
        [one] est allée
       *[other] sont allées
    } vers des serveurs enregistrés dans un pays préoccupant
reason-entity-of-concern = { unit-count } { $n ->
        [one] est allée
       *[other] sont allées
    } vers des points de terminaison contrôlés par une entreprise établie dans un pays préoccupant
reason-third-party-cookies = { $n ->
    [one] { $n } cookie tiers a été déposé
   *[other] { $n } cookies tiers ont été déposés
}
reason-identifiers-sent = des valeurs de type identifiant ont été envoyées hors du site ou à des traceurs ({ $n ->
    [one] { $n } champ
   *[other] { $n } champs
})
reason-contact-details-sent = des adresses e-mail, des numéros de téléphone ou leurs hachages ont été envoyés ({ $n ->
    [one] { $n } champ
   *[other] { $n } champs
})
reason-clean = aucun traceur, aucun cookie tiers, aucun envoi vers un pays préoccupant ou une entreprise préoccupante

## Le résumé de la fenêtre contextuelle

popup-tracker-count = { $unit ->
    [connections] { $n ->
        [one] { $n } connexion de traçage
       *[other] { $n } connexions de traçage
    }
   *[requests] { $n ->
        [one] { $n } requête de traçage
       *[other] { $n } requêtes de traçage
    }
}
popup-tracker-endpoints = { $n ->
    [one] { $n } point de terminaison de traçage
   *[other] { $n } points de terminaison de traçage
}
popup-tracker-companies = { $n ->
    [one] { $n } entreprise de traçage
   *[other] { $n } entreprises de traçage
}
popup-unidentified-domains = { $n ->
    [one] { $n } domaine de traçage non identifié
   *[other] { $n } domaines de traçage non identifiés
}
popup-sent = { $size } envoyés
popup-folded = { $endpoints ->
    [one] { $endpoints } point de terminaison ({ unit-count }) regroupé pour limiter la taille du rapport : compté ci-dessus, non listé.
   *[other] { $endpoints } points de terminaison ({ unit-count }) regroupés pour limiter la taille du rapport : comptés ci-dessus, non listés.
}
popup-server-of-concern = { unit-count } vers des serveurs situés dans un pays préoccupant
popup-app = Application
popup-device = Cet appareil
popup-published-by = {" "}· édité par { $publisher }
popup-part-of = , appartenant à { $group }
popup-no-publisher = {" "}· aucun éditeur connu : chaque hôte est considéré comme tiers
popup-packet-limits = Ce qu’une capture de paquets ne peut pas montrer
popup-details = Détails : télémétrie, entreprises, réseaux et tous les points de terminaison
popup-telemetry = Télémétrie de la plateforme
popup-companies = Entreprises
popup-networks = Réseaux d’hébergement
popup-endpoints = Points de terminaison
popup-endpoints-caption = Points de terminaison contactés par { $site }
popup-col-host = Hôte
popup-col-company = Entreprise
popup-col-server = Serveur
popup-col-count = { $unit ->
    [connections] Conn.
   *[requests] Req.
}
popup-col-sent = Envoyé
popup-attribution = Le pays indiqué est celui où le bloc d’adresses est enregistré. Données IP : NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Politique : { $policy }.

## Les détails de la fenêtre contextuelle : entreprises, réseaux, points de terminaison

rule-in-list = {" "}dans { $list }, ligne { $line }
rule-entity-map = la table des entités classe ce domaine dans la catégorie { $category }
idn-note = (nom international, forme ASCII)
idn-title = Un nom de domaine internationalisé, affiché sous sa forme ASCII (punycode) : sa forme Unicode pourrait ressembler à un autre nom.
company-domiciled = {" "}— siège statutaire :{" "}
company-domicile-title = pays d’immatriculation
company-headquartered = , siège opérationnel :{" "}
company-part-of = {" "}· appartenant à { $parent }
company-received = {" "}· a reçu { $fields }
not-known-title = non connu
network-unknown = réseau inconnu
network-share = {" "}— { $requests } des { unit-many }, { $bytes } des octets reçus
telemetry-line = { unit-count } ({ $size }) vers { $endpoints ->
        [one] { $endpoints } point de terminaison de télémétrie et de journalisation
       *[other] { $endpoints } points de terminaison de télémétrie et de journalisation
    }
telemetry-countries = , serveurs enregistrés dans { $countries }
telemetry-identifiers =  ; identifiants envoyés :{" "}
endpoint-why = pourquoi
endpoint-party = { $party ->
    [first-party] interne
    [same-entity] même entreprise
   *[third-party] tiers
} · domaine{" "}
endpoint-name-from = Origine du nom : { $basis } — { unit-count }
endpoint-also-answered = Ses adresses figuraient aussi dans les réponses DNS pour :{" "}
endpoint-not-matched = Ne correspond à aucune liste de traceurs.
endpoint-rules-not-listed = { $n ->
    [one] { $unit ->
        [connections] { $n } autre connexion de traçage correspondait à des règles non listées ici.
       *[requests] { $n } autre requête de traçage correspondait à des règles non listées ici.
    }
   *[other] { $unit ->
        [connections] { $n } autres connexions de traçage correspondaient à des règles non listées ici.
       *[requests] { $n } autres requêtes de traçage correspondaient à des règles non listées ici.
    }
}
endpoint-sent = Envoyé :{" "}
endpoint-binary = { $n ->
    [one] { $n } corps binaire ({ $type }, { $size }), non analysé pour en extraire des champs
   *[other] { $n } corps binaires ({ $type }, { $size }), non analysés pour en extraire des champs
}
endpoint-owner = Propriétaire : { $basis }
endpoint-hq-stated-by =  ; siège opérationnel selon { $source }
endpoint-sources = Sources :{" "}
endpoint-company-unknown = inconnue
endpoint-no-ip = { $n } { unit-short } sans IP de serveur (emplacement inconnu)
basis-cited = étayé par des sources
basis-listed = répertorié par { $source }
basis-network = déduit de son réseau AS{ $asn }
location-registered = enregistré
location-local = local
location-overlay = surcouche
location-unknown = inconnu
name-basis-tls = nom de serveur TLS (SNI)
name-basis-quic = nom de serveur QUIC (SNI)
name-basis-http = en-tête HTTP Host
name-basis-dns = réponse DNS
name-basis-dns-ambiguous = réponses DNS nommant plusieurs hôtes pour cette adresse
name-basis-recorder = enregistrement de l’outil de capture (PCAPdroid)
name-basis-none = aucun nom dans la capture
sent-kind-identifier = identifiant
sent-kind-email = adresse e-mail
sent-kind-phone = numéro de téléphone
sent-kind-hashed = e-mail ou téléphone haché
sent-reason-email = la valeur est une adresse e-mail
sent-reason-hashed = un champ dont le nom désigne un e-mail ou un téléphone contenait un hachage
sent-reason-phone = la valeur est un numéro de téléphone
sent-reason-identifier = le nom est celui d’un champ d’identifiant connu
sent-reason-token = la valeur ressemble à un jeton unique généré automatiquement

## Nouveautés depuis la dernière visite (le bandeau)

novelty-trackers = Nouveau depuis votre dernière visite : { $site } envoie pour la première fois des données à { $trackers }.
novelty-countries = Nouveau depuis votre dernière visite : { $site } utilise pour la première fois des serveurs enregistrés dans { $countries }.
novelty-both = Nouveau depuis votre dernière visite : { $site } envoie pour la première fois des données à { $trackers } et utilise pour la première fois des serveurs enregistrés dans { $countries }.

## Constats (une phrase chacun ; le point final est ajouté par « sentence »)

sentence = { $text }.
finding-server-of-concern = { unit-count } { $n ->
        [one] est allée
       *[other] sont allées
    } vers { $host }, sur des serveurs enregistrés dans { $countries } — préoccupant selon la politique « { $policy } »
finding-telemetry = { unit-count } vers { $host } : la télémétrie et la journalisation propres à la plateforme, gérées par { $owner }
finding-tracker = { unit-count } vers { $host } : { $category } par { $owner }
finding-owner-unknown = une entreprise non identifiée
finding-identifiers = { $host } a reçu des valeurs de type identifiant : { $fields }
finding-contact = { $host } a reçu des adresses e-mail, des numéros de téléphone ou leurs hachages dans les champs : { $fields }
finding-cookies = { $host } a déposé { $n ->
    [one] { $n } cookie tiers
   *[other] { $n } cookies tiers
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, appartenant à { $parent } ({ $countries })
finding-company = { $who } contrôle { $endpoints ->
    [one] { $endpoints } point de terminaison qui a reçu { unit-count }
   *[other] { $endpoints } points de terminaison qui ont reçu { unit-count }
} : { $itself ->
    [yes] une entreprise établie dans un pays préoccupant
   *[no] sa maison mère est établie dans un pays préoccupant
}, où que se trouvent les serveurs.

## Politiques

policy-us = pays préoccupants ({ $countries }) selon le US Data Security Program (réglementation américaine), en date du { $date }
policy-eu = hors de l’EEE sans décision d’adéquation au titre du RGPD, en date du { $date }
policy-custom = liste personnalisée : { $countries }

## Ce qu’une capture de paquets ne peut pas montrer (le rapport de la capture d’un téléphone)

limit-connections-not-requests = Une capture de paquets montre des connexions, pas des requêtes : on ne connaît ni URL, ni chemin, ni méthode, ni statut, ni cookie, ni champ envoyé ; aucun champ n’est donc indiqué, et seules les règles des listes de traceurs portant sur des hôtes entiers sont appliquées.
limit-names-pcapdroid = Les noms d’hôte sont ceux relevés par PCAPdroid lui-même (sa colonne « Info »), qui n’indique pas si chacun provient du DNS, de TLS ou de HTTP ; une connexion à laquelle il ne donne aucun nom est identifiée par l’adresse et le réseau de son serveur.
limit-names-basis = Chaque nom d’hôte est indiqué avec son origine (nom de serveur TLS ou QUIC, en-tête HTTP Host ou réponse DNS antérieure) ; une connexion qu’aucune source ne nomme est identifiée par l’adresse et le réseau de son serveur.
limit-encrypted-dns = { $n ->
    [one] { $n } connexion est allée
   *[other] { $n } connexions sont allées
} vers des serveurs DNS chiffrés (DNS over TLS ou HTTPS) : les noms qu’ils ont résolus ne peuvent pas être lus, si bien que le nom peut manquer pour des connexions que seul le DNS aurait nommées.
limit-other-ip = { $n ->
    [one] { $n } paquet IP, ni TCP ni UDP (ICMP, autres protocoles) ou fragment ultérieur d’un datagramme, n’appartient à aucune connexion ; ses octets ne sont pas comptés.
   *[other] { $n } paquets IP, ni TCP ni UDP (ICMP, autres protocoles) ou fragments ultérieurs d’un datagramme, n’appartiennent à aucune connexion ; leurs octets ne sont pas comptés.
}
limit-dns-not-kept = { $n ->
    [one] { $n } réponse DNS n’a pas pu être conservée
   *[other] { $n } réponses DNS n’ont pas pu être conservées
} (la capture contenait des réponses pour plus de 100 000 adresses) : des connexions qui en auraient tiré leur nom peuvent être identifiées par leur adresse.
limit-ech = { $n ->
    [one] { $n } connexion portait
   *[other] { $n } connexions portaient
} une extension Encrypted Client Hello. Les clients basés sur Chrome en envoient une même lorsqu’ils ne chiffrent rien (GREASE), et le nom affiché est alors le vrai ; là où ECH était réellement utilisé, le nom affiché est le nom externe, public, et le vrai nom du serveur est masqué. La capture ne permet pas de distinguer les deux cas.
limit-ambiguous = { $n ->
    [one] { $n } connexion est allée
   *[other] { $n } connexions sont allées
} vers des adresses que le DNS attribuait à plusieurs noms : le nom visé n’est pas connu ; l’adresse est donc indiquée, avec la liste de tous les noms.
limit-mid-stream = { $n ->
    [one] { $n } connexion a commencé avant la capture : ses premiers octets, qui contiennent le nom, n’ont pas été capturés.
   *[other] { $n } connexions ont commencé avant la capture : leurs premiers octets, qui contiennent le nom, n’ont pas été capturés.
}
limit-stopped = La lecture s’est arrêtée avant la fin du fichier ({ $why }) ; les connexions lues jusque-là figurent dans le rapport.

## L’export HTML

html-title = Rapport Borderline : { $site }
html-why-grade = Pourquoi cette note ({ $score }/100)
html-head = { $from } – { $to } · pays d’origine { $home } · politique : { $policy }
html-about = Objet de ce rapport
html-app = L’application{" "}
html-as = , source : { $basis }
html-published-by = Éditée par { $publisher }{" "}
html-group = , appartenant à { $group }{" "}
html-group-same =  : les hôtes de toute entreprise de ce groupe sont considérés comme relevant de la même entreprise.{" "}
html-company-same =  : les hôtes de cette entreprise sont considérés comme relevant de la même entreprise.{" "}
html-no-publisher = Aucun éditeur n’est connu : chaque hôte est considéré comme tiers.{" "}
html-card-count = { unit-many }
html-card-tracker = { unit-many } de traçage
html-card-endpoints = points de terminaison de traçage
html-card-companies = entreprises de traçage
html-card-unidentified = domaines de traçage non identifiés
html-card-sent = envoyés
html-card-concern = { unit-many } vers des serveurs de pays préoccupants
html-definitions = { $unit ->
    [connections] Une connexion de traçage est une connexion qui correspond à une liste de traceurs ou qui est établie vers un domaine que la table des entités classe comme traçage ; un point de terminaison de traçage est un hôte qui a reçu une telle connexion ; une entreprise de traçage est propriétaire d’un tel point de terminaison ; un domaine de traçage non identifié est un domaine qui a reçu une telle connexion et qu’aucune donnée d’entreprise ne nomme. Chaque décompte porte sur les connexions qui présentent la propriété en question.
   *[requests] Une requête de traçage est une requête qui correspond à une liste de traceurs ou qui est envoyée à un domaine que la table des entités classe comme traçage ; un point de terminaison de traçage est un hôte qui a reçu une telle requête ; une entreprise de traçage est propriétaire d’un tel point de terminaison ; un domaine de traçage non identifié est un domaine qui a reçu une telle requête et qu’aucune donnée d’entreprise ne nomme. Chaque décompte porte sur les requêtes qui présentent la propriété en question.
}
html-capture = Capture : SHA-256{" "}
html-recorded-by = , enregistrée par { $tool }
html-data = , données :{" "}
html-without-ip = { unit-count } { $n ->
        [one] n’a atteint aucune IP de serveur connue (échec, ou réponse servie depuis le cache) : son pays de serveur est inconnu.
       *[other] n’ont atteint aucune IP de serveur connue (échec, ou réponses servies depuis le cache) : leur pays de serveur est inconnu.
    }
html-skipped = { unit-count } { $n ->
        [one] n’a pas pu être lue et n’est pas comptée ci-dessus.
       *[other] n’ont pas pu être lues et ne sont pas comptées ci-dessus.
    }
html-folded = { $endpoints ->
    [one] { $endpoints } point de terminaison ({ unit-count }) regroupé pour limiter la taille du rapport : compté dans les totaux, non listé.
   *[other] { $endpoints } points de terminaison ({ unit-count }) regroupés pour limiter la taille du rapport : comptés dans les totaux, non listés.
}
html-log-dropped = { $n ->
    [one] { $n } ligne a été retirée
   *[other] { $n } lignes ont été retirées
} du journal ; les décomptes ci-dessus sont complets.
html-findings = Constats
html-telemetry = { unit-count } ({ $size }) vers les points de terminaison de télémétrie et de journalisation propres à la plateforme :{" "}
html-telemetry-countries = . Serveurs enregistrés dans { $countries }
html-telemetry-identifiers = . Identifiants envoyés : { $identifiers }
html-col-company = Entreprise
html-col-domiciled = Siège statutaire
html-col-headquarters = Siège opérationnel
html-col-parent = Maison mère
html-col-jurisdiction = Juridiction
html-col-tracker-count = { $unit ->
    [connections] Conn. de traçage
   *[requests] Req. de traçage
}
html-col-sent = Envoyé
html-unidentified = Domaines de traçage non identifiés
html-unidentified-note = Domaines qui ont reçu des requêtes de traçage et qu’aucune donnée d’entreprise ne nomme. Ils sont comptés comme domaines, non comme entreprises.
html-col-domain = Domaine
html-col-endpoints = Points de terminaison
html-where = Où sont allées les { unit-many } (pays du serveur, enregistré)
html-networks-chart = { unit-many-cap } par réseau d’hébergement, sous forme de diagramme en barres
html-col-host = Hôte
html-col-party = Rattachement
party-first-party = interne
party-same-entity = même entreprise
party-third-party = tiers
html-col-tracker = Traceur
html-col-ips = IP et emplacements
html-col-server = Serveur
html-col-fields = Champs envoyés
html-name-from = origine du nom : { $basis } — { $n } { unit-short }
html-also-answered = ses adresses figuraient aussi dans les réponses DNS pour :{" "}
html-tracker-share = ({ $n } sur { $total } { unit-short })
html-rules-not-listed = { $n ->
    [one] { $n } autre correspondance avec des règles non listées
   *[other] { $n } autres correspondances avec des règles non listées
}
html-no-ip = { $n } { unit-short } sans IP de serveur
html-binary = { $n ->
    [one] { $n } corps binaire ({ $type }, { $size }), non analysé pour en extraire des champs
   *[other] { $n } corps binaires ({ $type }, { $size }), non analysés pour en extraire des champs
}
html-sources = Sources des données
html-footer = Le pays d’un serveur est celui où son bloc d’adresses est enregistré, ce qui n’est pas toujours celui où le serveur se trouve.{" "}
html-generated = . Généré par { $generator }, hors ligne.

## L’avertissement dans la page (texte brut)

warn-company-of-concern = { $site } communique avec des serveurs contrôlés par { $who } : entreprise établie dans un pays préoccupant selon votre politique.
warn-sent = { $site } a envoyé des données à { $host } — contrôlé par { $who }, { $where }.
warn-sent-kinds = { $site } a envoyé des données à { $host } — { $kinds } par { $who }, { $where }.
warn-who-parent = { $name } (appartenant à { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = une entreprise non identifiée
warn-where-unknown = à un emplacement inconnu
warn-where-one = sur un serveur (pays d’enregistrement : { $country })
warn-where-many = sur des serveurs (pays d’enregistrement : { $countries })
warn-of-concern = { $sentence } Préoccupant selon votre politique.
warn-and = { $a } et { $b }
banner-servers = { $unit ->
    [connections] Connexions jusqu’ici par pays du serveur : { $servers }.
   *[requests] Requêtes jusqu’ici par pays du serveur : { $servers }.
}
banner-companies = Principales entreprises : { $companies }.

## Pays d’une entreprise

countries-none = pays non connus
countries-both = { $domicile }, { $headquarters }
domicile-known = siège statutaire : { $country }
domicile-unknown = siège statutaire non connu
headquarters-known = siège opérationnel : { $country }
headquarters-unknown = siège opérationnel non connu

## Types de traceurs (étiquette à côté d’un point de terminaison)

category-advertising = publicité
category-analytics = mesure d’audience
category-telemetry = télémétrie
category-social = réseaux sociaux
category-session-replay = relecture de session
category-fingerprinting = empreinte numérique
category-cdn = cdn
category-content = contenu
category-api = api
