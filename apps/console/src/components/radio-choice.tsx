import { Radio, type RadioGroupProps } from 'antd';

/**
 * antd's button-style Radio.Group for a Form.Item: the ARIA attributes the Form.Item gives it
 * (aria-required, aria-invalid) go on a `role="radiogroup"` box named by `label`, not on
 * Radio.Group's role-less `<div>` (axe-core: aria-allowed-attr, critical).
 */
export function RadioChoice({
  label,
  'aria-required': required,
  'aria-invalid': invalid,
  ...props
}: RadioGroupProps & {
  label: string;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
}) {
  return (
    <div role="radiogroup" aria-label={label} aria-required={required} aria-invalid={invalid}>
      <Radio.Group optionType="button" buttonStyle="solid" {...props} />
    </div>
  );
}
