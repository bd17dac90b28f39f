# 报告页面（www/）：核心渲染的报告之外，页面自身的文字。
# 以纯文本显示（绝不作为标记）；ID 与 www/index.html 中的 data-l10n-id 对应。

www-title = Borderline：从 HAR 文件看谁在监视
www-intro = 拖入某个网站的 HAR 捕获文件（从浏览器开发者工具、mitmproxy 或 Charles 导出），或手机的数据包捕获文件（PCAP 或 PCAPNG，例如来自 PCAPdroid，或 PCAPdroid 的连接 CSV），即可查看该网站或手机与哪些公司通信、这些公司的服务器位于何处，以及发送了哪些内容。文件不会离开本页面：一切都在这里离线运行。
www-input = 选择捕获文件
www-choose = 选择 HAR 文件或数据包捕获文件
www-drop = 或拖放到此处，或
www-sample = 试用示例
www-sample-phone = 或手机捕获示例
www-home = 所在国家
www-policy = 策略
www-policy-us = US Data Security Program（美国法规）
www-policy-eu = 欧盟/欧洲经济区充分性认定
www-policy-custom = 自定义列表
www-custom = 自定义受关注国家
www-site = 网站
www-reading = 正在读取捕获文件
www-export = 导出
www-only-trackers = 仅跟踪器
www-only-foreign = 仅外国
www-footer = Borderline 完全在本页面中运行，不会上传任何内容。IP 数据：NRO、RouteViews、IP Geolocation by DB-IP。
www-worker-failed = 无法生成报告：{ $reason }
www-too-large = 此文件大小为 { $size } MB，过大，无法在浏览器中读取（上限为 { $limit } MB）。命令行工具可以读取更大的捕获文件。
