# Borderline 由核心渲染的界面文字：首屏、弹出窗口、页内警告以及评级理由。
# JSON 字段名和 CSV 表头属于约定接口，保持英文，不在此文件中。
#
# 变量：$unit 为 "requests" 或 "connections"（计数的对象）；
# $n、$count、$points 等为数字；其余均为文本。
# 国家名称来自 CLDR（country-XX，自动生成），不在此文件中。

## 单位

unit-many = { $unit ->
    [connections] 连接
   *[requests] 请求
}
unit-many-cap = { $unit ->
    [connections] 连接
   *[requests] 请求
}
unit-count = { $unit ->
    [connections] { $n ->
       *[other] { $n } 个连接
    }
   *[requests] { $n ->
       *[other] { $n } 个请求
    }
}
unit-short = { $unit ->
    [connections] 连接
   *[requests] 请求
}

## 首屏

glance-heading = { unit-many }的去向与接收方
glance-main-reason = 评级的主要原因：{ $reason }
glance-server-countries = 服务器所属国家（{ unit-many }）
glance-server-countries-chart = 各服务器所属国家的{ unit-many-cap }数（条形图）
glance-company-countries = 控制方公司所属国家（{ unit-many }）
glance-company-countries-chart = 各控制方公司所属国家的{ unit-many-cap }数（条形图）
glance-top-companies = 主要公司
glance-country-not-known = 国家不明
glance-of-concern = 受关注
glance-bar-unknown = 未知
glance-bar-local = 本地
glance-bar-no-company = 未列明公司
glance-bar-folded = 已合并（未列出）

## 司法管辖区（服务器或公司旁的标签）

jurisdiction-home = 本国
jurisdiction-foreign = 外国
jurisdiction-of-concern = 受关注
jurisdiction-unknown = 未知
jurisdiction-local = 本地

## 评级

grade-aria = 评级 { $letter }，得分 { $score }（满分 100）
grade-why = 为什么是 { $letter }？
reason-trackers = { $companies ->
    [0] { $domains ->
       *[other] { $domains } 个未识别的跟踪器域名
    }
   *[other] { $companies ->
       *[other] { $companies } 家跟踪器公司
    }{ $domains ->
        [0] {""}
       *[other] 和 { $domains } 个未识别的跟踪器域名
    }
}接收了跟踪器{ unit-many }（每个 { $per } 分，最多 { $max } 分）
reason-session-replay = 会话回放服务可以记录您在页面上的操作
reason-fingerprinting = 指纹识别服务可以在不使用 Cookie 的情况下识别您的浏览器
reason-server-of-concern = { unit-count }发往注册地在受关注国家的服务器
reason-entity-of-concern = { unit-count }发往由设在受关注国家的公司所控制的端点
reason-third-party-cookies = { $n ->
   *[other] 设置了 { $n } 个第三方 Cookie
}
reason-identifiers-sent = 类似标识符的值被发送到网站之外或发送给跟踪器（{ $n ->
   *[other] { $n } 个字段
}）
reason-contact-details-sent = 电子邮件地址、电话号码或其哈希值被发送出去（{ $n ->
   *[other] { $n } 个字段
}）
reason-clean = 没有跟踪器，没有第三方 Cookie，也没有向受关注国家或受关注公司发送任何数据

## 弹出窗口摘要

popup-tracker-count = { $unit ->
    [connections] { $n ->
       *[other] { $n } 个跟踪器连接
    }
   *[requests] { $n ->
       *[other] { $n } 个跟踪器请求
    }
}
popup-tracker-endpoints = { $n ->
   *[other] { $n } 个跟踪器端点
}
popup-tracker-companies = { $n ->
   *[other] { $n } 家跟踪器公司
}
popup-unidentified-domains = { $n ->
   *[other] { $n } 个未识别的跟踪器域名
}
popup-sent = 已发送 { $size }
popup-folded = 为控制报告篇幅，{ $endpoints } 个端点（{ unit-count }）已合并：已计入上方统计，但未逐一列出。
popup-server-of-concern = { unit-count }发往受关注国家的服务器
popup-app = 应用
popup-device = 本设备
popup-published-by = {" "}· 发布者：{ $publisher }
popup-part-of = ，隶属于 { $group }
popup-no-publisher = {" "}· 发布者不明：所有主机均计为第三方
popup-packet-limits = 数据包捕获无法显示的内容
popup-details = 详情：遥测、公司、网络及所有端点
popup-telemetry = 平台遥测
popup-companies = 公司
popup-networks = 托管网络
popup-endpoints = 端点
popup-endpoints-caption = { $site } 所连接的端点
popup-col-host = 主机
popup-col-company = 公司
popup-col-server = 服务器
popup-col-count = { $unit ->
    [connections] 连接数
   *[requests] 请求数
}
popup-col-sent = 已发送
popup-attribution = 国家指地址块的注册地。IP 数据：NRO、RouteViews、IP Geolocation by DB-IP（db-ip.com）。策略：{ $policy }。

