// Money as ¥ with two decimals, times in the region's zone (from /api/me), dates as written.
import { ref } from 'vue';

// reactive: screens drawn before the zone is known redraw their times when it arrives
const zone = ref(undefined);
export function setZone(z) { zone.value = z || undefined; }

export function money(v) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? '¥' + n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);
}

export function time(v) {
  if (!v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return new Intl.DateTimeFormat('zh-CN', { timeZone: zone.value, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false }).format(d).replace(/\//g, '-');
}

// The wall clock of an instant in the region's zone (the browser's own until the zone is known): its parts by name.
function wall(ms) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', { timeZone: zone.value, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms))
    .forEach(p => { parts[p.type] = p.value; });
  return parts;
}

// How far the region's clock is ahead of UTC at an instant, in ms.
function offset(ms) {
  const w = wall(ms);
  return Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour % 24, +w.minute, +w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * A date-time picker's value ("2026-03-22 09:00:00", the region's wall clock) as an instant: the picker and the
 * date filters mean the region's calendar, whatever the browser's own zone is.
 */
export function instant(v) {
  if (!v) return null;
  if (v instanceof Date) return v.toISOString();
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?$/.exec(String(v).trim());
  if (!m) return v;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
  // the offset at the instant itself, found from a first guess (they differ only across a change of summer time)
  const guess = asUtc - offset(asUtc);
  return new Date(asUtc - offset(guess)).toISOString();
}

/** The first instant of a calendar day ("2026-11-30") in the region: a date filter's lower bound. */
export function dayStart(v) {
  return v ? instant(String(v).slice(0, 10) + ' 00:00:00') : null;
}

/** The first instant of the day after ("2026-11-30" → 12-01 00:00 in the region): a date filter's upper bound. */
export function dayEnd(v) {
  if (!v) return null;
  const [y, m, d] = String(v).slice(0, 10).split('-').map(Number);
  return instant(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10) + ' 00:00:00');
}

/** Today's date in the region ("2026-11-30"), not the browser's. */
export function today() {
  const w = wall(Date.now());
  return `${w.year}-${w.month}-${w.day}`;
}

/** An instant as the date-time picker's value ("2026-03-22 09:00:00") on the region's wall clock. */
export function pickerValue(v) {
  const d = new Date(v);
  if (!v || Number.isNaN(d.getTime())) return v;
  const w = wall(d.getTime());
  return `${w.year}-${w.month}-${w.day} ${String(+w.hour % 24).padStart(2, '0')}:${w.minute}:${w.second}`;
}
