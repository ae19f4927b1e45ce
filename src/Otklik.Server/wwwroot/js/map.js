// The map of appeals by city: points from the gazetteer's coordinates (data/cities.json, CC BY-SA, see its SOURCE.md)
// in a simple equirectangular projection scaled by cos(latitude), drawn as SVG. No tiles, no network.
import { fmtNumber } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
let gazetteer;

const fold = (s) => String(s || '').toLowerCase().replaceAll('ё', 'е').trim();

export async function loadCities() {
  gazetteer ??= fetch('/data/cities.json').then((r) => r.json());
  return gazetteer;
}

function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Draws `places` ([{ city, region, cases, spike }]) onto a new SVG. Cities not in the gazetteer are listed under the map,
 * not guessed. Returns { svg, unplaced }.
 */
export function drawMap(cities, places, { width = 640, height = 420 } = {}) {
  const byName = new Map();
  for (const c of cities) {
    const key = fold(c.city);
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key).push(c);
  }
  const placed = [];
  const unplaced = [];
  for (const p of places) {
    const candidates = byName.get(fold(p.city)) || [];
    const match = candidates.find((c) => p.region && fold(p.region).includes(fold(c.region))) || candidates[0];
    if (match) placed.push({ ...p, lat: match.lat, lon: match.lon });
    else unplaced.push(p);
  }

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': 'Карта обращений по городам' });
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#f4f7fb' }));
  if (placed.length === 0) {
    svg.append(el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', fill: '#667' }, 'Нет обращений с известным городом'));
    return { svg, unplaced };
  }

  // Fit the bounding box of the points (with a margin, at least ~2° across so one city does not fill the frame).
  let minLat = Math.min(...placed.map((p) => p.lat));
  let maxLat = Math.max(...placed.map((p) => p.lat));
  let minLon = Math.min(...placed.map((p) => p.lon));
  let maxLon = Math.max(...placed.map((p) => p.lon));
  const padLat = Math.max(1, (maxLat - minLat) * 0.15);
  const padLon = Math.max(1.5, (maxLon - minLon) * 0.15);
  minLat -= padLat; maxLat += padLat; minLon -= padLon; maxLon += padLon;
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = Math.min(width / ((maxLon - minLon) * k), height / (maxLat - minLat));
  const ox = (width - (maxLon - minLon) * k * scale) / 2;
  const oy = (height - (maxLat - minLat) * scale) / 2;
  const x = (lon) => ox + (lon - minLon) * k * scale;
  const y = (lat) => height - oy - (lat - minLat) * scale;

  // Faint graticule every degree, and the other gazetteer cities in view as context.
  const grid = el('g', { stroke: '#dde3ea', 'stroke-width': 0.5 });
  for (let lon = Math.ceil(minLon); lon <= maxLon; lon++) grid.append(el('line', { x1: x(lon), y1: 0, x2: x(lon), y2: height }));
  for (let lat = Math.ceil(minLat); lat <= maxLat; lat++) grid.append(el('line', { x1: 0, y1: y(lat), x2: width, y2: y(lat) }));
  svg.append(grid);
  const context = el('g', { fill: '#b9c4d0' });
  for (const c of cities) {
    if (c.lat < minLat || c.lat > maxLat || c.lon < minLon || c.lon > maxLon) continue;
    context.append(el('circle', { cx: x(c.lon).toFixed(1), cy: y(c.lat).toFixed(1), r: 1.5 }));
  }
  svg.append(context);

  const max = Math.max(...placed.map((p) => p.cases));
  const dots = el('g');
  for (const p of [...placed].sort((a, b) => b.cases - a.cases)) {
    const r = 4 + 22 * Math.sqrt(p.cases / max);
    const g = el('g', { class: p.spike ? 'place spike' : 'place', 'data-city': p.city });
    g.append(el('circle', {
      cx: x(p.lon).toFixed(1), cy: y(p.lat).toFixed(1), r: r.toFixed(1),
      fill: p.spike ? 'rgba(192,57,43,0.55)' : 'rgba(31,95,168,0.45)', stroke: p.spike ? '#c0392b' : '#1f5fa8', 'stroke-width': p.spike ? 2 : 1,
    }));
    g.append(el('title', null, `${p.city}: ${fmtNumber(p.cases)} обращ.${p.spike ? ' — всплеск' : ''}`));
    dots.append(g);
  }
  svg.append(dots);
  // Labels for the largest few, so the map reads without hovering.
  const labels = el('g', { 'font-size': 12, fill: '#223', 'font-family': 'system-ui, sans-serif' });
  for (const p of [...placed].sort((a, b) => b.cases - a.cases).slice(0, 8)) {
    labels.append(el('text', { x: (x(p.lon) + 6).toFixed(1), y: (y(p.lat) - 6).toFixed(1) }, `${p.city} ${fmtNumber(p.cases)}`));
  }
  svg.append(labels);
  return { svg, unplaced };
}
