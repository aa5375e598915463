// The words a member reads for the archive's codes: the same as labels/zh-CN.json (the officer console's).
export const titles = {
  NATIONAL_MODEL_WORKER: '全国劳动模范', NATIONAL_ADVANCED_WORKER: '全国先进工作者', MAY_DAY_MEDAL: '全国五一劳动奖章',
  REGIONAL_MODEL_WORKER: '省级劳动模范', REGIONAL_ADVANCED_WORKER: '省级先进工作者'
};
export const statuses = { ACTIVE: '在职', RETIRED: '退休', DECEASED: '已故', TITLE_REVOKED: '称号已撤销' };
export const subsidyKinds = { ANNUAL_SPECIAL: '年度专项补助', HARDSHIP_RELIEF: '困难帮扶' };
