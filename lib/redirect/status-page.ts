// The page a visitor sees for a paused or expired link when its brand set no destination for the
// case, or for a link whose destination leads straight back to it. Answered by middleware.ts
// directly (no React render on the redirect path), so it carries its own styles: system fonts,
// centred, the same words and colours as the app's not-found page.
export type LinkState = "paused" | "expired" | "loop";

const COPY: Record<LinkState, { status: number; label: string; title: string; body: string }> = {
  paused: {
    status: 404,
    label: "Paused",
    title: "This link is paused",
    body: "Its owner has paused this link for now. Try again later, or ask whoever shared it for another way in.",
  },
  expired: {
    status: 410,
    label: "Expired",
    title: "This link has expired",
    body: "The offer or page behind this link is no longer available. Ask whoever shared it for a fresh link.",
  },
  loop: {
    status: 508,
    label: "Link loop",
    title: "This link points back to itself",
    body: "Its destination is this same short-link address, so following it would never arrive anywhere. Ask whoever shared it to fix the link.",
  },
};

export function linkStatePage(state: LinkState): Response {
  const copy = COPY[state];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${copy.title}</title>
<style>
  body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f9fafb;color:#111827;
       font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
  main{max-width:28rem;padding:2rem;text-align:center}
  .label{font-size:.875rem;font-weight:600;color:#4f46e5;margin:0}
  h1{font-size:1.875rem;line-height:1.2;font-weight:600;letter-spacing:-.02em;margin:.5rem 0 0}
  p.body{color:#4b5563;margin:.75rem 0 0;line-height:1.5}
</style></head>
<body><main><p class="label">${copy.label}</p><h1>${copy.title}</h1><p class="body">${copy.body}</p></main></body></html>`;
  return new Response(html, {
    status: copy.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
}
