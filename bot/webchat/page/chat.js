// The chat page's script, served as a file from this origin (so the page's CSP needs no inline
// script). Connects Web Chat to the bot's own Direct Line; a reload in the same tab resumes the
// conversation (token kept in sessionStorage, refreshed on load). Plain JavaScript, checked by
// TypeScript (bot/webchat/page/tsconfig.json), so the same file runs from the sources and dist/.
'use strict';

(function () {
  /** @typedef {{ token: string, conversationId: string, resume?: boolean }} Grant */

  // The server writes these into the page as attributes, never as script.
  const settings = document.body.dataset;
  const domain = window.location.origin + (settings.directLinePath || '');
  const storageKey = 'booking-chat';
  const element = /** @type {HTMLElement} */ (document.getElementById('webchat'));

  /**
   * @param {string} path
   * @param {string} [token]
   * @returns {Promise<Grant>}
   */
  function post(path, token) {
    /** @type {Record<string, string>} */
    const headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(domain + path, { method: 'POST', headers: headers }).then(function (response) {
      if (!response.ok) throw new Error('Direct Line ' + path + ': ' + response.status);
      return response.json();
    });
  }

  /** @returns {{ token?: string } | null} */
  function saved() {
    try {
      /** @type {unknown} */
      const parsed = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return typeof parsed === 'object' ? /** @type {{ token?: string } | null} */ (parsed) : null;
    } catch {
      return null;
    }
  }

  // Resume this tab's conversation when its token still works; otherwise start a new one.
  /** @returns {Promise<Grant>} */
  function grant() {
    const previous = saved();
    const fresh = function () {
      return post('/tokens/generate');
    };
    if (!previous || !previous.token) return fresh();
    return post('/tokens/refresh', previous.token).then(function (refreshed) {
      refreshed.resume = true;
      return refreshed;
    }, fresh);
  }

  /** @param {Grant} granted */
  function render(granted) {
    window.sessionStorage.setItem(storageKey, JSON.stringify({ token: granted.token }));
    /** @type {DirectLineConnection} */
    const connection = { token: granted.token, domain: domain, webSocket: true };
    if (granted.resume) connection.conversationId = granted.conversationId;
    element.innerHTML = '';
    window.WebChat.renderWebChat(
      {
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
          botAvatarInitials: settings.initials || '',
          botAvatarBackgroundColor: '#0f766e',
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 18,
          suggestedActionBorderColor: '#0f766e',
          suggestedActionTextColor: '#0f766e',
          sendBoxBorderTop: '1px solid #e2e8f0',
        },
      },
      element,
    );
    const input = /** @type {HTMLElement | null} */ (element.querySelector('input, textarea'));
    if (input) input.focus();
  }

  grant()
    .then(render)
    .catch(function () {
      const status = document.getElementById('status');
      if (status) status.textContent = 'The chat is not available right now. Please call the office to book.';
    });
})();
