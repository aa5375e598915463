// Asks the officer for a text before an action (a reason to reject or return, a payment reference), in the kit's
// message box: a uh-confirm-button's action awaits it; backing out throws {cancelled: true}, which the button takes
// as "nothing happened". The fourth argument is the prefilled answer, or {value, optional}; optional: an empty
// answer is allowed (a note that may be left out).
import { ElMessageBox } from 'element-plus';

export async function ask(question, title, button, options = {}) {
  const { value = '', optional = false } = typeof options === 'string' ? { value: options } : options;
  try {
    const r = await ElMessageBox.prompt(question, title, { confirmButtonText: button, cancelButtonText: '取消',
      inputValue: value, inputPattern: optional ? undefined : /\S/, inputErrorMessage: '请填写' });
    return r.value;
  } catch (e) {
    throw Object.assign(new Error('cancelled'), { cancelled: true });
  }
}
