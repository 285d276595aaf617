// Turns the request headers of one click into the traits the dashboard groups by.
// Runs on the redirect hot path: the parser, the regexes and the cache are created once per
// process, and a user agent is only parsed the first time it is seen (the same few agents
// repeat constantly, so the cache turns nearly every click into a Map lookup).
import { isbot } from "isbot";
import UAParser from "ua-parser-js";

export type DeviceType = "desktop" | "mobile" | "tablet" | "other";

export type ClickTraits = {
  device: DeviceType;
  /** Short readable name, see `normaliseBrowser` for the naming rules. */
  browser: string | null;
  os: string | null;
  isBot: boolean;
  /** Referring host, e.g. "instagram.com"; see `referrerHost`. */
  referrer: string | null;
};

/** What depends on the user agent alone, so it can be cached per agent. */
type AgentTraits = Readonly<{ device: DeviceType; browser: string | null; os: string | null; isBot: boolean }>;

// Link-preview fetchers and crawlers we must never count as clicks. isbot 5 already knows all
// of these today; the list stays as a safety net because a missed preview fetcher inflates a
// creator's numbers the moment a link is pasted into a chat, and isbot's list can change under us.
// Each token is specific enough not to hit the same vendor's in-app browser (e.g. "Twitterbot"
// but not "Twitter for iPhone", "LinkedInBot" but not "[LinkedInApp]", "TelegramBot" but not
// "Telegram-Android", "Pinterest/0.2" or "Pinterestbot" but not "[Pinterest/iOS]").
const PREVIEW_FETCHERS = new RegExp(
  [
    "slackbot", // Slackbot, Slackbot-LinkExpanding
    "slack-imgproxy",
    "whatsapp\\/", // WhatsApp has no in-app browser, the token only appears on its previewer
    "facebookexternalhit",
    "facebookcatalog",
    "facebot",
    "meta-external(?:agent|fetcher)",
    "twitterbot",
    "linkedinbot",
    "discordbot",
    "telegrambot",
    "skypeuripreview", // Skype and Microsoft Teams
    "pinterest(?:bot)?\\/\\d",
    "embedly",
    "iframely",
    "applebot",
    "snap url preview", // Snapchat
    "redditbot",
    "bluesky cardyb",
    "mastodon\\/", // Mastodon instances fetch previews with "Mastodon/x.y (...)"
    "vkshare",
    "headless", // HeadlessChrome, HeadlessEdge, ...
  ].join("|"),
  "i",
);
// iMessage has no token of its own: its previewer sends a 2015 Safari UA followed by
// "facebookexternalhit/1.1 Facebot Twitterbot/1.0", which the tokens above catch.

