// How a coupon reads to a member.
export const kinds = { THRESHOLD: '满减券', GIFT: '礼品券', PERCENT: '折扣券' };

/** What a coupon gives, in the member's words. */
export function worth(c) {
  if (c.kind === 'GIFT') return c.gift || '礼品';
  if (c.kind === 'PERCENT') return `${Number(c.discount)} 折`;
  return c.threshold ? `满 ${Number(c.threshold)} 减 ${Number(c.discount)}` : `减 ${Number(c.discount)} 元`;
}
