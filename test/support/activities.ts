// Reading what the bot sent over HTTP.
import type { Activity } from 'botbuilder';

/** The suggested-action titles of a reply, without the "Other times" paging button. */
export function offeredTitles(activity: Activity | undefined): string[] {
  return (activity?.suggestedActions?.actions ?? []).map((action) => String(action.title)).filter((title) => title !== 'Other times');
}

/** The last reply's text. */
export function lastText(replies: Activity[]): string {
  return replies[replies.length - 1]?.text ?? '';
}
