# Os textos do Borderline tal como o núcleo os apresenta: a primeira tela, o
# pop-up, o aviso na página e os motivos da nota. Os nomes de campos JSON e os
# cabeçalhos CSV são um contrato e permanecem em inglês; não estão aqui.
#
# Variáveis: $unit é "requests" ou "connections" (o que as contagens contam);
# $n, $count, $points e afins são números; todo o resto é texto.
# Os nomes de países vêm do CLDR (country-XX, gerados), não deste arquivo.

## Unidades

unit-many = { $unit ->
    [connections] conexões
   *[requests] requisições
}
unit-many-cap = { $unit ->
    [connections] Conexões
   *[requests] Requisições
}
unit-count = { $unit ->
    [connections] { $n ->
        [one] { $n } conexão
       *[other] { $n } conexões
    }
   *[requests] { $n ->
        [one] { $n } requisição
       *[other] { $n } requisições
    }
}
unit-short = { $unit ->
    [connections] conex.
   *[requests] req.
}

## A primeira tela

glance-heading = Para onde foram as { unit-many } e para quem
glance-main-reason = Principal motivo da nota: { $reason }
glance-server-countries = Países dos servidores ({ unit-many })
glance-server-countries-chart = { unit-many-cap } por país do servidor, em gráfico de barras
glance-company-countries = Países das empresas que têm o controle ({ unit-many })
glance-company-countries-chart = { unit-many-cap } por país da empresa que tem o controle, em gráfico de barras
glance-top-companies = Principais empresas
glance-country-not-known = país desconhecido
glance-of-concern = preocupante
glance-bar-unknown = desconhecido
glance-bar-local = local
glance-bar-no-company = sem empresa identificada
glance-bar-folded = agrupadas (não listadas)

## Jurisdições (uma etiqueta ao lado de um servidor ou de uma empresa)

jurisdiction-home = nacional
jurisdiction-foreign = estrangeiro
jurisdiction-of-concern = preocupante
jurisdiction-unknown = desconhecido
jurisdiction-local = local

## A nota

grade-aria = Nota { $letter }, { $score } de 100
grade-why = Por que { $letter }?
reason-trackers = foram enviadas { unit-many } de rastreamento para { $companies ->
    [0] { $domains ->
        [one] { $domains } domínio de rastreamento não identificado
       *[other] { $domains } domínios de rastreamento não identificados
    }
   *[other] { $companies ->
        [one] { $companies } empresa de rastreamento
       *[other] { $companies } empresas de rastreamento
    }{ $domains ->
        [0] {""}
        [one] {" "}e para { $domains } domínio de rastreamento não identificado
       *[other] {" "}e para { $domains } domínios de rastreamento não identificados
    }
} ({ $per } pontos por empresa ou domínio, no máximo { $max })
reason-session-replay = um serviço de gravação de sessões pode gravar o que você faz na página
reason-fingerprinting = um serviço de impressão digital pode reconhecer o seu navegador sem cookies
reason-server-of-concern = { $n ->
    [one] { unit-count } foi enviada para servidores registrados em um país preocupante
   *[other] { unit-count } foram enviadas para servidores registrados em um país preocupante
}
reason-entity-of-concern = { $n ->
    [one] { unit-count } foi enviada para endpoints controlados por uma empresa sediada em um país preocupante
   *[other] { unit-count } foram enviadas para endpoints controlados por uma empresa sediada em um país preocupante
}
reason-third-party-cookies = { $n ->
    [one] { $n } cookie de terceiros foi instalado
   *[other] { $n } cookies de terceiros foram instalados
}
reason-identifiers-sent = valores que parecem identificadores foram enviados para fora do site ou para rastreadores ({ $n ->
    [one] { $n } campo
   *[other] { $n } campos
})
reason-contact-details-sent = endereços de e-mail, números de telefone ou seus hashes foram enviados ({ $n ->
    [one] { $n } campo
   *[other] { $n } campos
})
reason-clean = sem rastreadores, sem cookies de terceiros, nada enviado a um país preocupante nem a uma empresa de um país preocupante

## O resumo do pop-up

