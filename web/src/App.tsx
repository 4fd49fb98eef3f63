import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError, configureApiClient } from './api/client';
import { queryKeys } from './api/hooks';
import { antdLocale, currentLanguage, isLanguage } from './i18n';
import { router } from './router';
import { fontFamilyFor, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network hiccups and 5xx might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

configureApiClient({
  language: currentLanguage,
  // The session is gone: forgetting "me" makes the route guard send the user to sign-in.
  onUnauthenticated: () => queryClient.setQueryData(queryKeys.me, null),
});

function ThemedApp() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const themed = useMemo(
    () => ({ ...theme, token: { ...theme.token, fontFamily: fontFamilyFor(language) } }),
    [language],
  );
  return (
    <ConfigProvider theme={themed} locale={antdLocale(language)} componentSize="middle">
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp />
    </QueryClientProvider>
  );
}
