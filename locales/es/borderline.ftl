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

## La exportación HTML

html-title = Informe de Borderline: { $site }
html-why-grade = Por qué esta calificación ({ $score }/100)

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
