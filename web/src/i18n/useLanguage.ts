import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMyLocale } from '../api/hooks';
import { applyLanguage, DEFAULT_LANGUAGE, isLanguage, type Language } from './index';

/** Current UI language and a setter that also saves the choice to the signed-in user's profile. */
export function useLanguage(): { language: Language; setLanguage: (next: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const me = useMe();
  const updateLocale = useUpdateMyLocale();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const signedInLocale = me.data?.user.locale;
  const { mutate } = updateLocale;

  const setLanguage = useCallback(
    async (next: Language) => {
      await applyLanguage(next);
      // Saving is best effort: the switch has happened on this device even if the server is unreachable.
      if (signedInLocale && signedInLocale !== next) mutate(next);
    },
    [signedInLocale, mutate],
  );
  return { language, setLanguage };
}
