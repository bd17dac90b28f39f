# A página do relatório (www/): seus próprios textos em torno do relatório que o núcleo apresenta.
# Exibidos como texto (nunca como marcação); os identificadores correspondem a data-l10n-id em www/index.html.

www-title = Borderline: quem está observando, a partir de um arquivo HAR
www-intro = Arraste para cá uma captura HAR de um site (exportada das ferramentas de desenvolvedor do seu navegador, do mitmproxy ou do Charles) ou uma captura de pacotes de um celular (PCAP ou PCAPNG, por exemplo do PCAPdroid, ou o CSV de conexões do PCAPdroid) para ver com quais empresas o site ou o celular se comunica, onde ficam os servidores delas e o que foi enviado. O arquivo nunca sai desta página: tudo é executado aqui, offline.
www-input = Escolher uma captura
www-choose = Escolher um arquivo HAR ou uma captura de pacotes
www-drop = ou arraste o arquivo para cá, ou
www-sample = experimente o exemplo
www-sample-phone = ou uma captura de celular
www-home = Seu país
www-policy = Política
www-policy-us = US Data Security Program (norma dos EUA)
www-policy-eu = Adequação UE/EEE
www-policy-custom = Lista personalizada
www-custom = Lista personalizada de países preocupantes
www-site = Site
www-reading = Lendo a captura
www-export = Exportar
www-only-trackers = Somente rastreadores
www-only-foreign = Somente estrangeiros
www-footer = O Borderline é executado inteiramente nesta página; nada é enviado. Dados de IP: NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = Não foi possível gerar o relatório: { $reason }
www-too-large = Este arquivo tem { $size } MB: grande demais para ser lido em um navegador (limite: { $limit } MB). A ferramenta de linha de comando lê capturas maiores.
