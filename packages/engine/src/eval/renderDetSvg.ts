/** One curve of a DET plot: error-rate pairs in 0..1. */
export interface DetCurve {
  readonly label: string;
  /** x: false accept / attack presentation classification error rate; y: false reject / bona fide error rate. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * Renders a detection-error-trade-off plot (log-log axes from 1e-4 to 1) as a standalone SVG string.
 * Zero rates are drawn at the axis floor.
 */
export function renderDetSvg({ title, xLabel, yLabel, curves }: { title: string; xLabel: string; yLabel: string; curves: readonly DetCurve[] }): string {
  const W = 560, H = 460, L = 70, R = 20, T = 40, B = 60;
  const min = 1e-4;
  const lx = (v: number): number => L + ((Math.log10(Math.max(v, min)) + 4) / 4) * (W - L - R);
  const ly = (v: number): number => H - B - ((Math.log10(Math.max(v, min)) + 4) / 4) * (H - T - B);
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`,
  ];
  for (let e = -4; e <= 0; e++) {
    const v = 10 ** e;
    parts.push(`<line x1="${lx(v)}" y1="${T}" x2="${lx(v)}" y2="${H - B}" stroke="#ddd"/>`, `<line x1="${L}" y1="${ly(v)}" x2="${W - R}" y2="${ly(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${lx(v)}" y="${H - B + 16}" text-anchor="middle">1e${e}</text>`, `<text x="${L - 6}" y="${ly(v) + 4}" text-anchor="end">1e${e}</text>`);
  }
  parts.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 18}" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  curves.forEach((c, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#000';
    const d = c.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${lx(p.x).toFixed(1)},${ly(p.y).toFixed(1)}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.8"/>`);
    parts.push(`<text x="${W - R - 8}" y="${T + 18 + 16 * i}" text-anchor="end" fill="${colour}">${esc(c.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
