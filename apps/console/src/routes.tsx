import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ConsoleLayout } from './components/console-layout';
import { ErrorBoundary, FailedPage } from './components/error-boundary';
import { PageLoading } from './components/page-loading';

// Each page is its own chunk: the first page loads the layout and itself only.
const CaseSearchPage = lazy(() => import('./pages/case-search-page'));
const CasePage = lazy(() => import('./pages/case-page'));
const OpenCasePage = lazy(() => import('./pages/open-case-page'));
const ReviewQueuePage = lazy(() => import('./pages/review-queue-page'));
const ReviewPage = lazy(() => import('./pages/review-page'));
const MyTasksPage = lazy(() => import('./pages/my-tasks-page'));
const ApprovalsPage = lazy(() => import('./pages/approvals-page'));
const InboxPage = lazy(() => import('./pages/inbox-page'));
const BoardPage = lazy(() => import('./pages/board-page'));
const DirectoryPage = lazy(() => import('./pages/directory-page'));
const SystemStatusPage = lazy(() => import('./pages/system-status-page'));
const CalendarPage = lazy(() => import('./pages/calendar-page'));
const DisclosureListPage = lazy(() => import('./pages/disclosure-list-page'));
const DisclosurePage = lazy(() => import('./pages/disclosure-page'));
const ExemptionsPage = lazy(() => import('./pages/exemptions-page'));
const PublicationCompletenessPage = lazy(() => import('./pages/publication-completeness-page'));
const InspectionPage = lazy(() => import('./pages/inspection-page'));
const InspectionTaskPage = lazy(() => import('./pages/inspection-task-page'));
const CorrectionQueuePage = lazy(() => import('./pages/correction-queue-page'));
const CorrectionRequestPage = lazy(() => import('./pages/correction-request-page'));
const CataloguePage = lazy(() => import('./pages/catalogue-page'));
const CatalogueEntryNewPage = lazy(() => import('./pages/catalogue-entry-new-page'));
const CatalogueChangePage = lazy(() => import('./pages/catalogue-change-page'));
const CatalogueChangeNewPage = lazy(() => import('./pages/catalogue-change-new-page'));
const StatisticsPage = lazy(() => import('./pages/statistics-page'));

// A failing page shows an error in Chinese inside the layout; the menu stays usable.
const page = (element: ReactNode) => (
  <ErrorBoundary>
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </ErrorBoundary>
);

export const router = createBrowserRouter([
  {
    path: '/',
    element: <ConsoleLayout />,
    errorElement: <FailedPage />,
    children: [
      { index: true, element: page(<CaseSearchPage />) },
      { path: 'cases', element: page(<CaseSearchPage />) },
      { path: 'cases/new', element: page(<OpenCasePage />) },
      { path: 'cases/:caseNumber', element: page(<CasePage />) },
      { path: 'reviews', element: page(<ReviewQueuePage />) },
      { path: 'reviews/:reviewId', element: page(<ReviewPage />) },
      { path: 'tasks', element: page(<MyTasksPage />) },
      { path: 'approvals', element: page(<ApprovalsPage />) },
      { path: 'inbox', element: page(<InboxPage />) },
      { path: 'board', element: page(<BoardPage />) },
      { path: 'admin/directory', element: page(<DirectoryPage />) },
      { path: 'admin/status', element: page(<SystemStatusPage />) },
      { path: 'admin/calendar', element: page(<CalendarPage />) },
      { path: 'disclosures', element: page(<DisclosureListPage />) },
      { path: 'disclosures/:id', element: page(<DisclosurePage />) },
      { path: 'exemptions', element: page(<ExemptionsPage />) },
      { path: 'publication-completeness', element: page(<PublicationCompletenessPage />) },
      { path: 'inspection', element: page(<InspectionPage />) },
      { path: 'inspection/tasks/:taskId', element: page(<InspectionTaskPage />) },
      { path: 'correction-requests', element: page(<CorrectionQueuePage />) },
      { path: 'correction-requests/:id', element: page(<CorrectionRequestPage />) },
      { path: 'catalogue', element: page(<CataloguePage />) },
      { path: 'catalogue/new', element: page(<CatalogueEntryNewPage />) },
      { path: 'catalogue-changes/new', element: page(<CatalogueChangeNewPage />) },
      { path: 'catalogue-changes/:id', element: page(<CatalogueChangePage />) },
      { path: 'statistics', element: page(<StatisticsPage />) },
    ],
  },
]);
