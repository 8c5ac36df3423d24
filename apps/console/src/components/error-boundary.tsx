import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * What a person sees when a page fails while rendering: a message in Chinese and a way back,
 * never a blank page. The error itself goes to the browser console for the developer.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('console page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <FailedPage /> : this.props.children;
  }
}

/** The error page itself (also the router's `errorElement`). */
export function FailedPage() {
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="执法工作台的页面未能显示。请刷新页面重试；如果问题持续，请联系信息中心。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
