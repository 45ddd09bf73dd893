// The practice's chat page: a header with the practice's name and Web Chat below it, connected to
// the bot's own Direct Line. A reload in the same tab resumes the conversation (token kept in
// sessionStorage, refreshed on load).

export interface WebChatPageOptions {
  practiceName: string;
  /** Where the Web Chat bundle is served. */
  bundlePath: string;
  /** The Direct Line API's path on this server. */
  directLinePath: string;
}

/** "demo-dental" → "Demo Dental": the practice's NexHealth subdomain, readable. */
export function practiceNameOf(subdomain: string): string {
  const words = subdomain.split(/[-_.\s]+/).filter(Boolean);
  return words.length > 0 ? words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') : 'Our practice';
}

export function webChatPage(options: WebChatPageOptions): string {
  const name = escapeHtml(options.practiceName);
  const initials = options.practiceName.split(/\s+/).map((word) => word[0] ?? '').join('').slice(0, 2).toUpperCase();
  // Values reach the script as JSON, never as markup.
  const settings = JSON.stringify({ directLinePath: options.directLinePath, initials }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · Book an appointment</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='16' fill='%230f766e'/%3E%3C/svg%3E">
<style>
  :root { --accent: #0f766e; --ink: #0f172a; --muted: #64748b; --page: #eef2f6; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { background: var(--page); color: var(--ink); font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: flex; flex-direction: column; }
  header { background: #fff; border-bottom: 1px solid #e2e8f0; }
  .bar { max-width: 760px; margin: 0 auto; padding: 14px 20px; display: flex; align-items: center; gap: 12px; }
  .logo { width: 40px; height: 40px; border-radius: 50%; background: var(--accent); color: #fff; display: grid; place-items: center; font-weight: 700; letter-spacing: .5px; flex: none; }
  h1 { font-size: 18px; margin: 0; }
  .sub { color: var(--muted); font-size: 13px; }
  main { flex: 1; min-height: 0; width: 100%; max-width: 760px; margin: 0 auto; padding: 20px; display: flex; flex-direction: column; }
  #webchat { flex: 1; min-height: 0; background: #fff; border-radius: 14px; box-shadow: 0 1px 3px rgba(15, 23, 42, .08), 0 8px 24px rgba(15, 23, 42, .06); overflow: hidden; }
  #status { padding: 24px; color: var(--muted); }
  footer { text-align: center; color: var(--muted); font-size: 12px; padding: 0 20px 14px; }
  @media (max-width: 640px) {
    .bar { padding: 10px 14px; }
    main { padding: 0; }
    #webchat { border-radius: 0; box-shadow: none; }
    footer { display: none; }
  }
</style>
</head>
<body>
<header>
  <div class="bar">
    <div class="logo" aria-hidden="true">${escapeHtml(initials)}</div>
    <div>
      <h1>${name}</h1>
      <div class="sub">Book an appointment online, any time</div>
    </div>
  </div>
</header>
<main>
  <div id="webchat" role="main"><div id="status">Connecting…</div></div>
</main>
<footer>Your details are used only to book your visit. For emergencies, call the office.</footer>
<script src="${escapeHtml(options.bundlePath)}"></script>
<script>
(function () {
  var settings = ${settings};
  var domain = window.location.origin + settings.directLinePath;
  var storageKey = 'booking-chat';
  var element = document.getElementById('webchat');

  function post(path, token) {
    return fetch(domain + path, { method: 'POST', headers: token ? { Authorization: 'Bearer ' + token } : {} }).then(function (response) {
      if (!response.ok) throw new Error('Direct Line ' + path + ': ' + response.status);
      return response.json();
    });
  }

  function saved() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null'); } catch (error) { return null; }
  }

  // Resume this tab's conversation when its token still works; otherwise start a new one.
  function grant() {
    var previous = saved();
    var fresh = function () { return post('/tokens/generate'); };
    if (!previous || !previous.token) return fresh();
    return post('/tokens/refresh', previous.token).then(function (refreshed) { refreshed.resume = true; return refreshed; }, fresh);
  }

  grant().then(function (granted) {
    window.sessionStorage.setItem(storageKey, JSON.stringify({ token: granted.token }));
    var connection = { token: granted.token, domain: domain, webSocket: true };
    if (granted.resume) connection.conversationId = granted.conversationId;
    element.innerHTML = '';
    window.WebChat.renderWebChat({
      directLine: window.WebChat.createDirectLine(connection),
      locale: 'en-US',
      styleOptions: {
        accent: '#0f766e',
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        bubbleBackground: '#f1f5f9',
        bubbleBorderWidth: 0,
        bubbleBorderRadius: 14,
        bubbleFromUserBackground: '#0f766e',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderWidth: 0,
        bubbleFromUserBorderRadius: 14,
        botAvatarInitials: settings.initials,
        botAvatarBackgroundColor: '#0f766e',
        hideUploadButton: true,
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 18,
        suggestedActionBorderColor: '#0f766e',
        suggestedActionTextColor: '#0f766e',
        sendBoxBorderTop: '1px solid #e2e8f0'
      }
    }, element);
    var input = element.querySelector('input, textarea');
    if (input) input.focus();
  }).catch(function () {
    document.getElementById('status').textContent = 'The chat is not available right now. Please call the office to book.';
  });
})();
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