## 弹出窗口详情：公司、网络、端点

rule-in-list = {" "}位于 { $list } 第 { $line } 行
rule-entity-map = 实体映射表将此域名归类为{ $category }
idn-note = （国际化域名，ASCII 形式）
idn-title = 国际化域名，以其 ASCII（punycode）形式显示：其 Unicode 形式可能看起来像另一个名称。
company-domiciled = ——注册于{" "}
company-domicile-title = 公司注册成立的国家
company-headquartered = ，总部位于{" "}
company-part-of = {" "}· 隶属于 { $parent }
company-received = {" "}· 收到字段 { $fields }
not-known-title = 未知
network-unknown = 未知网络
network-share = ——{ unit-many }占 { $requests }，接收字节占 { $bytes }
telemetry-line = { unit-count }（{ $size }）发往 { $endpoints } 个遥测和日志端点
telemetry-countries = ，服务器注册于 { $countries }
telemetry-identifiers = ；发送的标识符：
endpoint-why = 原因
endpoint-party = { $party ->
    [first-party] 第一方
    [same-entity] 同一实体
   *[third-party] 第三方
} · 域名{" "}
endpoint-name-from = 名称来源：{ $basis }，共 { unit-count }
endpoint-also-answered = 在 DNS 应答中，其地址也对应以下名称：
endpoint-not-matched = 未被任何跟踪器列表匹配。
endpoint-rules-not-listed = 另有 { $n } 个跟踪器{ unit-many }匹配了未在此列出的规则。
endpoint-sent = 已发送：
endpoint-binary = { $n ->
   *[other] { $n } 个二进制请求体
}（{ $type }，{ $size }），未从中读取字段
endpoint-owner = 所有者：{ $basis }
endpoint-hq-stated-by = ；总部所在地据 { $source } 所述
endpoint-sources = 来源：
endpoint-company-unknown = 未知
endpoint-no-ip = { $n } 个{ unit-short }没有服务器 IP（位置未知）
basis-cited = 有来源引证
basis-listed = 由 { $source } 列出
basis-network = 根据其网络 AS{ $asn } 推断
location-registered = 注册地
location-local = 本地
location-overlay = 覆盖层
location-unknown = 未知
name-basis-tls = TLS 服务器名称（SNI）
name-basis-quic = QUIC 服务器名称（SNI）
name-basis-http = HTTP Host 请求头
name-basis-dns = DNS 应答
name-basis-dns-ambiguous = DNS 应答为此地址给出了多个主机名
name-basis-recorder = 捕获工具的记录（PCAPdroid）
name-basis-none = 捕获中没有名称
sent-kind-identifier = 标识符
sent-kind-email = 电子邮件地址
sent-kind-phone = 电话号码
sent-kind-hashed = 电子邮件或电话号码的哈希值
sent-reason-email = 该值是电子邮件地址
sent-reason-hashed = 以电子邮件或电话命名的字段携带了哈希值
sent-reason-phone = 该值是电话号码
sent-reason-identifier = 该名称是已知的标识符字段
sent-reason-token = 该值看起来像机器生成的唯一令牌

## 自上次访问以来的新情况（横幅）

novelty-trackers = 自您上次访问以来的新情况：{ $site } 首次向 { $trackers } 发送数据。
novelty-countries = 自您上次访问以来的新情况：{ $site } 首次使用注册于 { $countries } 的服务器。
novelty-both = 自您上次访问以来的新情况：{ $site } 首次向 { $trackers } 发送数据，并首次使用注册于 { $countries } 的服务器。

## 检查结果（每条一句；句号由 "sentence" 添加）

