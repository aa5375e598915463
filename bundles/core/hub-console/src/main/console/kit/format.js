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

/** A date-time picker's local value ("2026-03-22 09:00:00") as an instant with the region's offset. */
export function instant(v) {
  if (!v) return null;
  if (v instanceof Date) return v.toISOString();
  const d = new Date(String(v).replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/** An instant as the date-time picker's local value ("2026-03-22 09:00:00"). */
export function pickerValue(v) {
  const d = new Date(v);
  if (!v || Number.isNaN(d.getTime())) return v;
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
