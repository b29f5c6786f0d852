import { useCallback, useState } from "react";

/** The page's local storage, when the host allows it (some Office webviews do not). */
function storage(): Storage | undefined {
  try {
    return typeof window !== "undefined" ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** A text the user typed once and the task pane remembers on this computer (their name, their role). */
export function useRemembered(key: string, initial = ""): [string, (value: string) => void] {
  const [value, setValue] = useState(() => {
    try {
      return storage()?.getItem(`partnerfit.${key}`) ?? initial;
    } catch {
      return initial;
    }
  });
  const remember = useCallback(
    (next: string) => {
      setValue(next);
      try {
        storage()?.setItem(`partnerfit.${key}`, next);
      } catch {
        // Private browsing or a full store: the value still holds for this session.
      }
    },
    [key],
  );
  return [value, remember];
}
