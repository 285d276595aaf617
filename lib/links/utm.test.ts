import { describe, expect, it } from "vitest";
import { applyUtm, DEFAULT_UTM_TEMPLATE, fillUtmTemplate, isUtmKey, utmTagOf, utmTemplateSchema, withUtmTag } from "@/lib/links/utm";

describe("UTM", () => {
  it("fills the seed's template for a creator", () => {
    expect(fillUtmTemplate(DEFAULT_UTM_TEMPLATE, { platform: "instagram", campaign: "spring-drop", creator: "maya-lopez" })).toEqual({
      utm_source: "instagram",
      utm_medium: "influencer",
      utm_campaign: "spring-drop",
      utm_content: "maya-lopez",
    });
  });

  it("sets tags on a URL, replacing existing ones and keeping the rest and the fragment", () => {
    expect(applyUtm("https://shop.example.com/p?utm_source=old&color=red#buy", { utm_source: "tiktok", utm_medium: "influencer" })).toBe(
      "https://shop.example.com/p?utm_source=tiktok&color=red&utm_medium=influencer#buy",
    );
  });

  it("validates templates: known placeholders only, empty values dropped", () => {
    expect(utmTemplateSchema.parse({ utm_source: "{platform}", utm_term: "" })).toEqual({ utm_source: "{platform}" });
    const bad = utmTemplateSchema.safeParse({ utm_source: "{network}" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["utm_source"], message: "Only {platform}, {campaign}, {creator} can be filled in" });
  });
});

describe("withUtmTag", () => {
  it("adds, replaces in place and removes a tag, leaving the rest of the URL byte for byte", () => {
    const signed = "https://shop.example/p?sig=a%2Fb+c&flag&x=1,2#frag";
    expect(withUtmTag(signed, "utm_source", "instagram")).toBe("https://shop.example/p?sig=a%2Fb+c&flag&x=1,2&utm_source=instagram#frag");
    const tagged = "https://shop.example/p?utm_source=ig&flag&utm_medium=x";
    expect(withUtmTag(tagged, "utm_source", "spring drop")).toBe("https://shop.example/p?utm_source=spring%20drop&flag&utm_medium=x");
    expect(withUtmTag(tagged, "utm_source", "")).toBe("https://shop.example/p?flag&utm_medium=x");
    expect(withUtmTag("https://shop.example/p?utm_source=ig", "utm_source", "")).toBe("https://shop.example/p");
    expect(withUtmTag("https://shop.example/p?", "utm_term", "a&b")).toBe("https://shop.example/p?utm_term=a%26b");
    // a repeated tag becomes one
    expect(withUtmTag("https://s.example/?utm_content=a&utm_content=b", "utm_content", "c")).toBe("https://s.example/?utm_content=c");
  });
});

describe("utmTagOf", () => {
  it("reads a tag decoded, however it was encoded", () => {
    expect(utmTagOf("https://shop.example/?utm_campaign=spring%20drop", "utm_campaign")).toBe("spring drop");
    expect(utmTagOf("https://shop.example/?a=1&utm_campaign=spring+drop", "utm_campaign")).toBe("spring drop");
    expect(utmTagOf("https://shop.example/?utm%5Fsource=ig", "utm_source")).toBe("ig");
  });

  it("takes the first pair of that name and nothing from other names or the fragment", () => {
    expect(utmTagOf("https://shop.example/?utm_source=a&utm_source=b", "utm_source")).toBe("a");
    expect(utmTagOf("https://shop.example/?xutm_source=a&my_utm_source=b", "utm_source")).toBeNull();
    expect(utmTagOf("https://shop.example/#?utm_source=fragment", "utm_source")).toBeNull();
    expect(utmTagOf("https://shop.example/?utm_source=ig#utm_medium=x", "utm_medium")).toBeNull();
  });

  it("is null for a missing or empty tag, and keeps a value that is not valid percent-encoding as written", () => {
    expect(utmTagOf("https://shop.example/", "utm_term")).toBeNull();
    expect(utmTagOf("https://shop.example/?utm_term=&utm_term=x", "utm_term")).toBeNull();
    expect(utmTagOf("https://shop.example/?utm_term", "utm_term")).toBeNull();
    expect(utmTagOf("https://shop.example/?utm_term=100%", "utm_term")).toBe("100%");
  });

  it("knows the five tag names", () => {
    expect(["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "sources"].filter(isUtmKey)).toEqual(["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]);
  });
});