popup-tracker-count = { $unit ->
    [connections] { $n ->
        [one] { $n } conexão de rastreamento
       *[other] { $n } conexões de rastreamento
    }
   *[requests] { $n ->
        [one] { $n } requisição de rastreamento
       *[other] { $n } requisições de rastreamento
    }
}
popup-tracker-endpoints = { $n ->
    [one] { $n } endpoint de rastreamento
   *[other] { $n } endpoints de rastreamento
}
popup-tracker-companies = { $n ->
    [one] { $n } empresa de rastreamento
   *[other] { $n } empresas de rastreamento
}
popup-unidentified-domains = { $n ->
    [one] { $n } domínio de rastreamento não identificado
   *[other] { $n } domínios de rastreamento não identificados
}
popup-sent = { $size } enviados
popup-folded = { $endpoints } endpoints ({ unit-count }) agrupados para manter o relatório com tamanho limitado: contados acima, não listados.
popup-server-of-concern = { unit-count } para servidores em um país preocupante
popup-app = Aplicativo
popup-device = Este dispositivo
popup-published-by = {" "}· publicado por { $publisher }
popup-part-of = , parte de { $group }
popup-no-publisher = {" "}· não se sabe quem o publica: todos os hosts são considerados de terceiros
popup-packet-limits = O que uma captura de pacotes não consegue mostrar
popup-details = Detalhes: telemetria, empresas, redes e todos os endpoints
popup-telemetry = Telemetria da plataforma
popup-companies = Empresas
popup-networks = Redes de hospedagem
popup-endpoints = Endpoints
popup-endpoints-caption = Endpoints contatados por { $site }
popup-col-host = Host
popup-col-company = Empresa
popup-col-server = Servidor
popup-col-count = { $unit ->
    [connections] Conex.
   *[requests] Req.
}
popup-col-sent = Enviado
popup-attribution = Os países indicam onde os blocos de endereços estão registrados. Dados de IP: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Política: { $policy }.

## Os detalhes do pop-up: empresas, redes, endpoints

rule-in-list = {" "}na lista { $list }, linha { $line }
rule-entity-map = o mapa de entidades classifica este domínio como { $category }
idn-note = (nome internacional, forma ASCII)
idn-title = Um nome de domínio internacionalizado, exibido na sua forma ASCII (punycode): a sua forma Unicode poderia se parecer com outro nome.
company-domiciled = {" "}— domicílio legal:{" "}
company-domicile-title = país de constituição
company-headquartered = , sede:{" "}
company-part-of = {" "}· parte de { $parent }
company-received = {" "}· recebeu { $fields }
not-known-title = desconhecido
network-unknown = rede desconhecida
network-share = {" "}— { $requests } das { unit-many }, { $bytes } dos bytes recebidos
telemetry-line = { unit-count } ({ $size }) para { $endpoints ->
    [one] { $endpoints } endpoint de telemetria e de logs
   *[other] { $endpoints } endpoints de telemetria e de logs
}
telemetry-countries = , servidores registrados em { $countries }
telemetry-identifiers = ; identificadores enviados:{" "}
endpoint-why = por quê
endpoint-party = { $party ->
    [first-party] próprio
    [same-entity] da mesma entidade
   *[third-party] de terceiros
} · domínio{" "}
endpoint-name-from = Origem do nome em { unit-count }: { $basis }
endpoint-also-answered = Seus endereços também correspondiam a:{" "}
endpoint-not-matched = Não corresponde a nenhuma lista de rastreadores.
endpoint-rules-not-listed = { $n ->
    [one] Mais { unit-count } de rastreamento correspondeu a regras não listadas aqui.
   *[other] Mais { unit-count } de rastreamento corresponderam a regras não listadas aqui.
}
endpoint-sent = Enviado:{" "}
endpoint-binary = { $n ->
    [one] { $n } corpo binário ({ $type }, { $size }), não lido em busca de campos
   *[other] { $n } corpos binários ({ $type }, { $size }), não lidos em busca de campos
}
endpoint-owner = Proprietário: { $basis }
endpoint-hq-stated-by = ; sede segundo { $source }
endpoint-sources = Fontes:{" "}
endpoint-company-unknown = desconhecida
endpoint-no-ip = { $n } { unit-short } sem IP de servidor (local desconhecido)
basis-cited = citado
basis-listed = listado por { $source }
basis-network = inferido a partir da sua rede AS{ $asn }
location-registered = registrado
location-local = local
location-overlay = sobreposição
location-unknown = desconhecido
name-basis-tls = nome do servidor TLS (SNI)
name-basis-quic = nome do servidor QUIC (SNI)
name-basis-http = cabeçalho HTTP Host
name-basis-dns = resposta DNS
name-basis-dns-ambiguous = respostas DNS com vários nomes de host para este endereço
name-basis-recorder = registro da ferramenta de captura (PCAPdroid)
name-basis-none = sem nome na captura
sent-kind-identifier = identificador
sent-kind-email = endereço de e-mail
sent-kind-phone = número de telefone
sent-kind-hashed = hash de e-mail ou de telefone
sent-reason-email = o valor é um endereço de e-mail
sent-reason-hashed = um campo com nome de e-mail ou de telefone continha um hash
sent-reason-phone = o valor é um número de telefone
sent-reason-identifier = o nome corresponde a um campo identificador conhecido
sent-reason-token = o valor parece um token único gerado automaticamente

