/** Asks before the pane drops work: the safe choice is the primary button and what Escape does. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  /** The button that goes ahead (and drops the work). */
  confirm: string;
  /** The button that keeps the work. */
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onCancel}>
              {props.cancel}
            </Button>
            <Button onClick={props.onConfirm}>{props.confirm}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
