// What a destination may be: a full http(s) URL naming a host, without credentials, of bounded
// length. Links, campaigns and branded domains' fallbacks share the rule, so it sits below them.
import { z } from "zod";

export const URL_MAX = 2048;

export const destinationUrlSchema = z
  .string({ error: "Destination URL must be text" })
  .trim()
  .min(1, "Destination URL is required")
  .max(URL_MAX, `Destination URL can be at most ${URL_MAX.toLocaleString("en-US")} characters`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Destination must be a full URL starting with https:// or http://" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: `Destination must use http or https, not ${url.protocol.replace(":", "")}` });
    } else if (url.username || url.password) {
      // user:pass@host URLs are a classic phishing disguise
      ctx.addIssue({ code: "custom", message: "Destination cannot contain a user name or password" });
    } else if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "Destination must name a host" });
    }
  });
