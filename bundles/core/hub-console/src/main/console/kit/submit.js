// The saving of a screen's own dialog (where FormDialog's flat fields do not fit: a member picker, rows of bands or
// quotas): one Idempotency-Key per opening of the dialog (reset()), so a double click or a retry makes one record;
// busy while the request is in flight; each field's message beside its field (errors[name]) and all of them in
// message (announced by the dialog's role=alert); 操作成功 on success.
import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';
import { newKey } from './api.js';

export function useSubmit(fieldLabels) {
  const busy = ref(false);
  const message = ref('');
  const errors = reactive({});
  let key = newKey();

  function reset() {
    key = newKey();
    message.value = '';
    for (const k of Object.keys(errors)) delete errors[k];
  }

  /** Runs send(key); answers its result, or null when the server refused (the messages are then on the form). */
  async function run(send) {
    if (busy.value) return null;
    busy.value = true;
    message.value = '';
    for (const k of Object.keys(errors)) delete errors[k];
    try {
      const r = await send(key);
      ElMessage.success('操作成功');
      return r;
    } catch (e) {
      const lines = [];
      for (const err of e.errors || []) {
        const top = String(err.field || '').split(/[.[]/)[0];
        if (top in fieldLabels) errors[top] = err.message;
        lines.push((fieldLabels[top] ? fieldLabels[top] + '：' : '') + err.message);
      }
      message.value = lines.length ? lines.join('；') : e.message;
      return null;
    } finally {
      busy.value = false;
    }
  }
  return { busy, message, errors, reset, run };
}
