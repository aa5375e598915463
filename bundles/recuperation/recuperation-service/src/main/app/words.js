// The words a member reads for recuperation's codes: the same as labels/zh-CN.json (the officer console's).
export const categories = { FRONTLINE: '一线职工', PRIVATE_FRONTLINE: '非公企业一线职工', NEW_FORM: '新就业形态劳动者', MODEL_WORKER: '劳模' };
export const requestStatuses = { REQUESTED: '已申请，待工会安排', BOOKED: '工会已预订' };
export const bookingStatuses = { ACTIVE: '已确认', CANCELLED: '已取消' };

/** Today in the region's zone (GET /api/me answers it) as 2027-03-01, to compare with a stay's dates. */
export function today(zone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'Asia/Shanghai' }).format(new Date());
  } catch (e) {
    return new Date().toISOString().slice(0, 10);
  }
}

/** 12月1日 至 12月5日 · 5 天 */
export function stay(p, when) {
  return `${when(p.startDate)} 至 ${when(p.endDate)} · ${p.days} 天`;
}
