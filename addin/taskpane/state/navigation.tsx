/** Which view the task pane shows, and which partner is open. */
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useSession } from "./session";
import { listInWords, useUnsavedEdits } from "./unsaved";

export type ViewId = "partners" | "partner" | "portfolio" | "import";

export interface Navigation {
  readonly view: ViewId;
  readonly partnerId?: string;
  /**
   * Shows a view; `partnerId` opens that partner. Opening another partner while the open one has
   * edits not saved asks first (and goes nowhere if the user stays).
   */
  go(view: ViewId, partnerId?: string): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation outside NavigationProvider");
  return navigation;
}

interface Place {
  view: ViewId;
  partnerId?: string;
}

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Place>({ view: "partners" });
  const [pending, setPending] = useState<Place>();
  const edits = useUnsavedEdits();
  const session = useSession();
  const move = useCallback((place: Place) => {
    setState((s) => ({ view: place.view, partnerId: place.partnerId ?? s.partnerId }));
    // A new view starts at its top, not where the last one was scrolled to.
    if (typeof window !== "undefined") window.scrollTo?.(0, 0);
  }, []);
  const dirty = edits.labels.length > 0;
  const navigation = useMemo<Navigation>(
    () => ({
      ...state,
      go: (view, partnerId) => {
        const leaving = partnerId !== undefined && state.partnerId !== undefined && partnerId !== state.partnerId;
        if (leaving && dirty) setPending({ view, partnerId });
        else move({ view, partnerId });
      },
    }),
    [state, dirty, move],
  );
  const name = (id?: string) => (id && session.data?.partner(id)?.name) || id || "";
  return (
    <NavigationContext.Provider value={navigation}>
      {children}
      {pending && (
        <ConfirmDialog
          title="Discard edits not saved?"
          confirm={`Discard and open ${name(pending.partnerId)}`}
          cancel={`Stay on ${name(state.partnerId)}`}
          onConfirm={() => {
            setPending(undefined);
            move(pending);
          }}
          onCancel={() => {
            setPending(undefined);
            // "Stay on" the partner whose edits these are: back to its page from the list or the Portfolio.
            if (state.view !== "partner") move({ view: "partner", partnerId: state.partnerId });
          }}
        >
          {name(state.partnerId)} has edits not saved in {listInWords(edits.labels)}. Opening {name(pending.partnerId)} discards them; stay
          to save them first.
        </ConfirmDialog>
      )}
    </NavigationContext.Provider>
  );
}
