// Small helpers the member screens share: field errors from problem+json, dates and money as a member reads them.
import { nextTick, reactive } from 'vue';

/**
 * A reactive map field -> message for a form. show(e) puts each problem+json error beside its field (the server
 * words them in Chinese for Accept-Language zh-CN) and answers the message of a problem that names no field.
 */
export function fieldErrors() {
  const errors = reactive({});
  return {
    errors,
    clear() { Object.keys(errors).forEach(k => delete errors[k]); },
    show(e, known) {
      this.clear();
      let rest = null;
      for (const x of (e && e.errors) || []) {
        const field = String(x.field || '').replace(/^consent\..*/, 'consent');
        if (!known || known.includes(field)) errors[field] = x.message;
        else rest = rest || x.message;
      }
      // the first field at fault into view: on a phone the submit button is far below it
      nextTick(() => {
        const first = document.querySelector('.van-field__error-message');
        if (first) first.scrollIntoView({ block: 'center' });
      });
      return (e && e.errors && e.errors.length && !rest) ? null : (rest || (e && e.message) || '请求失败，请稍后再试');
    }
  };
}

/** 2026-12-01T09:00:00+08:00 -> 12月1日 09:00 (the server's offset is the region's zone). */
export function when(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(iso);
  if (!m) return iso;
  return `${Number(m[2])}月${Number(m[3])}日` + (m[4] ? ` ${m[4]}:${m[5]}` : '');
}

export function money(v) {
  return v === null || v === undefined ? ''
    : '¥' + Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
