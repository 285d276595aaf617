import { afterEach, describe, expect, it, vi } from "vitest";
import {
  agentCacheSizeForTests,
  classifyRequest,
  isBotRequest,
  referrerHost,
  type ClickTraits,
} from "@/lib/clicks/classify";

// Real user agents as sent by the browsers, apps and fetchers named.
const UA = {
  iphoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
  androidChrome:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  windowsEdge:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
  macFirefox: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0",
  macSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  ubuntuFirefox: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  chromeOs:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  samsungInternet:
    "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  instagramIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.3.12.235 (iPhone15,3; iOS 17_4_1; en_US; en; scale=3.00; 1290x2796; 597474151)",
  instagramAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240405.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 Instagram 329.0.0.41.93 Android (34/14; 420dpi; 1080x2205; Google/google; Pixel 8; shiba; shiba; en_US; 592128321)",
  tiktokIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_34.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US ByteFullLocale/en isDarkMode/0 WKWebView/1 RevealType/Dialog BytedanceWebview/d8a21c6",
  // The "trill" build: ua-parser alone calls this "Chrome WebView".
  tiktokAndroid:
    "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/123.0.6312.118 Mobile Safari/537.36 trill_340103 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/34.1.3 ByteLocale/en ByteFullLocale/en Region/DE AppId/1180 Spark/1.5.1.2-bugfix AppVersion/34.1.3 BytedanceWebview/d8a21c6",
  facebookIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/462.0.0.47.83;FBBV/589131339;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.4.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/591553133]",
  facebookAndroid:
    "Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/462.0.0.43.112;]",
  messengerIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/453.0.0.41.109;FBBV/584063727;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5;FBRV/0]",
  threadsIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Barcelona 328.0.0.31.86 (iPhone14,2; iOS 17_4; en_US; en-US; scale=3.00; 1170x2532; 592030437) NW/3",
  snapchatIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.3.0.41 (like Safari/8617.2.4.10.8, panda)",
  linkedinAppIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.3475",
  twitterIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.40",
  pinterestAppIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]",
  telegramAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 Telegram-Android/10.11.2 (Google Pixel 8; Android 14; SDK 34; HIGH)",
  androidWebView:
    "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36",
  xbox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox Series X) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/48.0.2564.82 Safari/537.36 Edge/20.02",
  smartTv:
    "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.0 TV Safari/537.36",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  googlebotSmartphone:
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.118 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  headlessChrome:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.29 Safari/537.36",
  curl: "curl/8.4.0",
} as const;

