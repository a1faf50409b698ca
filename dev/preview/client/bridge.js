/*
 * The preview's stand-in for the Forge host: defines globalThis.__bridge before @forge/bridge loads.
 * Served only by the preview server (never part of the build). Every call goes to the preview server,
 * which decides who the caller is; nothing here can choose an identity.
 */
(function () {
  'use strict';

  function post(name, args) {
    return fetch('/__preview/bridge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: name, args: args === undefined ? null : args }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.error ? body.error : 'The preview bridge failed');
        return body.value;
      });
    });
  }

  // What the host does on view.theme.enable(): set the colour mode and the design tokens.
  function applyTheme(theme) {
    var mode = theme && theme.colorMode === 'dark' ? 'dark' : 'light';
    var root = document.documentElement;
    root.setAttribute('data-color-mode', mode);
    root.setAttribute('data-theme', mode === 'dark' ? 'dark:dark light:light' : 'dark:dark light:light');
    return new Promise(function (done) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__preview/theme.css?mode=' + mode;
      link.onload = function () {
        done(undefined);
      };
      link.onerror = function () {
        done(undefined);
      };
      document.head.appendChild(link);
    });
  }

  // A real host holds the context and the theme before the app's frame loads and answers at once. The
  // preview server writes both into this file as it serves it (HOST); served as a plain file, it asks for
  // both now, while the page's own script is still loading. Every caller gets the same answers.
  function early(name) {
    var answer = post(name);
    answer.catch(function () {
      // each caller sees the failure itself
    });
    return answer;
  }
  var HOST = /*__PREVIEW_HOST__*/ null;
  var context = HOST ? Promise.resolve(HOST.context) : early('getContext');
  var theme = HOST ? Promise.resolve(HOST.theme) : early('enableTheming');

  globalThis.__bridge = {
    callBridge: function (name, args) {
      if (name === 'getContext') return context;
      if (name === 'enableTheming') return theme.then(applyTheme);
      if (name === 'navigate' || name === 'open') {
        var url = args && (args.url || args.target);
        if (typeof url === 'string' && /^(https?:|mailto:)/i.test(url))
          window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve(undefined);
      }
      return post(name, args);
    },
  };
})();
