import { createBrowserRouter, Navigate } from 'react-router';
import { ChatLayout, ChatPage } from '@/features/chat/components/chat-page';
import { AppShell } from './layout/app-shell';
import { RouteError, NotFound } from './layout/route-error';
import { SignInRoute, RequireSession } from './session-routes';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="/chat" replace /> },
          {
            path: 'chat',
            element: <ChatLayout />,
            children: [
              // One route for a new chat and an open one: the page stays mounted as a new chat
              // becomes its conversation, mid-answer.
              { path: ':conversationId?', element: <ChatPage /> },
            ],
          },
          // Loaded when first opened, so the sign-in page and the chat carry none of their code.
          { path: 'files', lazy: () => import('./routes/files') },
          { path: 'organisation', lazy: () => import('./routes/organisation') },
          { path: 'feedback', lazy: () => import('./routes/feedback') },
          { path: 'usage', lazy: () => import('./routes/usage') },
          { path: 'audit', lazy: () => import('./routes/audit') },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
