// Seguimiento OC: the dashboard's only script (no inline script anywhere; CSP allows 'self' only).
// 1. Forms marked data-accion are sent with fetch, with the session's CSRF token in X-CSRF-Token,
//    after a confirmation when data-confirmar says so. Fields go as JSON (empty ones left out); those
//    named in data-consulta also go in the query string.
// 2. Sections with data-refrescar reload their HTML every data-cada seconds.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf"]') || {}).content || '';

  function notice(text, error) {
    var box = document.getElementById('aviso');
    if (!box) { return; }
    box.textContent = text;           // text, never HTML
    box.className = error ? 'aviso error' : 'aviso ok';
    box.hidden = false;
  }

  function send(form) {
    var json = {};
    var query = [];
    var inQuery = (form.dataset.consulta || '').split(',');
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.type === 'submit' || el.value === '') { return; }
      json[el.name] = el.value;
      if (inQuery.indexOf(el.name) >= 0) {
        query.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.value));
      }
    });
    var url = form.getAttribute('action') + (query.length ? '?' + query.join('&') : '');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(json)
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.accion) { return; }
    event.preventDefault();
    if (form.dataset.confirmar && !window.confirm(form.dataset.confirmar)) { return; }
    var buttons = form.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    send(form).then(function (response) {
      if (form.dataset.accion === 'salir') { window.location.assign('/login?motivo=salida'); return; }
      return response.text().then(function (text) {
        var answer = {};
        try { answer = JSON.parse(text); } catch (e) { answer = {}; }
        if (response.ok) {
          notice(answer.mensaje || 'Listo.', false);
          window.setTimeout(function () { window.location.reload(); }, 600);
        } else {
          notice(answer.error || ('Error ' + response.status), true);
        }
      });
    }).catch(function () {
      notice('No se pudo contactar al servidor.', true);
    }).then(function () {
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-refrescar]'), function (section) {
    var seconds = Math.max(5, parseInt(section.dataset.cada || '30', 10));
    window.setInterval(function () {
      fetch(section.dataset.refrescar, { credentials: 'same-origin' }).then(function (r) {
        if (r.redirected || !r.ok) { return; }
        return r.text().then(function (html) { section.innerHTML = html; });  // server-escaped HTML of this origin
      }).catch(function () { /* the next round tries again */ });
    }, seconds * 1000);
  });
}());
