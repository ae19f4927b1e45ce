// The public methodology: what is measured, how it becomes a score, what the rating cannot tell. The numbers
// (indicators, weights, minimum samples) come from the versioned methodology file the ratings are computed with.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { fmtPercent } from '../format.js';

export async function render(main) {
  const m = await api('/api/ratings/methodology', { redirectOn401: false });
  const titles = new Map((m.indicators || []).map((i) => [i.id, i.title?.ru || i.id]));
  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Методика рейтинга'), h('p', { class: 'muted' }, `${m.title?.ru || ''} (версия ${m.version}).`)),
    h('section', { class: 'card prose' },
      h('h2', null, 'Что измеряется'),
      h('p', null, 'Органы власти оцениваются по обращениям жителей и ответам на них: как быстро дан первый публичный ответ (главный показатель), как быстро дан полный ответ и решена проблема, какая доля обращений получила ответ в срок, как часто обращения переоткрываются или передаются другому органу и как часто та же проблема в том же месте возвращается после закрытия. Официальные страницы и аккаунты — по оформлению страницы, регулярности публикаций, вовлечённости аудитории и доле ответов на вопросы жителей в комментариях.'),
      h('h2', null, 'Как получается балл'),
      h('ol', null,
        h('li', null, 'Значение каждого показателя считается за период; показатели времени сравниваются с другими органами на тех же темах (поправка на набор тем).'),
        h('li', null, 'Значение переводится в процентильный ранг среди участников категории (100 — лучший).'),
        h('li', null, 'Малые выборки не выигрывают случайно: ранг сжимается к середине тем сильнее, чем меньше данных (эмпирический Байес).'),
        h('li', null, 'Балл — взвешенная сумма по весам категории; если данных по показателю мало, его вес переходит к остальным.'),
        h('li', null, 'Доверительный интервал балла и места — бутстреп; места, интервалы которых неразличимы, отмечены знаком «=».')),
      h('h2', null, 'Честное сравнение'),
      h('p', null, `Вклад одного автора ограничен (не более ${m.maxCasesPerAuthor ?? '—'} обращений), рядом с каждой долей показан объём, а статусы, которые давно не менялись, отмечаются флагом качества данных.`),
      h('h2', null, 'Чего рейтинг не говорит'),
      h('p', null, 'Рейтинг описывает работу с обращениями в интернете, а не качество работы органа в целом. Жалобы приходят по разным каналам и в разном количестве в разных местах; несколько очень активных жителей могут исказить картину района; смоделированные данные демонстрации отмечены и не описывают реальные органы.')),
    h('section', { class: 'card' }, h('h2', null, 'Показатели'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'indicators' },
        h('thead', null, h('tr', null, h('th', null, 'Показатель'), h('th', null, 'Лучше'), h('th', null, 'Мин. выборка'), h('th', null, 'Поправка на темы'))),
        h('tbody', null, (m.indicators || []).map((i) => h('tr', null, h('td', null, i.title?.ru || i.id),
          h('td', null, i.direction === 'lower-is-better' ? 'меньше' : 'больше'), h('td', { class: 'num' }, String(i.minN)),
          h('td', null, i.standardizeByTopic ? 'да' : 'нет'))))))),
    (m.categories || []).map((c) => h('section', { class: 'card' }, h('h2', null, c.title?.ru || c.id),
      h('table', { class: 'compact' }, h('thead', null, h('tr', null, h('th', null, 'Показатель'), h('th', null, 'Вес'))),
        h('tbody', null, Object.entries(c.weights || {}).map(([id, w]) => h('tr', null, h('td', null, titles.get(id) || id), h('td', { class: 'num' }, fmtPercent(w / total(c.weights))))))))));
}

// Weights in the file are relative; the page shows each as its share of the category's total.
function total(weights) {
  return Object.values(weights || {}).reduce((a, b) => a + b, 0) || 1;
}
