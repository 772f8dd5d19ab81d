import { page } from '../../templates';
import { demoOutletName } from './fates';

const OUTLET_CSS = `body{max-width:none;padding:0}
.site-header{display:flex;flex-wrap:wrap;align-items:center;gap:1.5rem;padding:.6rem 1.5rem;border-bottom:3px solid #0b3954}
.site-header nav a{color:#0b3954;text-decoration:none;font-weight:600}
main,.newsletter{max-width:44rem;margin:0 auto;padding:0 1rem}
.kicker a{color:#9d0208;text-transform:uppercase;font:600 .8rem system-ui,sans-serif;text-decoration:none}
h1{font-size:2.1rem;line-height:1.2;margin:.3rem 0}
.byline{font:.9rem system-ui,sans-serif;color:#555}
.share{list-style:none;padding:0;display:flex;gap:.8rem;font:.8rem system-ui,sans-serif}
.share a{border:1px solid #ccc;border-radius:1rem;padding:.15rem .7rem;text-decoration:none;color:#333}
figure{margin:1.2rem 0}figcaption{font:.8rem system-ui,sans-serif;color:#666}
.story-body a{color:#0b5c8a}
.tags,.author-box,.related-posts,#comments{font:.9rem system-ui,sans-serif}
.newsletter{background:#eef6fc;padding:1rem;margin-top:2rem}
.site-footer{text-align:center;font:.8rem system-ui,sans-serif;color:#666;padding:2rem}`;

/** The Harbour Gazette's page chrome: masthead, section nav, newsletter box, footer (all same-site furniture). */
export function outletPage(parts: { title: string; head?: string[]; main: string }): string {
  return page({
    title: parts.title,
    head: [
      `<meta property="og:site_name" content="${demoOutletName}">`,
      '<link rel="icon" href="/images/logo.svg">',
      `<style>${OUTLET_CSS}</style>`,
      ...(parts.head ?? []),
    ],
    body: `<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" width="220" height="40" alt="${demoOutletName}"></a>
  <nav aria-label="Sections"><a href="/category/local/">Local</a> <a href="/category/investigations/">Investigations</a>
    <a href="/category/harbour/">Harbour</a> <a href="/category/opinion/">Opinion</a> <a href="/subscribe">Subscribe</a></nav>
</header>
<main>
${parts.main}
</main>
<aside class="newsletter"><h2>The Morning Tide</h2><p>Port Ellery's news in your inbox, weekdays at 7.</p>
  <form action="/newsletter" method="post"><input type="email" name="email" aria-label="Email address"><button>Sign up</button></form></aside>
<footer class="site-footer"><p>&copy; 2026 ${demoOutletName}, Port Ellery.</p>
  <p><a href="/about/">About us</a> · <a href="/corrections/">Corrections</a> · <a href="/privacy/">Privacy</a></p></footer>`,
  });
}
