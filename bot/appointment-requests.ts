// Connects the booking dialog to the insertion results: when NexHealth accepts a request, the
// conversation reference and what is needed to offer other times are recorded durably.
import { TurnContext } from 'botbuilder';
import type { AppointmentRequest, AppointmentRequestListener } from '../dialogs/dialog-services';
import { retryDraft, slotKey } from '../services/booking';
import type { PendingRequests } from '../services/notify';

export class AppointmentRequests implements AppointmentRequestListener {
  constructor(private readonly outcomes: PendingRequests) {}

  async appointmentRequested(context: TurnContext, request: AppointmentRequest): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    // Enough to reach the conversation; not who the user is (Teams gives a display name, an AAD id).
    const user = reference.user && { id: reference.user.id, role: reference.user.role };
    const conversation = JSON.parse(JSON.stringify({ ...reference, user })) as Record<string, unknown>;
    const watch = { type: request.type, start: request.appointment.start_time, timeZone: request.timeZone };
    if (!request.awaitsInsertion) {
      await this.outcomes.requestedWithoutInsertion({ appointmentId: request.appointment.id, conversation, ...watch });
      return;
    }
    await this.outcomes.requested({
      appointmentId: request.appointment.id,
      conversation,
      summary: request.summary,
      retry: { ...retryDraft(request.draft, slotKey(request.slot)) },
      watch,
      ...(request.draft.replaces ? { replaces: request.draft.replaces } : {}),
    });
  }

  replacementPending(appointmentId: number): Promise<boolean> {
    return this.outcomes.isReplacementPending(appointmentId);
  }
}
