/** The demo outlet's pictures, drawn as SVG for this project (no photos of anyone's). */

const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40" viewBox="0 0 220 40">
<rect width="220" height="40" fill="#0b3954"/><path d="M8 28 q6 -6 12 0 t12 0" stroke="#7fc8f8" stroke-width="3" fill="none"/>
<text x="40" y="27" font-family="Georgia, serif" font-size="18" fill="#fff">The Harbour Gazette</text></svg>`;

const gullPoint = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="480" viewBox="0 0 960 480">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#bde0fe"/><stop offset="1" stop-color="#eef6fc"/></linearGradient></defs>
<rect width="960" height="480" fill="url(#sky)"/>
<circle cx="780" cy="90" r="40" fill="#ffd166"/>
<rect x="0" y="230" width="960" height="40" fill="#8d99ae"/><rect x="40" y="200" width="18" height="30" fill="#2b2d42"/>
<path d="M0 270 H960 V380 H0 Z" fill="#3a86ff"/>
<path d="M0 300 q40 -12 80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0" stroke="#caf0f8" stroke-width="4" fill="none"/>
<path d="M0 380 H960 V480 H0 Z" fill="#e9c46a"/>
<path d="M420 262 l60 0 l-12 14 l-36 0 z" fill="#e63946"/><path d="M450 262 v-40 l22 36 z" fill="#fff"/>
<rect x="620" y="352" width="6" height="40" fill="#6d4c41"/><rect x="600" y="340" width="46" height="16" fill="#d62828"/>
<text x="605" y="352" font-family="sans-serif" font-size="10" fill="#fff">OPEN</text></svg>`;

const weeks = [
  'Jun 2',
  'Jun 9',
  'Jun 16',
  'Jun 23',
  'Jun 30',
  'Jul 7',
  'Jul 14',
  'Jul 21',
  'Jul 28',
  'Aug 4',
  'Aug 11',
  'Aug 18',
  'Aug 25',
];
// Samples per week across the three beaches: three a week, none during the seven-week gap.
const samples = [3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 3, 3];

const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="300" viewBox="0 0 720 300">
<rect width="720" height="300" fill="#fff"/>
<text x="20" y="28" font-family="sans-serif" font-size="16" fill="#222">Water samples per week, three harbour beaches, 2025</text>
<line x1="40" y1="250" x2="700" y2="250" stroke="#444"/>
${samples
  .map((count, i) => {
    const x = 50 + i * 50;
    const h = count * 55;
    const bar = count ? `<rect x="${x}" y="${250 - h}" width="34" height="${h}" fill="#0b3954"/>` : '';
    return `${bar}<text x="${x + 17}" y="268" font-family="sans-serif" font-size="10" text-anchor="middle">${weeks[i]}</text>`;
  })
  .join('\n')}
<rect x="250" y="60" width="340" height="190" fill="#e63946" fill-opacity="0.12"/>
<text x="420" y="150" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#9d0208">No samples: July 1 – August 18</text></svg>`;

export const demoSvgs: Record<string, string> = {
  '/images/logo.svg': logo,
  '/images/2026/03/gull-point.svg': gullPoint,
  '/images/2026/03/sampling-gap-chart.svg': chart,
};
