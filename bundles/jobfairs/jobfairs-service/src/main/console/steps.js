// Moving a job application one step (a fair's: PUT /applications/{id}/status, the board's: PUT
// /board/applications/{id}/status — the same rule): hiring asks first (it takes one of the position's places),
// rejecting asks for an optional word to the applicant, which is the confirmation.
import { api, ask } from '@unionhub/console-kit';

export const stepConfirm = (name, status) =>
  (status === 'HIRED' ? '确认录用“' + name + '”？将占用岗位的一个招聘名额。' : undefined);

export async function moveTo(path, name, status) {
  const note = status === 'REJECTED'
    ? await ask('不予录用“' + name + '”，可填写给求职者的说明：', '不予录用', '不予录用', { optional: true })
    : undefined;
  return api(path, { method: 'PUT', body: { status, note: note || null } });
}
