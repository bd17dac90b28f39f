# La page de rapport (www/) : ses propres textes autour du rapport que le noyau affiche.
# Affichés comme texte (jamais comme balisage) ; les identifiants correspondent à data-l10n-id dans www/index.html.

www-title = Borderline : qui vous observe, d’après un fichier HAR
www-intro = Déposez ici une capture HAR d’un site (exportée depuis les outils de développement de votre navigateur, mitmproxy ou Charles) ou une capture de paquets d’un téléphone (PCAP ou PCAPNG, par exemple de PCAPdroid, ou le CSV des connexions de PCAPdroid) pour voir avec quelles entreprises le site ou le téléphone communique, où se trouvent leurs serveurs et ce qui a été envoyé. Le fichier ne quitte jamais cette page : tout s’exécute ici, hors ligne.
www-input = Choisir une capture
www-choose = Choisir un fichier HAR ou une capture de paquets
www-drop = ou déposez le fichier ici, ou
www-sample = essayez l’exemple
www-sample-phone = ou une capture de téléphone
www-home = Votre pays
www-policy = Politique
www-policy-us = US Data Security Program (réglementation américaine)
www-policy-eu = Adéquation UE/EEE
www-policy-custom = Liste personnalisée
www-custom = Liste personnalisée de pays préoccupants
www-site = Site
www-reading = Lecture de la capture
www-export = Exporter
www-only-trackers = Traceurs uniquement
www-only-foreign = Étrangers uniquement
www-footer = Borderline s’exécute entièrement dans cette page ; rien n’est envoyé. Données IP : NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = Le rapport n’a pas pu être établi : { $reason }
www-too-large = Ce fichier fait { $size } MB : trop volumineux pour être lu dans un navigateur (limite : { $limit } MB). L’outil en ligne de commande lit les captures plus volumineuses.