// In-app browsers of the platforms creators post on. They matter more than the engine
// underneath ("came from TikTok" is the insight, "Chrome WebView" is not), so they win over
// whatever ua-parser reports. Order matters where one app's UA carries another's token.
const IN_APP_BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBarcelona \d/, "Threads"], // Threads (code name Barcelona) reuses the Instagram engine
  [/\binstagram[ /]\d/i, "Instagram"],
  [/FBAN\/Messenger|FB_IAB\/(?:Orca-Android|MESSENGER)/i, "Messenger"],
  [/FBAN\/|FBAV\/|FB_IAB\//i, "Facebook"],
  [/musical_ly|\btrill_|BytedanceWebview|\bTikTok[ /]\d/i, "TikTok"],
  [/\bSnapchat\/\d/i, "Snapchat"],
  [/\[LinkedInApp\]/i, "LinkedIn"],
  [/Twitter for (?:iPhone|iPad|Mac)|TwitterAndroid/i, "Twitter"],
  [/\[Pinterest\/(?:iOS|Android)\]/i, "Pinterest"],
  [/\bTelegram-(?:Android|iOS)\//i, "Telegram"],
];

// ua-parser 1.x names mapped to the names shown in the dashboard. Anything not listed is
// reported as ua-parser spells it.
const BROWSER_NAMES: ReadonlyMap<string, string> = new Map([
  // The device column already says "mobile"; one "Safari"/"Firefox" row per browser reads better.
  ["Mobile Safari", "Safari"],
  ["Chrome WebView", "Android WebView"],
  ["Chrome Headless", "Headless Chrome"],
  ["GSA", "Google App"],
  ["IE", "Internet Explorer"],
  ["Line", "LINE"],
]);

const LINUX_DISTROS: ReadonlySet<string> = new Set([
  "Linux",
  "GNU",
  "Ubuntu",
  "Kubuntu",
  "Xubuntu",
  "Lubuntu",
  "Debian",
  "Fedora",
  "Arch",
  "Mint",
  "SUSE",
  "openSUSE",
  "Gentoo",
  "CentOS",
  "RedHat",
  "Red Hat",
  "Manjaro",
  "Deepin",
  "elementary OS",
  "Slackware",
  "Mageia",
  "Mandriva",
  "PCLinuxOS",
  "Raspbian",
]);

const OS_NAMES: ReadonlyMap<string, string> = new Map([
  ["Mac OS", "macOS"],
  ["Chromium OS", "Chrome OS"],
]);

const DESKTOP_OSES: ReadonlySet<string> = new Set(["Windows", "macOS", "Linux", "Chrome OS"]);

// ua-parser 1.x only ever reads the first 500 characters; longer agents are not cached so a
// flood of huge unique agents cannot pin megabytes of keys in memory.
const MAX_CACHED_UA_LENGTH = 1024;
const CACHE_SIZE = 1000;

const parser = new UAParser();
const agentCache = new Map<string, AgentTraits>();

const UNKNOWN_AGENT: AgentTraits = Object.freeze({ device: "other", browser: null, os: null, isBot: true });

function normaliseOs(name: string | undefined): string | null {
  if (!name) return null;
  if (LINUX_DISTROS.has(name)) return "Linux";
  return OS_NAMES.get(name) ?? name;
}

function normaliseBrowser(name: string | undefined, os: string | null): string | null {
  if (!name) return null;
  // A bare "WebKit" on iOS is an app's WKWebView that no rule above recognised.
  if (name === "WebKit" && os === "iOS") return "iOS WebView";
  return BROWSER_NAMES.get(name) ?? name;
}

function deviceType(parsedType: string | undefined, os: string | null): DeviceType {
  if (parsedType === "mobile" || parsedType === "tablet") return parsedType;
  if (parsedType) return "other"; // smarttv, console, wearable, embedded, xr
  // ua-parser leaves the type empty for desktops; an unknown OS is not evidence of one.
  return os !== null && DESKTOP_OSES.has(os) ? "desktop" : "other";
}

function inAppBrowser(userAgent: string): string | null {
  for (const [pattern, name] of IN_APP_BROWSERS) {
    if (pattern.test(userAgent)) return name;
  }
  return null;
}

function agentIsBot(userAgent: string): boolean {
  return PREVIEW_FETCHERS.test(userAgent) || isbot(userAgent);
}

function analyseAgent(userAgent: string): AgentTraits {
  const result = parser.setUA(userAgent).getResult();
  const os = normaliseOs(result.os.name);
  return Object.freeze({
    device: deviceType(result.device.type, os),
    browser: inAppBrowser(userAgent) ?? normaliseBrowser(result.browser.name, os),
    os,
    isBot: agentIsBot(userAgent),
  });
}

function agentTraits(userAgent: string | null): AgentTraits {
  const ua = userAgent?.trim() ?? "";
  if (ua === "") return UNKNOWN_AGENT;
  if (ua.length > MAX_CACHED_UA_LENGTH) return analyseAgent(ua);

  const cached = agentCache.get(ua);
  if (cached) {
    // Re-insert so Map order is recency order and the oldest key is the first one.
    agentCache.delete(ua);
    agentCache.set(ua, cached);
    return cached;
  }
  const traits = analyseAgent(ua);
  if (agentCache.size >= CACHE_SIZE) {
    const oldest = agentCache.keys().next();
    if (!oldest.done) agentCache.delete(oldest.value);
  }
  agentCache.set(ua, traits);
  return traits;
}

/**
 * Bot verdict for a click. HEAD requests are always bots (link unfurlers probe with HEAD
 * before fetching), as are empty user agents, headless browsers and known preview fetchers.
 */
export function isBotRequest(method: string, userAgent: string | null): boolean {
  return isHead(method) || agentTraits(userAgent).isBot;
}

const isHead = (method: string) => method.toUpperCase() === "HEAD";

/**
 * Host of the Referer, lowercased and without a leading "www.", e.g. "l.instagram.com".
 * Null when absent, unparseable or not http(s) (android-app://, about:blank, ...), because
 * only web origins are meaningful as a traffic source. Only the host is kept: paths and
 * query strings of referrers can carry personal data.
 */
export function referrerHost(referer: string | null): string | null {
  if (!referer) return null;
  const url = URL.parse(referer.trim());
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  let host = url.hostname; // already lowercased and punycoded by the URL parser
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.startsWith("www.") && host.length > 4) host = host.slice(4);
  return host === "" ? null : host;
}

/** Everything the click log stores about the visitor's software and origin. */
export function classifyRequest(input: { method: string; userAgent: string | null; referer: string | null }): ClickTraits {
  const agent = agentTraits(input.userAgent);
  return {
    device: agent.device,
    browser: agent.browser,
    os: agent.os,
    isBot: agent.isBot || isHead(input.method),
    referrer: referrerHost(input.referer),
  };
}

/** For tests: the number of cached user agents, to check the cache stays bounded. */
export function agentCacheSizeForTests(): number {
  return agentCache.size;
}
