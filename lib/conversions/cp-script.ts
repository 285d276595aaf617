// The first-party script served at /cp.js (app/cp.js/route.ts). A brand adds it to its site:
//   <script src="https://<app>/cp.js" data-key="pk_…" data-param="cp_click" data-days="30" async></script>
// It keeps the click id from the landing URL in a first-party cookie for the attribution window
// (only a well-formed id: nothing from the URL reaches the cookie string otherwise) and exposes
// clickproof.track(event, { value, currency, orderId, promoCode }), value in minor units. Calls
// queued before it loaded (window.clickproof = { q: [[event, options], …] }) are sent on load.
// No dependencies; a unit test keeps it under 2 KB.
export const CP_SCRIPT = `(function(w,d){var s=d.currentScript;if(!s)return;
var key=s.getAttribute("data-key"),param=s.getAttribute("data-param")||"cp_click",days=+(s.getAttribute("data-days")||30),
api=new URL(s.src).origin+"/api/collect",name="_cp_click";
var m=new RegExp("[?&]"+param.replace(/\\W/g,"\\\\$&")+"=([A-Za-z0-9_-]{1,64})(?:&|$)").exec(location.search);
if(m)d.cookie=name+"="+m[1]+";max-age="+Math.round(days*86400)+";path=/;SameSite=Lax"+(location.protocol==="https:"?";Secure":"");
function clickId(){var c=new RegExp("(?:^|; )"+name+"=([^;]*)").exec(d.cookie);return c?decodeURIComponent(c[1]):undefined}
function track(event,o){o=o||{};var body={key:key,event:event,clickId:clickId(),value:o.value,currency:o.currency,promoCode:o.promoCode,
externalId:o.orderId!=null?String(o.orderId):event+"-"+Date.now()+"-"+Math.random().toString(36).slice(2)};
return fetch(api,{method:"POST",mode:"cors",credentials:"omit",keepalive:true,headers:{"Content-Type":"text/plain"},body:JSON.stringify(body)})
.then(function(r){return r.json().then(function(j){if(!r.ok)throw new Error(j.error?j.error.message:"HTTP "+r.status);return j})})}
var queued=w.clickproof&&w.clickproof.q;w.clickproof={track:track,clickId:clickId};
if(queued)for(var i=0;i<queued.length;i++)track.apply(null,queued[i]);})(window,document);
`;
