/* The preview's control strip: switches the simulated viewer, then reloads the app frame. */
(function () {
  'use strict';
  var frame = document.getElementById('app');
  var user = document.getElementById('user');
  var product = document.getElementById('product');
  var theme = document.getElementById('theme');
  var locale = document.getElementById('locale');
  var info = document.getElementById('info');
  var closeWho = document.getElementById('close-who');
  var tokenMeta = document.querySelector('meta[name="preview-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute('content') : '';

  function show(state) {
    user.textContent = '';
    closeWho.textContent = '';
    state.users.forEach(function (u) {
      var option = document.createElement('option');
      option.value = u.accountId;
      var admin = u.admin.jira || u.admin.confluence ? 'admin' : 'not an admin';
      option.textContent = u.displayName + ' (' + admin + (u.closed ? ', closed' : '') + ')';
      user.appendChild(option);
      if (!u.closed && u.accountId !== state.viewpoint.accountId) {
        var closable = document.createElement('option');
        closable.value = u.accountId;
        closable.textContent = u.displayName;
        closeWho.appendChild(closable);
      }
    });
    user.value = state.viewpoint.accountId;
    product.value = state.viewpoint.product;
    theme.value = state.viewpoint.theme;
    locale.value = state.viewpoint.locale;
    info.textContent =
      (state.message ? state.message + ' · ' : '') +
      'Versions: ' +
      state.versions.join(', ') +
      ' · catalog: ' +
      state.catalogOrigin;
  }

  function control(action, value) {
    return fetch('/__preview/control', {
      method: 'POST',
      // The per-run token the server put into this page: without it the preview refuses the control.
      headers: { 'content-type': 'application/json', 'x-preview-token': token },
      body: JSON.stringify({ action: action, value: value }),
    })
      .then(function (r) {
        return r.json();
      })
      .then(function (state) {
        if (state.error) throw new Error(state.error);
        show(state);
        frame.src = '/app/?t=' + Date.now();
      })
      .catch(function (e) {
        info.textContent = String(e.message || e);
      });
  }

  user.addEventListener('change', function () {
    control('user', user.value);
  });
  product.addEventListener('change', function () {
    control('product', product.value);
  });
  theme.addEventListener('change', function () {
    control('theme', theme.value);
  });
  locale.addEventListener('change', function () {
    control('locale', locale.value);
  });
  document.getElementById('publish').addEventListener('click', function () {
    control('publish');
  });
  document.getElementById('close-account').addEventListener('click', function () {
    if (closeWho.value) control('close-account', closeWho.value);
  });
  document.getElementById('run-job').addEventListener('click', function () {
    control('run-personal-data-job');
  });
  document.getElementById('reset').addEventListener('click', function () {
    if (window.confirm('Wipe the preview storage for Jira and Confluence?')) control('reset');
  });

  fetch('/__preview/state')
    .then(function (r) {
      return r.json();
    })
    .then(show);
})();
