# La página del informe (www/): sus propios textos en torno al informe que presenta el núcleo.
# Se muestran como texto (nunca como marcado); los identificadores coinciden con data-l10n-id en www/index.html.

www-title = Borderline: quién está observando, a partir de un archivo HAR
www-intro = Arrastre aquí una captura HAR de un sitio (exportada desde las herramientas para desarrolladores de su navegador, mitmproxy o Charles) o una captura de paquetes de un teléfono (PCAP o PCAPNG, p. ej. de PCAPdroid, o el CSV de conexiones de PCAPdroid) para ver con qué empresas se comunica el sitio o el teléfono, dónde están sus servidores y qué se envió. El archivo nunca sale de esta página: todo se ejecuta aquí, sin conexión.
www-input = Elegir una captura
www-choose = Elegir un archivo HAR o una captura de paquetes
www-drop = o arrástrelo aquí, o
www-sample = pruebe el ejemplo
www-sample-phone = o una captura de teléfono
www-home = Su país
www-policy = Política
www-policy-us = US Data Security Program (normativa de EE. UU.)
www-policy-eu = Adecuación UE/EEE
www-policy-custom = Lista personalizada
www-custom = Lista personalizada de países preocupantes
www-site = Sitio
www-reading = Leyendo la captura
www-export = Exportar
www-only-trackers = Solo rastreadores
www-only-foreign = Solo extranjeros
www-footer = Borderline se ejecuta por completo en esta página; no se sube nada. Datos de IP: NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = No se pudo generar el informe: { $reason }
www-too-large = Este archivo ocupa { $size } MB: es demasiado grande para leerlo en un navegador (límite: { $limit } MB). La herramienta de línea de comandos lee capturas más grandes.