## Novidades desde a última visita (o banner)

novelty-trackers = Novidade desde a sua última visita: pela primeira vez, { $site } envia dados para { $trackers }.
novelty-countries = Novidade desde a sua última visita: pela primeira vez, { $site } usa servidores registrados em { $countries }.
novelty-both = Novidade desde a sua última visita: pela primeira vez, { $site } envia dados para { $trackers } e usa servidores registrados em { $countries }.

## Constatações (uma frase cada; o ponto final é acrescentado por "sentence")

sentence = { $text }.
finding-server-of-concern = { $n ->
    [one] { unit-count } foi enviada para { $host }, em servidores registrados em { $countries } — preocupante segundo a política: { $policy }
   *[other] { unit-count } foram enviadas para { $host }, em servidores registrados em { $countries } — preocupante segundo a política: { $policy }
}
finding-telemetry = { unit-count } para { $host }: telemetria e logs da própria plataforma, operados por { $owner }
finding-tracker = { unit-count } para { $host }: { $category }, operado por { $owner }
finding-owner-unknown = uma empresa não identificada
finding-identifiers = { $host } recebeu valores que parecem identificadores: { $fields }
finding-contact = { $host } recebeu endereços de e-mail, números de telefone ou seus hashes nos campos: { $fields }
finding-cookies = { $host } instalou { $n ->
    [one] { $n } cookie de terceiros
   *[other] { $n } cookies de terceiros
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, parte de { $parent } ({ $countries })
finding-company = { $who } controla { $endpoints ->
    [one] { $endpoints } endpoint que recebeu
   *[other] { $endpoints } endpoints que receberam
} { unit-count }: { $itself ->
    [yes] uma empresa sediada
   *[no] a sua empresa controladora está sediada
} em um país preocupante, independentemente de onde estejam os servidores.

## Políticas

policy-us = países preocupantes do US Data Security Program, norma dos EUA ({ $countries }), situação em { $date }
policy-eu = fora do EEE e sem decisão de adequação do RGPD, situação em { $date }
policy-custom = lista personalizada ({ $countries })

## O que uma captura de pacotes não consegue mostrar (o relatório da captura de um celular)

limit-connections-not-requests = Uma captura de pacotes mostra conexões, não requisições: nenhuma URL, caminho, método, status, cookie ou campo enviado é conhecido; por isso, nenhum campo é relatado e só se aplicam as regras das listas de rastreadores que tratam de hosts inteiros.
limit-names-pcapdroid = Os nomes de host são a leitura do próprio PCAPdroid (a sua coluna Info), que não diz se cada um veio do DNS, do TLS ou do HTTP; uma conexão à qual ele não atribui nenhum nome aparece no relatório pelo endereço e pela rede do seu servidor.
limit-names-basis = Cada nome de host aparece no relatório com a forma como foi obtido (nome do servidor TLS ou QUIC, cabeçalho HTTP Host ou uma resposta DNS anterior); uma conexão sem nenhum nome aparece no relatório pelo endereço e pela rede do seu servidor.
limit-encrypted-dns = { $n ->
    [one] { $n } conexão teve como destino
   *[other] { $n } conexões tiveram como destino
} servidores de DNS criptografado (DNS over TLS ou HTTPS): os nomes que eles resolveram não podem ser lidos; por isso, pode faltar o nome de conexões nomeadas apenas pelo DNS.
limit-other-ip = { $n ->
    [one] { $n } pacote IP não era TCP nem UDP (ICMP, outros protocolos) ou era um fragmento posterior de um datagrama: não pertence a nenhuma conexão, e os seus bytes não foram contabilizados.
   *[other] { $n } pacotes IP não eram TCP nem UDP (ICMP, outros protocolos) ou eram fragmentos posteriores de um datagrama: não pertencem a nenhuma conexão, e os seus bytes não foram contabilizados.
}
limit-dns-not-kept = { $n ->
    [one] { $n } resposta DNS não pôde ser guardada (a captura continha respostas para mais de 100.000 endereços): as conexões que ela teria nomeado podem aparecer no relatório pelo endereço.
   *[other] { $n } respostas DNS não puderam ser guardadas (a captura continha respostas para mais de 100.000 endereços): as conexões que elas teriam nomeado podem aparecer no relatório pelo endereço.
}
limit-ech = { $n ->
    [one] { $n } conexão continha
   *[other] { $n } conexões continham
} uma extensão Encrypted Client Hello. Clientes baseados no Chrome enviam essa extensão mesmo quando não criptografam nada (GREASE), e nesse caso o nome exibido é o verdadeiro; quando o ECH estava de fato em uso, o nome exibido é o externo, público, e o verdadeiro nome do servidor fica oculto. A captura não consegue distinguir os dois casos.
limit-ambiguous = { $n ->
    [one] { $n } conexão teve como destino um endereço que o DNS atribuiu a vários nomes: não se sabe a qual nome ela se destinava; por isso, aparece no relatório pelo endereço, com todos os nomes listados.
   *[other] { $n } conexões tiveram como destino endereços que o DNS atribuiu a vários nomes: não se sabe a qual nome cada uma se destinava; por isso, aparecem no relatório pelo endereço, com todos os nomes listados.
}
limit-mid-stream = { $n ->
    [one] { $n } conexão começou antes da captura: os seus primeiros bytes, que contêm o nome, não foram capturados.
   *[other] { $n } conexões começaram antes da captura: os seus primeiros bytes, que contêm o nome, não foram capturados.
}
limit-stopped = A leitura parou antes do fim do arquivo ({ $why }); as conexões lidas até então aparecem no relatório.

## A exportação em HTML

html-title = Relatório do Borderline: { $site }
html-why-grade = Por que esta nota ({ $score }/100)
html-head = { $from } – { $to } · seu país: { $home } · política: { $policy }
html-about = Sobre o que é este relatório
html-app = O aplicativo{" "}
html-as = , segundo { $basis }
html-published-by = Publicado por { $publisher }{" "}
html-group = , parte de { $group }{" "}
html-group-same = : os hosts de qualquer empresa desse grupo são considerados da mesma entidade.{" "}
html-company-same = : os hosts dessa empresa são considerados da mesma entidade.{" "}
html-no-publisher = Não se sabe quem o publica: todos os hosts são considerados de terceiros.{" "}
html-card-count = { unit-many }
html-card-tracker = { unit-many } de rastreamento
html-card-endpoints = endpoints de rastreamento
html-card-companies = empresas de rastreamento
html-card-unidentified = domínios de rastreamento não identificados
html-card-sent = enviados
html-card-concern = { unit-many } para servidores em um país preocupante
html-definitions = { $unit ->
    [connections] Uma conexão de rastreamento é uma conexão que corresponde a uma lista de rastreadores ou que foi enviada a um domínio que o mapa de entidades classifica como de rastreamento; um endpoint de rastreamento é um host que recebeu uma; uma empresa de rastreamento é a proprietária de um endpoint desses; um domínio de rastreamento não identificado é um domínio que nenhum dado de empresa menciona. Toda contagem é uma contagem de conexões que têm essa propriedade.
   *[requests] Uma requisição de rastreamento é uma requisição que corresponde a uma lista de rastreadores ou que foi enviada a um domínio que o mapa de entidades classifica como de rastreamento; um endpoint de rastreamento é um host que recebeu uma; uma empresa de rastreamento é a proprietária de um endpoint desses; um domínio de rastreamento não identificado é um domínio que nenhum dado de empresa menciona. Toda contagem é uma contagem de requisições que têm essa propriedade.
}
html-capture = Captura: SHA-256{" "}
html-recorded-by = , registrada por { $tool }
html-data = , dados:{" "}
html-without-ip = { $n ->
    [one] { unit-count } não chegou a nenhum IP de servidor conhecido (falhou ou foi servida do cache): o país do servidor é desconhecido.
   *[other] { unit-count } não chegaram a nenhum IP de servidor conhecido (falharam ou foram servidas do cache): o país do servidor é desconhecido.
}
html-skipped = { $n ->
    [one] { unit-count } não pôde ser lida e não foi contabilizada acima.
   *[other] { unit-count } não puderam ser lidas e não foram contabilizadas acima.
}
html-folded = { $endpoints ->
    [one] { $endpoints } endpoint ({ unit-count }) agrupado para manter o relatório com tamanho limitado: contado nos totais, não listado.
   *[other] { $endpoints } endpoints ({ unit-count }) agrupados para manter o relatório com tamanho limitado: contados nos totais, não listados.
}
html-log-dropped = { $n ->
    [one] { $n } linha foi descartada
   *[other] { $n } linhas foram descartadas
} do log; as contagens acima estão completas.
html-findings = Constatações
html-telemetry = { unit-count } ({ $size }) para os endpoints de telemetria e de logs da própria plataforma:{" "}
html-telemetry-countries = . Servidores registrados em { $countries }
html-telemetry-identifiers = . Identificadores enviados: { $identifiers }
html-col-company = Empresa
html-col-domiciled = Domicílio legal
html-col-headquarters = Sede
html-col-parent = Controladora
html-col-jurisdiction = Jurisdição
html-col-tracker-count = { unit-short } de rastreamento
html-col-sent = Enviado
html-unidentified = Domínios de rastreamento não identificados
html-unidentified-note = Domínios que receberam requisições de rastreamento e que nenhum dado de empresa menciona. São contados como domínios, não como empresas.
html-col-domain = Domínio
html-col-endpoints = Endpoints
html-where = Para onde foram as { unit-many } (país de registro do servidor)
html-networks-chart = { unit-many-cap } por rede de hospedagem, em gráfico de barras
html-col-host = Host
html-col-party = Relação
party-first-party = próprio
party-same-entity = da mesma entidade
party-third-party = de terceiros
html-col-tracker = Rastreador
html-col-ips = IPs e locais
html-col-server = Servidor
html-col-fields = Campos enviados
html-name-from = nome obtido de { $basis }: { $n } { unit-short }
html-also-answered = seus endereços também correspondiam a:{" "}
html-tracker-share = ({ $n } de { $total } { unit-short })
html-rules-not-listed = { $n ->
    [one] mais { $n } regra correspondente não listada
   *[other] mais { $n } regras correspondentes não listadas
}
html-no-ip = { $n } { unit-short } sem IP de servidor
html-binary = { $n ->
    [one] { $n } corpo binário ({ $type }, { $size }), não lido em busca de campos
   *[other] { $n } corpos binários ({ $type }, { $size }), não lidos em busca de campos
}
html-sources = Fontes de dados
html-footer = Os países dos servidores indicam onde os blocos de endereços estão registrados, o que nem sempre corresponde ao local onde o servidor está fisicamente.{" "}
html-generated = . Gerado por { $generator }, offline.

## O aviso na página (texto simples)

warn-company-of-concern = { $site } se comunica com servidores controlados por { $who }, sediada em um país preocupante segundo a sua política.
warn-sent = { $site } enviou dados para { $host } — operado por { $who }, { $where }.
warn-sent-kinds = { $site } enviou dados para { $host } — { $kinds }, operado por { $who }, { $where }.
warn-who-parent = { $name } (parte de { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = uma empresa não identificada
warn-where-unknown = um local desconhecido
warn-where-one = um servidor cujo país de registro é { $country }
warn-where-many = servidores cujos países de registro são { $countries }
warn-of-concern = { $sentence } Preocupante segundo a sua política.
warn-and = { $a } e { $b }
banner-servers = { $unit ->
    [connections] Conexões até agora por país do servidor: { $servers }.
   *[requests] Requisições até agora por país do servidor: { $servers }.
}
banner-companies = Principais empresas: { $companies }.

## Países de uma empresa

countries-none = países desconhecidos
countries-both = { $domicile }, { $headquarters }
domicile-known = domicílio legal: { $country }
domicile-unknown = domicílio legal desconhecido
headquarters-known = sede: { $country }
headquarters-unknown = sede desconhecida

## Tipos de rastreador (uma etiqueta ao lado de um endpoint)

category-advertising = publicidade
category-analytics = análise
category-telemetry = telemetria
category-social = social
category-session-replay = gravação de sessões
category-fingerprinting = impressão digital
category-cdn = cdn
category-content = conteúdo
category-api = api
