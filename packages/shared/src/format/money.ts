/** `20000` → `人民币 20,000.00 元` (amounts people read: case file, public pages). */
export const formatYuan = (n: number): string =>
  `人民币 ${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
