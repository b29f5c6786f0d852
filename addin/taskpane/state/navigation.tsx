/** Which view the task pane shows, and which partner is open. */
import { type ReactNode, createContext, useContext, useMemo, useState } from "react";

export type ViewId = "partners" | "partner" | "portfolio";

export interface Navigation {
  readonly view: ViewId;
  readonly partnerId?: string;
  /** Shows a view; `partnerId` opens that partner. */
  go(view: ViewId, partnerId?: string): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation outside NavigationProvider");
  return navigation;
}

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ view: ViewId; partnerId?: string }>({ view: "partners" });
  const navigation = useMemo<Navigation>(
    () => ({
      ...state,
      go: (view, partnerId) => {
        setState((s) => ({ view, partnerId: partnerId ?? s.partnerId }));
        // A new view starts at its top, not where the last one was scrolled to.
        if (typeof window !== "undefined") window.scrollTo?.(0, 0);
      },
    }),
    [state],
  );
  return <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>;
}