sentence = { $text }。
finding-server-of-concern = { unit-count }发往 { $host }，其服务器注册于 { $countries }——根据策略“{ $policy }”属于受关注国家
finding-telemetry = { unit-count }发往 { $host }：平台自身的遥测和日志，由 { $owner }运营
finding-tracker = { unit-count }发往 { $host }：{ $category }，由 { $owner }运营
finding-owner-unknown = 未识别的公司
finding-identifiers = { $host } 收到了类似标识符的值：{ $fields }
finding-contact = { $host } 在以下字段中收到了电子邮件地址、电话号码或其哈希值：{ $fields }
finding-cookies = { $host } 设置了 { $n ->
   *[other] { $n } 个第三方 Cookie
}
finding-who = { $name }（{ $countries }）
finding-who-parent = { $who }，隶属于 { $parent }（{ $countries }）
finding-company = { $who }控制着 { $endpoints ->
   *[other] { $endpoints } 个端点
}，这些端点收到了 { unit-count }：{ $itself ->
    [yes] 该公司本身
   *[no] 其母公司
}设在受关注国家，无论服务器位于何处。

## 策略

policy-us = 美国法规 US Data Security Program 所列受关注国家（{ $countries }），截至 { $date }
policy-eu = 未获 GDPR 充分性认定的欧洲经济区以外国家，截至 { $date }
policy-custom = 自定义列表（{ $countries }）

## 数据包捕获无法显示的内容（手机捕获的报告）

limit-connections-not-requests = 数据包捕获显示的是连接，而不是请求：URL、路径、方法、状态、Cookie 和发送的字段均无从得知，因此不报告任何字段，只应用跟踪器列表中针对整个主机的规则。
limit-names-pcapdroid = 主机名是 PCAPdroid 自己读取的结果（其 Info 列），它并未说明每个名称来自 DNS、TLS 还是 HTTP；PCAPdroid 未给出名称的连接，按其服务器的地址和网络报告。
limit-names-basis = 每个主机名都注明了其获取方式（TLS 或 QUIC 服务器名称、HTTP Host 请求头，或先前的 DNS 应答）；没有任何名称的连接，按其服务器的地址和网络报告。
limit-encrypted-dns = { $n ->
   *[other] { $n } 个连接
}发往加密 DNS 服务器（DNS over TLS 或 HTTPS）：这些服务器解析的名称无法读取，因此仅靠 DNS 获得名称的连接可能缺少名称。
limit-other-ip = { $n ->
   *[other] { $n } 个 IP 数据包
}既不是 TCP 也不是 UDP（ICMP、其他协议），或是数据报的后续分片：它们不属于任何连接，其字节未计入。
limit-dns-not-kept = { $n ->
   *[other] { $n } 条 DNS 应答
}未能保留（捕获中的应答涉及超过 100,000 个地址）：本可由这些应答得到名称的连接，可能按地址报告。
limit-ech = { $n ->
   *[other] { $n } 个连接
}带有 Encrypted Client Hello 扩展。基于 Chrome 的客户端即使不加密任何内容也会发送该扩展（GREASE），此时显示的名称就是真实名称；而在确实使用 ECH 的情况下，显示的名称是外层的公开名称，真实的服务器名称被隐藏。捕获无法区分这两种情况。
limit-ambiguous = { $n ->
   *[other] { $n } 个连接
}发往 DNS 同时分配给多个名称的地址：无法得知每个连接对应的是哪个名称，因此按地址报告，并列出所有名称。
limit-mid-stream = { $n ->
   *[other] { $n } 个连接
}在捕获开始之前就已开始：其最初的字节（包含名称）未被捕获。
limit-stopped = 读取在文件结束之前停止（{ $why }）；报告的是在此之前读取到的连接。

## HTML 导出

