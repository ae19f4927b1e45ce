// The analytics dashboard. One request (GET /api/analytics/dashboard) with the filters; the server reads pre-aggregated
// daily rollups, so this stays fast at a million cases. Every card exports PNG and CSV of what it shows.
import { api, query } from '../api.js';
import { h, mount, select } from '../dom.js';
import { fmtNumber, fmtPercent, fmtDecimal, isoDay } from '../format.js';
import { chart, card, chartPng, svgPng, palette } from '../charts.js';
import { drawMap, loadCities } from '../map.js';
import { loadBodies, loadTopics } from '../registry.js';

export async function render(main, ctx) {
  const s = ctx.search;
  const now = new Date(ctx.info?.now || Date.now());
  const [bodies, topics, cities] = await Promise.all([loadBodies(), loadTopics(), loadCities()]);
  const defaultFrom = new Date(now);
  defaultFrom.setUTCDate(defaultFrom.getUTCDate() - 83);

  const f = {
    from: h('input', { id: 'd-from', type: 'date', value: s.get('from') || isoDay(defaultFrom), 'aria-label': 'С даты' }),
    to: h('input', { id: 'd-to', type: 'date', value: s.get('to') || isoDay(now), 'aria-label': 'По дату' }),
    topicGroup: select({ id: 'd-topic-group', 'aria-label': 'Группа тем' },
      [['', 'Все группы тем'], ...[...new Set(topics.map((t) => t.topicGroup).filter(Boolean))].sort().map((g) => [g, g])], s.get('topicGroup')),
    region: select({ id: 'd-region', 'aria-label': 'Регион' }, [['', 'Все регионы'], ...regionsOf(bodies)], s.get('region')),
    city: h('input', { id: 'd-city', value: s.get('city') || '', placeholder: 'Город', 'aria-label': 'Город' }),
    bodyId: select({ id: 'd-body', 'aria-label': 'Орган' }, [['', 'Все органы'], ...bodies.map((b) => [b.id, b.shortName || b.name])], s.get('bodyId')),
  };
  const presets = [[28, '4 недели'], [84, '12 недель'], [365, 'Год']].map(([days, label]) => h('button', {
    type: 'button', class: 'small-btn', onclick: () => {
      const from = new Date(now);
      from.setUTCDate(from.getUTCDate() - days + 1);
      f.from.value = isoDay(from);
      f.to.value = isoDay(now);
      apply();
    },
  }, label));
  const filterBar = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); apply(); } },
    h('div', { class: 'filters-row' },
      h('label', { class: 'inline' }, 'с ', f.from), h('label', { class: 'inline' }, 'по ', f.to), presets,
      f.topicGroup, f.region, f.city, f.bodyId, h('button', { type: 'submit', class: 'primary' }, 'Показать')));
  for (const el of [f.from, f.to, f.topicGroup, f.region, f.bodyId]) el.addEventListener('change', apply);

  const stats = h('div', { class: 'summary', id: 'dash-totals' });
  const volumeBy = select({ id: 'volume-by', 'aria-label': 'Разрез' }, [['topicGroup', 'по группам тем'], ['city', 'по местам']], 'topicGroup');
  const holders = {
    volumes: h('div', { class: 'chart-box' }), top: h('div', { class: 'chart-box' }), times: h('div', { class: 'chart-box' }),
    share: h('div', { class: 'chart-box tall' }), overdue: h('div', { class: 'chart-box tall' }), map: h('div', { class: 'map-box' }),
  };
  const topTable = h('div', { class: 'table-wrap' });
  const spikesList = h('div', { id: 'spikes' });
  const charts = {};
  let data;

  const volumeSeries = () => (volumeBy.value === 'city' ? data.volumes.byCity : data.volumes.byTopicGroup);
  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Аналитика обращений'),
      h('p', { class: 'muted', id: 'dash-period' })),
    filterBar, stats,
    h('div', { class: 'grid-2' },
      card('volumes', 'Объём обращений', {
        png: chartPng(() => charts.volumes),
        csv: () => [['период', ...volumeSeries().map((x) => x.key)], data.volumes.buckets.map((b, i) => [b, ...volumeSeries().map((x) => x.counts[i])])],
      }, h('div', { class: 'card-options' }, volumeBy), holders.volumes),
      card('top-problems', 'Главные проблемы недели', {
        png: chartPng(() => charts.top),
        csv: () => [['тема', 'группа', 'сообщений за 7 дней', 'за 7 дней до того', 'изменение'], data.topProblems.map((t) => [t.topic, t.topicGroup, t.thisWeek, t.lastWeek, t.change])],
      }, holders.top, topTable),
      card('response-times', 'Время до полного ответа', {
        png: chartPng(() => charts.times),
        csv: () => [['интервал', 'обращений'], data.responseTimes.buckets.map((b, i) => [b, data.responseTimes.counts[i]])],
      }, holders.times),
      card('within-deadline', 'Доля ответов в срок по органам', {
        png: chartPng(() => charts.share),
        csv: () => [['орган', 'обращений', 'отвечено', 'в срок', 'доля в срок', 'среднее время ответа, ч', ...data.responseTimes.buckets],
          data.bodies.map((b) => [b.name, b.cases, b.answered, b.answeredInTime, b.withinDeadlineShare, b.avgAnswerHours, ...b.histogram])],
      }, holders.share),
      card('overdue-by-body', 'Просрочено сейчас по органам', {
        png: chartPng(() => charts.overdue),
        csv: () => [['орган', 'открыто', 'просрочено'], data.bodies.map((b) => [b.name, b.openNow, b.overdueNow])],
      }, holders.overdue),
      card('map', 'Карта обращений по городам', {
        png: svgPng(() => holders.map.querySelector('svg')),
        csv: () => [['город', 'регион', 'обращений', 'всплеск'], data.places.map((p) => [p.city, p.region, p.cases, p.spike ? 'да' : ''])],
      }, holders.map, h('p', { class: 'small muted' }, 'Координаты городов — справочник «Города России» (HFLabs, CC BY-SA 4.0). Красным — города со всплеском.')),
      card('spikes-card', 'Всплески: тема в месте выше обычного', {
        csv: () => [['тема', 'город', 'за 7 дней', 'обычно в неделю', 'во сколько раз'], data.spikes.map((x) => [x.topic, x.city, x.thisWeek, x.usualWeekly, x.ratio])],
      }, spikesList)));
  volumeBy.addEventListener('change', drawVolumes);

  await load();

  function params() {
    return {
      from: f.from.value, to: f.to.value, topicGroup: f.topicGroup.value, region: f.region.value,
      city: f.city.value.trim(), bodyId: f.bodyId.value,
    };
  }

  function apply() {
    history.replaceState(null, '', `/dashboard${query(params())}`);
    load();
  }

  async function load() {
    data = await api('/api/analytics/dashboard', { params: params() });
    if (!ctx.isCurrent()) return;
    draw();
  }

  function draw() {
    const t = data.totals;
    document.getElementById('dash-period').textContent =
      `Период: ${data.from} — ${data.to}, шаг: ${data.bucket === 'week' ? 'неделя' : 'день'}. Данные обновлены: ${new Date(data.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
    mount(stats,
      stat('Обращений за период', fmtNumber(t.cases), 'stat-cases'),
      stat('Отвечено', fmtNumber(t.answered), 'stat-answered'),
      stat('Ответов в срок', fmtPercent(t.withinDeadlineShare), 'stat-in-time'),
      stat('Открыто сейчас', fmtNumber(t.openNow), 'stat-open'),
      stat('Просрочено сейчас', fmtNumber(t.overdueNow), 'stat-overdue', t.overdueNow > 0 ? 'danger' : ''),
      stat('Среднее время ответа', t.avgAnswerHours == null ? '—' : `${fmtDecimal(t.avgAnswerHours)} ч`, 'stat-avg'));
    drawVolumes();

    const top = data.topProblems.slice(0, 10);
    charts.top?.destroy();
    charts.top = chart(holders.top, {
      type: 'bar', label: 'Главные проблемы недели',
      data: { labels: top.map((x) => shorten(x.topic)), datasets: [
        { label: 'Прошлая неделя', data: top.map((x) => x.lastWeek), backgroundColor: '#b9c4d0' },
        { label: 'Эта неделя', data: top.map((x) => x.thisWeek), backgroundColor: palette[0] }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    mount(topTable, h('table', { class: 'compact' },
      h('thead', null, h('tr', null, h('th', null, 'Тема'), h('th', null, 'Сообщений за 7 дней'), h('th', null, 'Изменение'))),
      h('tbody', null, top.map((x) => h('tr', null, h('td', null, x.topic), h('td', { class: 'num' }, fmtNumber(x.thisWeek)),
        h('td', { class: `num ${x.change > 0 ? 'up' : x.change < 0 ? 'down' : ''}` }, x.change > 0 ? `▲ +${x.change}` : x.change < 0 ? `▼ ${x.change}` : '0'))))));

    charts.times?.destroy();
    charts.times = chart(holders.times, {
      type: 'bar', label: 'Распределение времени до полного ответа',
      data: { labels: data.responseTimes.buckets, datasets: [{ label: 'Обращений', data: data.responseTimes.counts, backgroundColor: palette[2] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });

    const answeredBodies = data.bodies.filter((b) => b.answered > 0).slice(0, 15);
    charts.share?.destroy();
    charts.share = chart(holders.share, {
      type: 'bar', label: 'Доля ответов в срок по органам',
      data: { labels: answeredBodies.map((b) => shorten(b.name)), datasets: [{ label: 'Доля ответов в срок, %', data: answeredBodies.map((b) => Math.round(b.withinDeadlineShare * 1000) / 10), backgroundColor: answeredBodies.map((b) => (b.withinDeadlineShare < 0.8 ? '#e07b39' : palette[2])) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } },
    });

    const overdueBodies = data.bodies.filter((b) => b.openNow > 0).sort((a, b) => b.overdueNow - a.overdueNow).slice(0, 15);
    charts.overdue?.destroy();
    charts.overdue = chart(holders.overdue, {
      type: 'bar', label: 'Просрочено по органам',
      data: { labels: overdueBodies.map((b) => shorten(b.name)), datasets: [
        { label: 'Просрочено', data: overdueBodies.map((b) => b.overdueNow), backgroundColor: '#c0392b' },
        { label: 'Открыто в срок', data: overdueBodies.map((b) => b.openNow - b.overdueNow), backgroundColor: '#b9c4d0' }] },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    });

    const spikeCities = new Set(data.spikes.map((x) => x.city));
    const { svg, unplaced } = drawMap(cities, data.places.map((p) => ({ ...p, spike: spikeCities.has(p.city) })));
    mount(holders.map, svg, unplaced.length ? h('p', { class: 'small muted' }, `Нет в справочнике: ${unplaced.map((p) => `${p.city} (${p.cases})`).join(', ')}`) : null);

    mount(spikesList, data.spikes.length === 0 ? h('p', { class: 'muted' }, 'Всплесков нет.') :
      h('ul', { class: 'spikes' }, data.spikes.map((x) => h('li', { class: 'spike' },
        h('strong', null, x.topic), ` — ${x.city || 'без города'}: ${fmtNumber(x.thisWeek)} за 7 дней при обычных ${fmtDecimal(x.usualWeekly)} в неделю `,
        h('span', { class: 'badge danger' }, `×${fmtDecimal(x.ratio)}`)))));
  }

  function drawVolumes() {
    const series = volumeSeries();
    charts.volumes?.destroy();
    charts.volumes = chart(holders.volumes, {
      type: 'bar', label: 'Объём обращений во времени',
      data: { labels: data.volumes.buckets, datasets: series.map((x, i) => ({ label: x.key, data: x.counts, backgroundColor: palette[i % palette.length] })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
}

function stat(label, value, id, kind = '') {
  return h('div', { class: `stat ${kind}`, id }, h('div', { class: 'stat-value' }, value), h('div', { class: 'stat-label' }, label));
}

function shorten(text, max = 38) {
  const s = String(text ?? '—');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function regionsOf(bodies) {
  const map = new Map();
  for (const b of bodies) if (b.regionCode) map.set(b.regionCode, b.territory?.region || b.regionCode);
  return [...map.entries()].sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'ru'));
}
