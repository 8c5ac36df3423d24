// First: zod's settings apply to the schemas the imports below construct.
import './zod-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ErrorBoundary } from './components/error-boundary';
import { router } from './routes';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* colorPrimary darkened from antd's default so text on it meets WCAG AA contrast (4.5:1); so are
        the text colours of the green, orange, gold and volcano tags (antd's 7th shade is ~3.4:1 on
        the tag's own background), one shade darker. */}
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: {
          colorPrimary: '#0958d9',
          // Links (e.g. 我的待办's case numbers) in the same shade: antd's #1677ff is 4.0:1 on white.
          colorLink: '#0958d9',
          // A primary button under the pointer keeps white text at 4.5:1 too (antd's hover is 3.0:1).
          colorPrimaryHover: '#003eb3',
          colorPrimaryActive: '#002c8c',
          colorTextDescription: 'rgba(0,0,0,0.65)',
          // Description labels and field error texts meet AA contrast too.
          colorTextTertiary: 'rgba(0,0,0,0.62)',
          colorError: '#cf1322',
          green7: '#237804',
          orange7: '#ad4e00',
          gold7: '#874d00',
          volcano7: '#ad2102',
        },
        // A table's "nothing yet" line is text people read, not a disabled control; so are a date
        // picker's days of the neighbouring months (antd's 0.25 is 1.9:1; 0.55 is 4.6:1 on white).
        components: {
          Table: { colorTextDisabled: 'rgba(0,0,0,0.62)' },
          DatePicker: { colorTextDisabled: 'rgba(0,0,0,0.55)' },
        },
      }}
    >
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
