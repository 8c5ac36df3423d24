import { PageContainer, type PageContainerProps } from '@ant-design/pro-components';

const headingStyle = { margin: 0, font: 'inherit', color: 'inherit', display: 'inline' } as const;

/**
 * Every page's frame: ProComponents' PageContainer with the page title as the page's one `<h1>`
 * (PageContainer renders it as a plain span), so screen readers and keyboard users find it.
 */
export function Page({ title, ...props }: PageContainerProps) {
  return (
    <PageContainer
      {...props}
      title={title === undefined || title === false ? title : <h1 style={headingStyle}>{title}</h1>}
    />
  );
}
