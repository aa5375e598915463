// Money filed by one union is reviewed and paid above it (SeparateDuties on the server): never by that union's own
// officers, never by whoever filed it. The screens offer 批准/驳回/支付 only where the server would allow them.
import { ElMessageBox, session } from '@unionhub/console-kit';
import { isAdmin } from './labels.js';

export function mayReview(orgId, filedBy) {
  const user = session.user || {};
  return (isAdmin() || orgId !== user.orgId) && filedBy !== user.username;
}

/** Asks for a text (a reason, a payment reference, an amount); backing out throws {cancelled: true}. */
export async function ask(question, title, button, value = '') {
  try {
    return (await ElMessageBox.prompt(question, title, { confirmButtonText: button, cancelButtonText: '取消',
      inputPattern: /\S/, inputErrorMessage: '请填写', inputValue: value })).value;
  } catch (e) {
    throw Object.assign(new Error('cancelled'), { cancelled: true });
  }
}
