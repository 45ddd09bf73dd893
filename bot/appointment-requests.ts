// Connects the booking dialog to the insertion results: when NexHealth accepts a request, the
// conversation reference and what is needed to offer other times are recorded durably.
import { TurnContext } from 'botbuilder';
import type { AppointmentRequestListener } from '../dialogs/dialog-services';
import { retryDraft, slotKey } from '../services/booking';
import type { InsertionOutcomes } from '../services/notify';

export class AppointmentRequests implements AppointmentRequestListener {
  constructor(private readonly outcomes: InsertionOutcomes) {}

  async appointmentRequested(context: TurnContext, request: Parameters<AppointmentRequestListener['appointmentRequested']>[1]): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    // Enough to reach the conversation; not who the user is (Teams gives a display name, an AAD id).
    const user = reference.user && { id: reference.user.id, role: reference.user.role };
    await this.outcomes.requested({
      appointmentId: request.appointment.id,
      conversation: JSON.parse(JSON.stringify({ ...reference, user })) as Record<string, unknown>,
      summary: request.summary,
      retry: { ...retryDraft(request.draft, slotKey(request.slot)) },
      ...(request.draft.replaces ? { replaces: request.draft.replaces } : {}),
    });
  }

  replacementPending(appointmentId: number): Promise<boolean> {
    return this.outcomes.isReplacementPending(appointmentId);
  }
}
