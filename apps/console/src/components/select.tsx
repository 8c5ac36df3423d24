import { Select as AntSelect, type RefSelectProps, type SelectProps } from 'antd';
import { useLayoutEffect, useRef } from 'react';

/** ARIA attributes that belong to the combobox input, not to the select's outer box. */
const INPUT_ONLY = ['aria-required', 'aria-label', 'aria-invalid'];

/**
 * antd's Select, with the ARIA attributes a Form.Item gives it (aria-required, aria-invalid) and
 * an aria-label kept on its combobox input only: rc-select copies them onto its outer `<div>` too,
 * where `aria-required` has no role to belong to (axe-core: aria-allowed-attr, critical).
 */
export function Select<TValue = unknown>(props: SelectProps<TValue>) {
  const ref = useRef<RefSelectProps>(null);
  useLayoutEffect(() => {
    const box = ref.current?.nativeElement;
    for (const name of INPUT_ONLY) if (box?.hasAttribute(name)) box.removeAttribute(name);
  });
  return <AntSelect<TValue> ref={ref} {...props} />;
}
