// The test sites' hosts: each gets its own loopback address (so the extension
// sees distinct IPs) and the facts the test build's IP overlay reports for it.
// Production tables never contain loopback addresses; only the test build
// carries this overlay.
export const HOSTS = [
  // TikTok-like
  ['www.tiktok.com', '127.0.0.2', 'US', 20940, 'Akamai International B.V.'],
  ['sf16-website-login.neutral.ttwstatic.com', '127.0.0.3', 'US', 396986, 'Bytedance Inc.'],
  ['mon.tiktokv.com', '127.0.0.4', 'SG', 45102, 'Alibaba (US) Technology Co., Ltd.'],
  ['mcs.tiktokw.us', '127.0.0.5', 'US', 31898, 'Oracle Corporation'],
  ['analytics.tiktok.com', '127.0.0.6', 'CN', 4134, 'Chinanet'],
  ['www.google-analytics.com', '127.0.0.7', 'US', 15169, 'Google LLC'],
  ['p16-sign-va.tiktokcdn.com', '127.0.0.8', 'US', 396986, 'Bytedance Inc.'],
  ['log16-normal-c-useast1a.tiktokv.com', '127.0.0.9', 'US', 31898, 'Oracle Corporation'],
  // YouTube-like
  ['www.youtube.com', '127.0.0.20', 'US', 15169, 'Google LLC'],
  ['i.ytimg.com', '127.0.0.21', 'US', 15169, 'Google LLC'],
  ['googleads.g.doubleclick.net', '127.0.0.22', 'US', 15169, 'Google LLC'],
  // Instagram-like
  ['www.instagram.com', '127.0.0.30', 'US', 32934, 'Facebook, Inc.'],
  ['scontent-lhr8-1.cdninstagram.com', '127.0.0.31', 'IE', 32934, 'Facebook, Inc.'],
  ['connect.facebook.net', '127.0.0.32', 'IE', 32934, 'Facebook, Inc.'],
  // Twitch-like
  ['www.twitch.tv', '127.0.0.40', 'US', 46489, 'Twitch Interactive Inc.'],
  ['spade.twitch.tv', '127.0.0.41', 'US', 16509, 'Amazon.com, Inc.'],
  // Bilibili-like
  ['www.bilibili.com', '127.0.0.50', 'CN', 23724, 'IDC, China Telecommunications Corporation'],
  ['data.bilibili.com', '127.0.0.51', 'CN', 4134, 'Chinanet'],
  ['s1.hdslb.com', '127.0.0.52', 'CN', 37963, 'Hangzhou Alibaba Advertising Co.,Ltd.'],
  // An internationalised name that imitates tiktok.com (ASCII form of "tíktok.com")
  ['xn--tktok-qsa.com', '127.0.0.60', 'NL', 64512, 'Example Hosting <b>B.V.</b>'],
];

/** Chromium's --host-resolver-rules: each host to its address; anything else fails (no internet). */
export function resolverRules() {
  return [...HOSTS.map(([host, ip]) => `MAP ${host} ${ip}`), 'MAP * ~NOTFOUND'].join(', ');
}

/** The IP overlay the test build of the extension carries. */
export function overlay() {
  return HOSTS.map(([, ip, country, asn, organisation]) => ({ network: ip, prefix: 32, country, asn, organisation }));
}
