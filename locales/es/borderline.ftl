# Los textos de Borderline tal como los presenta el núcleo: la primera pantalla,
# la ventana emergente, el aviso dentro de la página y los motivos de la
# calificación. Los nombres de campos JSON y los encabezados CSV son un contrato
# y se quedan en inglés; no están aquí.
#
# Variables: $unit es "requests" o "connections" (lo que cuentan los recuentos);
# $n, $count, $points y similares son números; todo lo demás es texto.
# Los nombres de países vienen de CLDR (country-XX, generados), no de este archivo.

## Unidades

unit-many = { $unit ->
    [connections] conexiones
   *[requests] solicitudes
}
unit-many-cap = { $unit ->
    [connections] Conexiones
   *[requests] Solicitudes
}
unit-count = { $unit ->
    [connections] { $n ->
        [one] { $n } conexión
       *[other] { $n } conexiones
    }
   *[requests] { $n ->
        [one] { $n } solicitud
       *[other] { $n } solicitudes
    }
}
unit-short = { $unit ->
    [connections] conex.
   *[requests] sol.
}

## La primera pantalla

glance-heading = Adónde fueron las { unit-many } y a quién
glance-main-reason = Motivo principal de la calificación: { $reason }
glance-server-countries = Países de los servidores ({ unit-many })
glance-server-countries-chart = { unit-many-cap } por país del servidor, en un gráfico de barras
glance-company-countries = Países de las empresas que tienen el control ({ unit-many })
glance-company-countries-chart = { unit-many-cap } por país de la empresa que tiene el control, en un gráfico de barras
glance-top-companies = Principales empresas
glance-country-not-known = país desconocido
glance-of-concern = preocupante
glance-bar-unknown = desconocido
glance-bar-local = local
glance-bar-no-company = sin empresa identificada
glance-bar-folded = agrupadas (no listadas)

## Jurisdicciones (una etiqueta junto a un servidor o una empresa)

jurisdiction-home = nacional
jurisdiction-foreign = extranjero
jurisdiction-of-concern = preocupante
jurisdiction-unknown = desconocido
jurisdiction-local = local

## La calificación

grade-aria = Calificación { $letter }, { $score } de 100
grade-why = ¿Por qué { $letter }?
reason-trackers = se enviaron { unit-many } de rastreo a { $companies ->
    [0] { $domains ->
        [one] { $domains } dominio de rastreo no identificado
       *[other] { $domains } dominios de rastreo no identificados
    }
   *[other] { $companies ->
        [one] { $companies } empresa de rastreo
       *[other] { $companies } empresas de rastreo
    }{ $domains ->
        [0] {""}
        [one] {" "}y a { $domains } dominio de rastreo no identificado
       *[other] {" "}y a { $domains } dominios de rastreo no identificados
    }
} ({ $per } puntos por empresa o dominio, como máximo { $max })
reason-session-replay = un servicio de grabación de sesiones puede grabar lo que usted hace en la página
reason-fingerprinting = un servicio de huella digital puede reconocer su navegador sin cookies
reason-server-of-concern = { $n ->
    [one] { unit-count } se envió a servidores registrados en un país preocupante
   *[other] { unit-count } se enviaron a servidores registrados en un país preocupante
}
reason-entity-of-concern = { $n ->
    [one] { unit-count } se envió a endpoints controlados por una empresa radicada en un país preocupante
   *[other] { unit-count } se enviaron a endpoints controlados por una empresa radicada en un país preocupante
}
reason-third-party-cookies = { $n ->
    [one] se instaló { $n } cookie de terceros
   *[other] se instalaron { $n } cookies de terceros
}
reason-identifiers-sent = se enviaron valores que parecen identificadores fuera del sitio o a rastreadores ({ $n ->
    [one] { $n } campo
   *[other] { $n } campos
})
reason-contact-details-sent = se enviaron direcciones de correo electrónico, números de teléfono o sus hashes ({ $n ->
    [one] { $n } campo
   *[other] { $n } campos
})
reason-clean = sin rastreadores, sin cookies de terceros, nada enviado a un país preocupante ni a una empresa de un país preocupante

## El resumen de la ventana emergente