// Link-preview fetchers: pasting a link into any of these apps makes them fetch it.
const PREVIEW_FETCHERS: ReadonlyArray<readonly [string, string]> = [
  ["Slackbot-LinkExpanding", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
  ["Slack-ImgProxy", "Slack-ImgProxy (+https://api.slack.com/robots)"],
  ["WhatsApp (Android)", "WhatsApp/2.23.20.0 A"],
  ["WhatsApp (iOS)", "WhatsApp/2.24.8.78 i"],
  ["facebookexternalhit", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
  ["Facebot", "Facebot"],
  ["meta-externalagent", "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)"],
  ["Twitterbot", "Twitterbot/1.0"],
  ["LinkedInBot", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"],
  ["Discordbot", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"],
  ["TelegramBot", "TelegramBot (like TwitterBot)"],
  [
    "SkypeUriPreview",
    "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
  ],
  ["Pinterest", "Pinterest/0.2 (+https://www.pinterest.com/bot.html)"],
  ["Pinterestbot", "Mozilla/5.0 (compatible; Pinterestbot/1.0; +https://www.pinterest.com/bot.html)"],
  ["Embedly", "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)"],
  [
    "iMessage",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
  ],
  [
    "Applebot",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
  ],
  ["HeadlessChrome", UA.headlessChrome],
];

function traits(userAgent: string | null, method = "GET", referer: string | null = null): ClickTraits {
  return classifyRequest({ method, userAgent, referer });
}

describe("classifyRequest: browsers, OS and device", () => {
  const cases: ReadonlyArray<readonly [string, string, Omit<ClickTraits, "isBot" | "referrer">]> = [
    ["iPhone Safari", UA.iphoneSafari, { device: "mobile", browser: "Safari", os: "iOS" }],
    ["Android Chrome", UA.androidChrome, { device: "mobile", browser: "Chrome", os: "Android" }],
    ["iPad Safari", UA.ipad, { device: "tablet", browser: "Safari", os: "iOS" }],
    ["Android tablet", UA.androidTablet, { device: "tablet", browser: "Chrome", os: "Android" }],
    ["Windows Edge", UA.windowsEdge, { device: "desktop", browser: "Edge", os: "Windows" }],
    ["macOS Firefox", UA.macFirefox, { device: "desktop", browser: "Firefox", os: "macOS" }],
    ["macOS Safari", UA.macSafari, { device: "desktop", browser: "Safari", os: "macOS" }],
    ["Ubuntu Firefox", UA.ubuntuFirefox, { device: "desktop", browser: "Firefox", os: "Linux" }],
    ["Chromebook", UA.chromeOs, { device: "desktop", browser: "Chrome", os: "Chrome OS" }],
    ["Samsung Internet", UA.samsungInternet, { device: "mobile", browser: "Samsung Internet", os: "Android" }],
    ["Instagram on iOS", UA.instagramIos, { device: "mobile", browser: "Instagram", os: "iOS" }],
    ["Instagram on Android", UA.instagramAndroid, { device: "mobile", browser: "Instagram", os: "Android" }],
    ["TikTok on iOS", UA.tiktokIos, { device: "mobile", browser: "TikTok", os: "iOS" }],
    ["TikTok on Android (trill)", UA.tiktokAndroid, { device: "mobile", browser: "TikTok", os: "Android" }],
    ["Facebook on iOS", UA.facebookIos, { device: "mobile", browser: "Facebook", os: "iOS" }],
    ["Facebook on Android", UA.facebookAndroid, { device: "mobile", browser: "Facebook", os: "Android" }],
    ["Messenger on iOS", UA.messengerIos, { device: "mobile", browser: "Messenger", os: "iOS" }],
    ["Threads on iOS", UA.threadsIos, { device: "mobile", browser: "Threads", os: "iOS" }],
    ["Snapchat on iOS", UA.snapchatIos, { device: "mobile", browser: "Snapchat", os: "iOS" }],
    ["LinkedIn app on iOS", UA.linkedinAppIos, { device: "mobile", browser: "LinkedIn", os: "iOS" }],
    ["Twitter for iPhone", UA.twitterIos, { device: "mobile", browser: "Twitter", os: "iOS" }],
    ["Pinterest app on iOS", UA.pinterestAppIos, { device: "mobile", browser: "Pinterest", os: "iOS" }],
    ["Telegram on Android", UA.telegramAndroid, { device: "mobile", browser: "Telegram", os: "Android" }],
    ["Android WebView", UA.androidWebView, { device: "mobile", browser: "Android WebView", os: "Android" }],
    ["Xbox", UA.xbox, { device: "other", browser: "Edge", os: "Xbox" }],
    ["Samsung smart TV", UA.smartTv, { device: "other", browser: "Safari", os: "Tizen" }],
  ];

  it.each(cases)("%s", (_name, userAgent, expected) => {
    expect(traits(userAgent)).toEqual({ ...expected, isBot: false, referrer: null });
  });

  it("gives the same answer for a cached user agent", () => {
    const first = traits(UA.instagramIos);
    const second = traits(UA.instagramIos);
    expect(second).toEqual(first);
    // Callers get their own object, so mutating it cannot corrupt the cache.
    expect(second).not.toBe(first);
    second.browser = "tampered";
    expect(traits(UA.instagramIos).browser).toBe("Instagram");
  });

  it("classifies user agents longer than the cache key limit too", () => {
    const long = `${UA.facebookIos} ${"x".repeat(2000)}`;
    expect(traits(long)).toMatchObject({ device: "mobile", browser: "Facebook", os: "iOS", isBot: false });
    expect(traits(`${"x".repeat(2000)} Googlebot/2.1`).isBot).toBe(true);
  });

  it("keeps the user-agent cache bounded", () => {
    for (let i = 0; i < 1500; i++) traits(`Mozilla/5.0 (Windows NT 10.0) Chrome/${i}.0.0.0 Safari/537.36`);
    expect(agentCacheSizeForTests()).toBe(1000);
    expect(traits(UA.windowsEdge)).toMatchObject({ browser: "Edge", os: "Windows" });
  });
});

describe("bot verdict", () => {
  it.each(PREVIEW_FETCHERS)("%s is a bot", (_name, userAgent) => {
    expect(isBotRequest("GET", userAgent)).toBe(true);
    expect(traits(userAgent).isBot).toBe(true);
  });

  it("Googlebot (desktop and smartphone) is a bot but keeps its parsed traits", () => {
    expect(traits(UA.googlebot).isBot).toBe(true);
    expect(traits(UA.googlebotSmartphone)).toMatchObject({ isBot: true, device: "mobile", os: "Android" });
  });

  it("HeadlessChrome and curl are bots", () => {
    expect(traits(UA.headlessChrome)).toMatchObject({ isBot: true, browser: "Headless Chrome" });
    expect(isBotRequest("GET", UA.curl)).toBe(true);
  });

  it("a HEAD request is a bot even with a normal browser user agent", () => {
    expect(isBotRequest("GET", UA.iphoneSafari)).toBe(false);
    expect(isBotRequest("HEAD", UA.iphoneSafari)).toBe(true);
    expect(classifyRequest({ method: "HEAD", userAgent: UA.iphoneSafari, referer: null }).isBot).toBe(true);
    expect(classifyRequest({ method: "GET", userAgent: UA.iphoneSafari, referer: null }).isBot).toBe(false);
    expect(isBotRequest("head", UA.iphoneSafari)).toBe(true);
    expect(traits(UA.iphoneSafari, "HEAD")).toMatchObject({ isBot: true, browser: "Safari", device: "mobile" });
  });

  it("an empty or missing user agent is a bot", () => {
    expect(isBotRequest("GET", null)).toBe(true);
    expect(isBotRequest("GET", "")).toBe(true);
    expect(isBotRequest("GET", "   ")).toBe(true);
    expect(traits(null)).toEqual({ device: "other", browser: null, os: null, isBot: true, referrer: null });
  });

  it("in-app browsers of the same vendors are people, not their preview fetchers", () => {
    for (const userAgent of [
      UA.instagramIos,
      UA.facebookIos,
      UA.facebookAndroid,
      UA.messengerIos,
      UA.tiktokIos,
      UA.tiktokAndroid,
      UA.linkedinAppIos,
      UA.twitterIos,
      UA.pinterestAppIos,
      UA.telegramAndroid,
      UA.snapchatIos,
      UA.threadsIos,
    ]) {
      expect(isBotRequest("GET", userAgent), userAgent).toBe(false);
    }
  });
});

describe("bot verdict without isbot (our own preview-fetcher list)", () => {
  afterEach(() => {
    vi.doUnmock("isbot");
    vi.resetModules();
  });

  it("still catches every preview fetcher if isbot stops knowing them", async () => {
    vi.resetModules();
    vi.doMock("isbot", () => ({ isbot: () => false }));
    const isolated = await import("@/lib/clicks/classify");
    // Proves the mock took effect: curl is only known to isbot.
    expect(isolated.isBotRequest("GET", UA.curl)).toBe(false);
    for (const [name, userAgent] of PREVIEW_FETCHERS) {
      expect(isolated.isBotRequest("GET", userAgent), name).toBe(true);
    }
    expect(isolated.isBotRequest("GET", UA.instagramIos)).toBe(false);
  });
});

describe("referrerHost", () => {
  it.each([
    ["https://www.instagram.com/p/abc/?utm_source=ig", "instagram.com"],
    ["https://l.instagram.com/?u=https%3A%2F%2Fexample.com", "l.instagram.com"],
    ["http://WWW.YouTube.COM/watch?v=1", "youtube.com"],
    ["https://t.co/xyz", "t.co"],
    ["https://www.example.com./path", "example.com"],
    ["https://user:pass@news.ycombinator.com:8443/item?id=1", "news.ycombinator.com"],
    ["https://bücher.de/", "xn--bcher-kva.de"],
    ["https://[2001:db8::1]:8080/", "[2001:db8::1]"],
    ["https://www/", "www"],
  ])("%s → %s", (referer, expected) => {
    expect(referrerHost(referer)).toBe(expected);
  });

  it.each([[null], [""], ["not a url"], ["/relative/path"], ["android-app://com.google.android.gm/"], ["about:blank"], ["ftp://example.com/file"], ["javascript:alert(1)"]])(
    "%s → null",
    (referer) => {
      expect(referrerHost(referer)).toBeNull();
    },
  );

  it("is reported by classifyRequest", () => {
    expect(traits(UA.iphoneSafari, "GET", "https://www.tiktok.com/@creator").referrer).toBe("tiktok.com");
  });
});
