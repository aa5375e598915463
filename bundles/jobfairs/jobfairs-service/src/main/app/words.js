// The words a member reads for job fairs' codes: the same as labels/zh-CN.json (the officer console's).
export const modes = { ONSITE: '现场招聘', ONLINE: '线上招聘', HYBRID: '线上线下结合', LIVESTREAM: '直播带岗' };
export const educations = { NONE: '不限', JUNIOR_MIDDLE: '初中', SENIOR_HIGH: '高中', VOCATIONAL: '中专/职高',
  JUNIOR_COLLEGE: '大专', BACHELOR: '本科', MASTER: '硕士', DOCTORATE: '博士' };
export const statuses = { SUBMITTED: '已投递', VIEWED: '已查看', INTERVIEW: '邀请面试', OFFERED: '已发录用通知', HIRED: '已录用',
  REJECTED: '未通过', WITHDRAWN: '已撤回' };
export const tagTypes = { SUBMITTED: 'primary', VIEWED: 'primary', INTERVIEW: 'success', OFFERED: 'success', HIRED: 'success',
  REJECTED: 'danger', WITHDRAWN: 'default' };

/** ¥6,000–9,000/月, or one end when the other is open. */
export function salary(p) {
  const n = v => Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  if (p.salaryMin != null && p.salaryMax != null) return `¥${n(p.salaryMin)}–${n(p.salaryMax)}/月`;
  if (p.salaryMin != null) return `¥${n(p.salaryMin)} 起/月`;
  return p.salaryMax != null ? `最高 ¥${n(p.salaryMax)}/月` : '面议';
}

/** A fair (or a session) is on now, ahead, or over. */
export function phase(x) {
  const now = Date.now();
  if (x.endsAt && Date.parse(x.endsAt) < now) return 'over';
  return x.startsAt && Date.parse(x.startsAt) > now ? 'ahead' : 'on';
}
