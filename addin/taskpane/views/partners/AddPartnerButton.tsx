/** The Add partner button; its form (a Fluent Dialog) loads when first asked for. */
import { Button, Spinner } from "@fluentui/react-components";
import { PersonAdd20Regular } from "@fluentui/react-icons/svg/person-add";
import { Suspense, lazy, useState } from "react";

const form = () => import(/* webpackChunkName: "add-partner" */ "./AddPartnerDialog");
const AddPartnerDialog = lazy(() => form().then((m) => ({ default: m.AddPartnerDialog })));

export function AddPartnerButton({ onAdded, appearance }: { onAdded: (partner: { id: string; name: string }) => void; appearance?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(false);
  return (
    <>
      <Button
        appearance={appearance}
        icon={opening && !open ? <Spinner size="tiny" /> : <PersonAdd20Regular />}
        // Fetched as the pointer comes near, so that the form is there when clicked.
        onPointerEnter={() => void form()}
        onClick={() => {
          setOpening(true);
          setOpen(true);
        }}
      >
        Add partner
      </Button>
      {open && (
        <Suspense fallback={null}>
          <AddPartnerDialog
            onAdded={onAdded}
            onClose={() => {
              setOpen(false);
              setOpening(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
