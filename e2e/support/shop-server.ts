// A tiny shop on 127.0.0.1 (random port), standing in for a brand's site: every page loads the
// app's /cp.js with the publishable key it is given, and /product has a "Buy" button that reports
// a purchase through clickproof.track(), then says whether the app took it.
import http from "node:http";
import { listenOnLoopback } from "./loopback-server";

export type ShopServer = { origin: string; setKey: (key: string) => void; close: () => Promise<void> };

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startShopServer(appOrigin: string): Promise<ShopServer> {
  let key = "";
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/favicon.ico") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(`<!doctype html><html><head><title>Test shop</title>
<script src="${escape(appOrigin)}/cp.js" data-key="${escape(key)}" data-param="cp_click" data-days="30"></script></head>
<body style="font-family:sans-serif;padding:40px"><h1>Summer dress — $49.99</h1>
<button id="buy" onclick="buy()">Buy</button><p id="status" role="status"></p>
<script>
function buy() {
  var order = "order-" + Date.now();
  window.clickproof.track("purchase", { value: 4999, currency: "USD", orderId: order }).then(
    function () { document.getElementById("status").textContent = "Thank you! Order " + order + " recorded"; },
    function (error) { document.getElementById("status").textContent = "Not recorded: " + error.message; }
  );
}
</script></body></html>`);
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    setKey: (value) => {
      key = value;
    },
    close,
  };
}
