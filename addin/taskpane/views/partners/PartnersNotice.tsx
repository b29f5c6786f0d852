/** What the partner list last did for the user (the workbook set up, a partner added), with the partner to open. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";

export interface Notice {
  text: string;
  partner?: { id: string; name: string };
}

export function PartnersNotice({ notice, onOpen, onDismiss }: { notice: Notice; onOpen: (partnerId: string) => void; onDismiss: () => void }) {
  return (
    <MessageBar intent="success" layout="multiline" data-testid="partners-notice">
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss" icon={<Dismiss20Regular />} onClick={onDismiss} />}>
        {notice.partner && (
          <Button size="small" onClick={() => onOpen(notice.partner!.id)}>
            Open {notice.partner.name}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
