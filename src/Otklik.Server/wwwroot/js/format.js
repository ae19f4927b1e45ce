// Russian labels and number/date formats shared by the pages.

export const statusNames = {
  new: 'Новое', assigned: 'Назначено', inProgress: 'В работе', answered: 'Дан ответ',
  closed: 'Закрыто', rejected: 'Отклонено', reopened: 'Переоткрыто',
};

export const actionNames = {
  assign: 'Назначить', reassign: 'Переназначить', start: 'Взять в работу', answer: 'Ответить',
  close: 'Закрыть', reject: 'Отклонить', reopen: 'Переоткрыть',
};

export const roleNames = {
  admin: 'администратор', operator: 'оператор', executor: 'исполнитель', analyst: 'аналитик', integrator: 'интегратор',
};

export const eventNames = {
  created: 'Создано', messageJoined: 'Добавлено сообщение', assigned: 'Назначено', reassigned: 'Переназначено',
  started: 'Взято в работу', answered: 'Дан ответ', firstReply: 'Первый ответ', interimReply: 'Промежуточный ответ',
  closed: 'Закрыто', rejected: 'Отклонено', reopened: 'Переоткрыто', reminder: 'Напоминание', escalated: 'Эскалация',
  feedback: 'Отзыв заявителя', textsRemoved: 'Тексты удалены по сроку хранения', relabeled: 'Тема исправлена оператором',
  predicted: 'Тема и исполнитель определены моделью',
};

// Event kinds whose before/after are body ids (EventKinds in src/Otklik/Cases).
const bodyKinds = new Set(['assigned', 'reassigned', 'escalated']);

/**
 * An event's "before → after" as a person reads it, or null when it has neither. A body kind's ids show as the bodies'
 * names (`bodyName(id)`). An `assigned` event stored before session 18 (by the arrival path or the model) holds the
 * statuses "new" → "assigned" instead, with the body in its note; events are never rewritten, so a value that is not
 * digits is read as a status, as every other kind's statuses are.
 */
export function eventValues(e, bodyName) {
  if (e.before == null && e.after == null) return null;
  const show = (v) => {
    if (v == null) return '—';
    if (bodyKinds.has(e.kind) && /^\d+$/.test(v)) return bodyName(Number(v)) || `орган №${v}`;
    return Object.hasOwn(statusNames, v) ? statusNames[v] : v;
  };
  return `${show(e.before)} → ${show(e.after)}`;
}

export const responseKinds = { firstReply: 'Первый ответ', interim: 'Промежуточный', final: 'Полный ответ' };

const dateTime = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat('ru-RU');
const decimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** Times are shown in UTC and say so: the clock may be the demo's simulated one, and bodies span time zones. */
export const fmtDateTime = (iso) => (iso ? `${dateTime.format(new Date(iso))} UTC` : '—');
export const fmtDate = (iso) => (iso ? dateOnly.format(new Date(iso)) : '—');
export const fmtNumber = (n) => (n === null || n === undefined ? '—' : number.format(n));
export const fmtDecimal = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : decimal.format(n));
export const fmtPercent = (share) => (share === null || share === undefined ? '—' : `${decimal.format(share * 100)} %`);

/** "через 5 ч" / "просрочено на 2 дн." relative to the server's clock. */
export function fmtDue(iso, now) {
  if (!iso) return '—';
  const hours = (new Date(iso) - new Date(now)) / 3600000;
  const abs = Math.abs(hours);
  const span = abs < 1 ? 'меньше часа' : abs < 48 ? `${Math.round(abs)} ч` : `${Math.round(abs / 24)} дн.`;
  return hours >= 0 ? `через ${span}` : `просрочено на ${span}`;
}

/** 'YYYY-MM-DD' of a Date in UTC. */
export const isoDay = (d) => d.toISOString().slice(0, 10);