popup-tracker-count = { $unit ->
    [connections] { $n ->
        [one] { $n } conexión de rastreo
       *[other] { $n } conexiones de rastreo
    }
   *[requests] { $n ->
        [one] { $n } solicitud de rastreo
       *[other] { $n } solicitudes de rastreo
    }
}
popup-tracker-endpoints = { $n ->
    [one] { $n } endpoint de rastreo
   *[other] { $n } endpoints de rastreo
}
popup-tracker-companies = { $n ->
    [one] { $n } empresa de rastreo
   *[other] { $n } empresas de rastreo
}
popup-unidentified-domains = { $n ->
    [one] { $n } dominio de rastreo no identificado
   *[other] { $n } dominios de rastreo no identificados
}
popup-sent = { $size } enviados
popup-folded = { $endpoints } endpoints ({ unit-count }) agrupados para limitar el tamaño del informe: contados arriba, no listados.
popup-server-of-concern = { unit-count } a servidores en un país preocupante
popup-app = Aplicación
popup-device = Este dispositivo
popup-published-by = {" "}· publicado por { $publisher }
popup-part-of = , parte de { $group }
popup-no-publisher = {" "}· se desconoce quién lo publica: todos los hosts se consideran de terceros
popup-packet-limits = Lo que una captura de paquetes no puede mostrar
popup-details = Detalles: telemetría, empresas, redes y todos los endpoints
popup-telemetry = Telemetría de la plataforma
popup-companies = Empresas
popup-networks = Redes de alojamiento
popup-endpoints = Endpoints
popup-endpoints-caption = Endpoints contactados por { $site }
popup-col-host = Host
popup-col-company = Empresa
popup-col-server = Servidor
popup-col-count = { $unit ->
    [connections] Conex.
   *[requests] Sol.
}
popup-col-sent = Enviado
popup-attribution = Los países indican dónde están registrados los bloques de direcciones. Datos de IP: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Política: { $policy }.

## Los detalles de la ventana emergente: empresas, redes, endpoints

rule-in-list = {" "}en la lista { $list }, línea { $line }
rule-entity-map = el mapa de entidades clasifica este dominio como { $category }
idn-note = (nombre internacional, forma ASCII)
idn-title = Un nombre de dominio internacionalizado, mostrado en su forma ASCII (punycode): su forma Unicode podría parecerse a otro nombre.
company-domiciled = {" "}— domiciliada en{" "}
company-domicile-title = país de constitución
company-headquartered = , con sede en{" "}
company-part-of = {" "}· parte de { $parent }
company-received = {" "}· recibió { $fields }
not-known-title = desconocido
network-unknown = red desconocida
network-share = {" "}— { $requests } de las { unit-many }, { $bytes } de los bytes recibidos
telemetry-line = { unit-count } ({ $size }) a { $endpoints ->
    [one] { $endpoints } endpoint de telemetría y de registro
   *[other] { $endpoints } endpoints de telemetría y de registro
}
telemetry-countries = , servidores registrados en { $countries }
telemetry-identifiers = ; identificadores enviados:{" "}
endpoint-why = por qué
endpoint-party = { $party ->
    [first-party] propio
    [same-entity] de la misma entidad
   *[third-party] de terceros
} · dominio{" "}
endpoint-name-from = Origen del nombre en { unit-count }: { $basis }
endpoint-also-answered = Sus direcciones también correspondían a:{" "}
endpoint-not-matched = No coincide con ninguna lista de rastreadores.
endpoint-rules-not-listed = { $n ->
    [one] { unit-count } de rastreo más coincidió con reglas que no se muestran aquí.
   *[other] { unit-count } de rastreo más coincidieron con reglas que no se muestran aquí.
}
endpoint-sent = Enviado:{" "}
endpoint-binary = { $n ->
    [one] { $n } cuerpo binario ({ $type }, { $size }), no leído en busca de campos
   *[other] { $n } cuerpos binarios ({ $type }, { $size }), no leídos en busca de campos
}
endpoint-owner = Propietario: { $basis }
endpoint-hq-stated-by = ; sede según { $source }
endpoint-sources = Fuentes:{" "}
endpoint-company-unknown = desconocida
endpoint-no-ip = { $n } { unit-short } sin IP de servidor (ubicación desconocida)
basis-cited = citado
basis-listed = listado por { $source }
basis-network = deducido de su red AS{ $asn }
location-registered = registrado
location-local = local
location-overlay = superposición
location-unknown = desconocido
name-basis-tls = nombre de servidor TLS (SNI)
name-basis-quic = nombre de servidor QUIC (SNI)
name-basis-http = encabezado HTTP Host
name-basis-dns = respuesta DNS
name-basis-dns-ambiguous = respuestas DNS con varios nombres de host para esta dirección
name-basis-recorder = registro de la herramienta de captura (PCAPdroid)
name-basis-none = sin nombre en la captura
sent-kind-identifier = identificador
sent-kind-email = dirección de correo electrónico
sent-kind-phone = número de teléfono
sent-kind-hashed = hash de correo electrónico o de teléfono
sent-reason-email = el valor es una dirección de correo electrónico
sent-reason-hashed = un campo cuyo nombre indica correo electrónico o teléfono contenía un hash
sent-reason-phone = el valor es un número de teléfono
sent-reason-identifier = el nombre corresponde a un campo identificador conocido
sent-reason-token = el valor parece un token único generado automáticamente