html-title = Borderline 报告：{ $site }
html-why-grade = 为什么是这个评级（{ $score }/100）
html-head = { $from } – { $to } · 所在国家：{ $home } · 策略：{ $policy }
html-about = 本报告的对象
html-app = 应用{" "}
html-as = ，来源：{ $basis }
html-published-by = 发布者：{ $publisher }{" "}
html-group = ，隶属于 { $group }{" "}
html-group-same = ：该集团内任何公司的主机均计为同一实体。
html-company-same = ：该公司的主机均计为同一实体。
html-no-publisher = 发布者不明：所有主机均计为第三方。
html-card-count = { unit-many }
html-card-tracker = 跟踪器{ unit-many }
html-card-endpoints = 跟踪器端点
html-card-companies = 跟踪器公司
html-card-unidentified = 未识别的跟踪器域名
html-card-sent = 已发送
html-card-concern = 发往受关注国家服务器的{ unit-many }
html-definitions = { $unit ->
    [connections] 跟踪器连接是指被跟踪器列表匹配、或发往实体映射表归类为跟踪的域名的连接；跟踪器端点是指收到过此类连接的主机；跟踪器公司是指拥有此类端点的公司；未识别的跟踪器域名是指没有任何公司数据列明的域名。每项计数均为具有相应属性的连接数。
   *[requests] 跟踪器请求是指被跟踪器列表匹配、或发往实体映射表归类为跟踪的域名的请求；跟踪器端点是指收到过此类请求的主机；跟踪器公司是指拥有此类端点的公司；未识别的跟踪器域名是指没有任何公司数据列明的域名。每项计数均为具有相应属性的请求数。
}
html-capture = 捕获：SHA-256{" "}
html-recorded-by = ，由 { $tool } 记录
html-data = ，数据：
html-without-ip = { unit-count }未到达任何已知的服务器 IP（失败或由缓存提供）：其服务器所属国家不明。
html-skipped = { unit-count }无法读取，未计入上方统计。
html-folded = 为控制报告篇幅，{ $endpoints ->
   *[other] { $endpoints } 个端点
}（{ unit-count }）已合并：已计入总数，但未逐一列出。
html-log-dropped = 日志中有 { $n ->
   *[other] { $n } 行
}被丢弃；上方的计数是完整的。
html-findings = 检查结果
html-telemetry = { unit-count }（{ $size }）发往平台自身的遥测和日志端点：
html-telemetry-countries = 。服务器注册于 { $countries }
html-telemetry-identifiers = 。发送的标识符：{ $identifiers }
html-col-company = 公司
html-col-domiciled = 注册地
html-col-headquarters = 总部
html-col-parent = 母公司
html-col-jurisdiction = 司法管辖区
html-col-tracker-count = 跟踪器{ unit-short }
html-col-sent = 已发送
html-unidentified = 未识别的跟踪器域名
html-unidentified-note = 收到跟踪器请求、且没有任何公司数据列明的域名。它们按域名计数，而不是按公司计数。
html-col-domain = 域名
html-col-endpoints = 端点
html-where = { unit-many }的去向（服务器所属国家，以注册地为准）
html-networks-chart = 各托管网络的{ unit-many-cap }数（条形图）
html-col-host = 主机
html-col-party = 归属方
party-first-party = 第一方
party-same-entity = 同一实体
party-third-party = 第三方
html-col-tracker = 跟踪器
html-col-ips = IP 与位置
html-col-server = 服务器
html-col-fields = 发送的字段
html-name-from = 名称来源：{ $basis }，{ $n } 个{ unit-short }
html-also-answered = 在 DNS 应答中，其地址也对应以下名称：
html-tracker-share = （占 { $total } 个{ unit-short }中的 { $n } 个）
html-rules-not-listed = 另有 { $n } 条匹配的规则未列出
html-no-ip = { $n } 个{ unit-short }没有服务器 IP
html-binary = { $n } 个二进制请求体（{ $type }，{ $size }），未从中读取字段
html-sources = 数据来源
html-footer = 服务器所属国家指地址块的注册地，不一定是服务器的实际所在地。
html-generated = 。由 { $generator } 离线生成。

## 页内警告（纯文本）

warn-company-of-concern = { $site } 与 { $who }控制的服务器通信：根据您的策略，该公司设在受关注国家。
warn-sent = { $site } 向 { $host } 发送了数据——由 { $who }控制，{ $where }。
warn-sent-kinds = { $site } 向 { $host } 发送了数据——用于{ $kinds }，由 { $who }控制，{ $where }。
warn-who-parent = { $name }（隶属于 { $parent }，{ $countries }）
warn-who = { $name }（{ $countries }）
warn-who-unknown = 未识别的公司
warn-where-unknown = 位置不明
warn-where-one = 服务器注册于 { $country }
warn-where-many = 服务器注册于 { $countries }
warn-of-concern = { $sentence }根据您的策略，此项属于受关注情形。
warn-and = { $a }和{ $b }
banner-servers = { $unit ->
    [connections] 目前为止按服务器所属国家统计的连接：{ $servers }。
   *[requests] 目前为止按服务器所属国家统计的请求：{ $servers }。
}
banner-companies = 主要公司：{ $companies }。

## 公司所属国家

countries-none = 所属国家不明
countries-both = { $domicile }，{ $headquarters }
domicile-known = 注册于 { $country }
domicile-unknown = 注册地不明
headquarters-known = 总部位于 { $country }
headquarters-unknown = 总部所在地不明

## 跟踪器类型（端点旁的标签）

category-advertising = 广告
category-analytics = 分析
category-telemetry = 遥测
category-social = 社交
category-session-replay = 会话回放
category-fingerprinting = 指纹识别
category-cdn = CDN
category-content = 内容
category-api = API
