// Chart.js (vendored in /vendor/chartjs, global `Chart`) with the app's defaults, and the PNG/CSV export every chart offers.
import { h, download, toCsv } from './dom.js';

export const palette = ['#1f5fa8', '#e07b39', '#3a9d5d', '#c0392b', '#8e5ea2', '#2a9fb0', '#b8860b', '#6b7b8c', '#d35d90', '#4b6e2e'];

// Exported PNGs get a white background instead of a transparent one.
const whiteBackground = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** A chart on a new canvas inside `holder`; animations off (the data are numbers to read, not a show). */
export function chart(holder, config) {
  const canvas = h('canvas', { role: 'img', 'aria-label': config.label || '' });
  holder.replaceChildren(canvas);
  const options = config.options || {};
  return new window.Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...options,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, ...(options.plugins || {}) },
    },
    plugins: [whiteBackground, ...(config.plugins || [])],
  });
}

/**
 * A dashboard card: title, PNG and CSV buttons, a body. `exports.png()` returns a Promise<Blob>; `exports.csv()`
 * returns [header, rows]. Both read the card's current (filtered) data when clicked.
 */
export function card(id, title, exports, ...body) {
  const slug = id;
  return h('section', { class: 'card chart-card', id },
    h('div', { class: 'card-head' }, h('h2', null, title),
      h('div', { class: 'card-tools' },
        exports.png ? h('button', { type: 'button', class: 'small-btn', 'data-export': 'png', onclick: async () => download(`${slug}.png`, await exports.png()) }, 'PNG') : null,
        exports.csv ? h('button', { type: 'button', class: 'small-btn', 'data-export': 'csv', onclick: () => { const [head, rows] = exports.csv(); download(`${slug}.csv`, toCsv(head, rows)); } }, 'CSV') : null)),
    ...body);
}

/** PNG of a Chart.js chart. */
export function chartPng(getChart) {
  return () => new Promise((resolve) => getChart().canvas.toBlob(resolve, 'image/png'));
}

/** PNG of an inline SVG, drawn on a canvas at twice its size. */
export function svgPng(getSvg) {
  return () => new Promise((resolve, reject) => {
    const svg = getSvg();
    const box = svg.viewBox.baseVal;
    const clone = svg.cloneNode(true);
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', box.width);
    clone.setAttribute('height', box.height);
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = box.width * 2;
      canvas.height = box.height * 2;
      const c = canvas.getContext('2d');
      c.fillStyle = '#fff';
      c.fillRect(0, 0, canvas.width, canvas.height);
      c.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(resolve, 'image/png');
    };
    img.onerror = reject;
    img.src = url;
  });
}