## Novedades desde la última visita (el banner)

novelty-trackers = Novedad desde su última visita: por primera vez, { $site } envía datos a { $trackers }.
novelty-countries = Novedad desde su última visita: por primera vez, { $site } usa servidores registrados en { $countries }.
novelty-both = Novedad desde su última visita: por primera vez, { $site } envía datos a { $trackers } y usa servidores registrados en { $countries }.

## Hallazgos (una frase cada uno; el punto final lo añade "sentence")

sentence = { $text }.
finding-server-of-concern = { $n ->
    [one] { unit-count } se envió a { $host }, en servidores registrados en { $countries }, preocupante según la política «{ $policy }»
   *[other] { unit-count } se enviaron a { $host }, en servidores registrados en { $countries }, preocupante según la política «{ $policy }»
}
finding-telemetry = { unit-count } a { $host }: la telemetría y el registro propios de la plataforma, gestionados por { $owner }
finding-tracker = { unit-count } a { $host }: { $category } a cargo de { $owner }
finding-owner-unknown = una empresa no identificada
finding-identifiers = { $host } recibió valores que parecen identificadores: { $fields }
finding-contact = { $host } recibió direcciones de correo electrónico, números de teléfono o sus hashes en los campos: { $fields }
finding-cookies = { $host } instaló { $n ->
    [one] { $n } cookie de terceros
   *[other] { $n } cookies de terceros
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, parte de { $parent } ({ $countries })
finding-company = { $who } controla { $endpoints ->
    [one] { $endpoints } endpoint que recibió { unit-count }
   *[other] { $endpoints } endpoints que recibieron { unit-count }
}: { $itself ->
    [yes] una empresa radicada en un país preocupante
   *[no] su empresa matriz está radicada en un país preocupante
}, estén donde estén los servidores.

## Políticas

policy-us = países preocupantes ({ $countries }) según el US Data Security Program (normativa de EE. UU.), a fecha de { $date }
policy-eu = fuera del EEE sin decisión de adecuación conforme al RGPD, a fecha de { $date }
policy-custom = lista personalizada: { $countries }

## Lo que una captura de paquetes no puede mostrar (el informe de la captura de un teléfono)

limit-connections-not-requests = Una captura de paquetes muestra conexiones, no solicitudes: no se conoce ninguna URL, ruta, método, estado, cookie ni campo enviado, así que no se indica ningún campo y solo se aplican las reglas de las listas de rastreadores que se refieren a hosts completos.
limit-names-pcapdroid = Los nombres de host son la lectura propia de PCAPdroid (su columna «Info»), que no indica si cada uno procede de DNS, TLS o HTTP; una conexión a la que no da ningún nombre se muestra con la dirección y la red de su servidor.
limit-names-basis = Cada nombre de host se muestra con su origen (nombre de servidor TLS o QUIC, encabezado HTTP Host o una respuesta DNS anterior); una conexión para la que no hay ningún nombre se muestra con la dirección y la red de su servidor.
limit-encrypted-dns = { $n ->
    [one] { $n } conexión se dirigió
   *[other] { $n } conexiones se dirigieron
} a servidores DNS cifrados (DNS over TLS o HTTPS): los nombres que resolvieron no se pueden leer, así que puede faltar el nombre de conexiones que solo el DNS habría nombrado.
limit-other-ip = { $n ->
    [one] { $n } paquete IP, ni TCP ni UDP (ICMP, otros protocolos) o fragmento posterior de un datagrama, no pertenece a ninguna conexión; sus bytes no se cuentan.
   *[other] { $n } paquetes IP, ni TCP ni UDP (ICMP, otros protocolos) o fragmentos posteriores de un datagrama, no pertenecen a ninguna conexión; sus bytes no se cuentan.
}
limit-dns-not-kept = { $n ->
    [one] No se pudo conservar { $n } respuesta DNS
   *[other] No se pudieron conservar { $n } respuestas DNS
} (la captura contenía respuestas para más de 100.000 direcciones): las conexiones que habrían tomado de ahí su nombre pueden mostrarse con su dirección.
limit-ech = { $n ->
    [one] { $n } conexión llevaba
   *[other] { $n } conexiones llevaban
} una extensión Encrypted Client Hello. Los clientes basados en Chrome envían una aunque no cifren nada (GREASE), y entonces el nombre mostrado es el real; donde ECH estaba en uso, el nombre mostrado es el externo, público, y el nombre real del servidor queda oculto. La captura no puede distinguir entre los dos casos.
limit-ambiguous = { $n ->
    [one] { $n } conexión se dirigió
   *[other] { $n } conexiones se dirigieron
} a direcciones que el DNS asignó a varios nombres: no se sabe a qué nombre correspondía cada caso, así que se muestra la dirección junto con todos los nombres.
limit-mid-stream = { $n ->
    [one] { $n } conexión empezó
   *[other] { $n } conexiones empezaron
} antes que la captura: sus primeros bytes, que contienen el nombre, no se capturaron.
limit-stopped = La lectura se detuvo antes del final del archivo ({ $why }); se muestran las conexiones leídas hasta entonces.

## La exportación HTML

html-title = Informe de Borderline: { $site }
html-why-grade = Por qué esta calificación ({ $score }/100)
html-head = { $from } – { $to } · país de origen { $home } · política: { $policy }
html-about = De qué trata este informe
html-app = La aplicación{" "}
html-as = , fuente: { $basis }
html-published-by = Publicada por { $publisher }{" "}
html-group = , parte de { $group }{" "}
html-group-same = : los hosts de cualquier empresa de ese grupo se consideran de la misma entidad.{" "}
html-company-same = : los hosts de esa empresa se consideran de la misma entidad.{" "}
html-no-publisher = Se desconoce quién lo publica: todos los hosts se consideran de terceros.{" "}
html-card-count = { unit-many }
html-card-tracker = { unit-many } de rastreo
html-card-endpoints = endpoints de rastreo
html-card-companies = empresas de rastreo
html-card-unidentified = dominios de rastreo no identificados
html-card-sent = enviados
html-card-concern = { unit-many } a servidores de países preocupantes
html-definitions = { $unit ->
    [connections] Una conexión de rastreo es una conexión que coincide con una lista de rastreadores o que se dirige a un dominio que el mapa de entidades clasifica como de rastreo; un endpoint de rastreo es un host que recibió una conexión así; una empresa de rastreo es propietaria de un endpoint así; un dominio de rastreo no identificado es un dominio que recibió una conexión así y que no figura en ningún dato de empresas. Todos los recuentos cuentan conexiones que tienen la propiedad correspondiente.
   *[requests] Una solicitud de rastreo es una solicitud que coincide con una lista de rastreadores o que se envía a un dominio que el mapa de entidades clasifica como de rastreo; un endpoint de rastreo es un host que recibió una solicitud así; una empresa de rastreo es propietaria de un endpoint así; un dominio de rastreo no identificado es un dominio que recibió una solicitud así y que no figura en ningún dato de empresas. Todos los recuentos cuentan solicitudes que tienen la propiedad correspondiente.
}
html-capture = Captura: SHA-256{" "}
html-recorded-by = , registrada por { $tool }
html-data = , datos:{" "}
html-without-ip = { $n ->
    [one] { unit-count } no llegó a ninguna IP de servidor conocida (falló o se sirvió desde la caché): se desconoce el país de su servidor.
   *[other] { unit-count } no llegaron a ninguna IP de servidor conocida (fallaron o se sirvieron desde la caché): se desconoce el país de sus servidores.
}
html-skipped = { $n ->
    [one] { unit-count } no se pudo leer y no se incluye en los recuentos anteriores.
   *[other] { unit-count } no se pudieron leer y no se incluyen en los recuentos anteriores.
}
html-folded = { $endpoints ->
    [one] { $endpoints } endpoint ({ unit-count }) agrupado para limitar el tamaño del informe: contado en los totales, no listado.
   *[other] { $endpoints } endpoints ({ unit-count }) agrupados para limitar el tamaño del informe: contados en los totales, no listados.
}
html-log-dropped = { $n ->
    [one] Se descartó { $n } fila
   *[other] Se descartaron { $n } filas
} del registro; los recuentos anteriores están completos.
html-findings = Hallazgos
html-telemetry = { unit-count } ({ $size }) a los endpoints de telemetría y de registro propios de la plataforma:{" "}
html-telemetry-countries = . Servidores registrados en { $countries }
html-telemetry-identifiers = . Identificadores enviados: { $identifiers }
html-col-company = Empresa
html-col-domiciled = Domicilio
html-col-headquarters = Sede
html-col-parent = Matriz
html-col-jurisdiction = Jurisdicción
html-col-tracker-count = { $unit ->
    [connections] Conex. de rastreo
   *[requests] Sol. de rastreo
}
html-col-sent = Enviado
html-unidentified = Dominios de rastreo no identificados
html-unidentified-note = Dominios que recibieron solicitudes de rastreo y que no figuran en ningún dato de empresas. Se cuentan como dominios, no como empresas.
html-col-domain = Dominio
html-col-endpoints = Endpoints
html-where = Adónde fueron las { unit-many } (país del servidor, registrado)
html-networks-chart = { unit-many-cap } por red de alojamiento, en un gráfico de barras
html-col-host = Host
html-col-party = Pertenencia
party-first-party = propio
party-same-entity = de la misma entidad
party-third-party = de terceros
html-col-tracker = Rastreador
html-col-ips = IP y ubicaciones
html-col-server = Servidor
html-col-fields = Campos enviados
html-name-from = origen del nombre en { $n } { unit-short }: { $basis }
html-also-answered = sus direcciones también correspondían a:{" "}
html-tracker-share = ({ $n } de { $total } { unit-short })
html-rules-not-listed = { $n ->
    [one] { $n } coincidencia más con reglas no listadas
   *[other] { $n } coincidencias más con reglas no listadas
}
html-no-ip = { $n } { unit-short } sin IP de servidor
html-binary = { $n ->
    [one] { $n } cuerpo binario ({ $type }, { $size }), no leído en busca de campos
   *[other] { $n } cuerpos binarios ({ $type }, { $size }), no leídos en busca de campos
}
html-sources = Fuentes de datos
html-footer = Los países de los servidores indican dónde están registrados los bloques de direcciones, lo que no siempre coincide con el lugar donde se encuentra el servidor.{" "}
html-generated = . Generado por { $generator }, sin conexión.

## El aviso dentro de la página (texto sin formato)

warn-company-of-concern = { $site } se comunica con servidores controlados por { $who }, radicada en un país preocupante según su política.
warn-sent = { $site } envió datos a { $host } — a cargo de { $who }, { $where }.
warn-sent-kinds = { $site } envió datos a { $host } — { $kinds } a cargo de { $who }, { $where }.
warn-who-parent = { $name } (parte de { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = una empresa no identificada
warn-where-unknown = una ubicación desconocida
warn-where-one = un servidor registrado en { $country }
warn-where-many = servidores registrados en { $countries }
warn-of-concern = { $sentence } Preocupante según su política.
warn-and = { $a } y { $b }
banner-servers = { $unit ->
    [connections] Conexiones hasta ahora por país del servidor: { $servers }.
   *[requests] Solicitudes hasta ahora por país del servidor: { $servers }.
}
banner-companies = Principales empresas: { $companies }.

## Países de una empresa

countries-none = países desconocidos
countries-both = { $domicile }, { $headquarters }
domicile-known = domiciliada en { $country }
domicile-unknown = domicilio desconocido
headquarters-known = con sede en { $country }
headquarters-unknown = sede desconocida

## Tipos de rastreador (una etiqueta junto a un endpoint)

category-advertising = publicidad
category-analytics = analítica
category-telemetry = telemetría
category-social = social
category-session-replay = grabación de sesiones
category-fingerprinting = huella digital
category-cdn = cdn
category-content = contenido
category-api = api
