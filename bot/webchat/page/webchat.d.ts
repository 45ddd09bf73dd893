// The part of Web Chat's prebuilt bundle (window.WebChat) that chat.js uses.
interface DirectLineConnection {
  token: string;
  domain: string;
  webSocket: boolean;
  conversationId?: string;
}

interface WebChatGlobal {
  createDirectLine(connection: DirectLineConnection): unknown;
  renderWebChat(props: { directLine: unknown; locale: string; styleOptions: Record<string, string | number | boolean> }, element: HTMLElement): void;
}

interface Window {
  WebChat: WebChatGlobal;
}
