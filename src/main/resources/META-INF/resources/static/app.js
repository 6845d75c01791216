// Seguimiento OC: the dashboard's only script (no inline script anywhere; CSP allows 'self' only).
// 1. Forms marked data-accion are sent with fetch (POST, or data-metodo), with the session's CSRF token in X-CSRF-Token,
//    after a confirmation when data-confirmar says so. Fields go as JSON (empty ones left out); those
//    named in data-consulta also go in the query string. A chosen file is sent as the body instead,
//    with every field in the query string.
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
    var fileInput = form.querySelector('input[type=file]');
    var file = fileInput && fileInput.files.length ? fileInput.files[0] : null;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.type === 'submit' || el.type === 'file' || el.value === '') { return; }
      json[el.name] = el.value;
      if (file || inQuery.indexOf(el.name) >= 0) {
        query.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.value));
      }
    });
    if (file) {  // the file is the body; the other fields and its name go in the query string
      query.push(encodeURIComponent(fileInput.name) + '=' + encodeURIComponent(file.name));
    }
    var url = form.getAttribute('action') + (query.length ? '?' + query.join('&') : '');
    return fetch(url, {
      method: form.dataset.metodo || 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json',
                 'Content-Type': file ? (file.type || 'application/octet-stream') : 'application/json' },
      body: file ? file : JSON.stringify(json)
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
        if (response.ok && form.dataset.mostrar) {  // a secret shown once (an API token): no reload
          notice((answer.mensaje || '') + ' ' + (answer[form.dataset.mostrar] || ''), false);
        } else if (response.ok) {
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

  // 3. CSV import with a preview: the file is sent with ?simular=true (nothing is saved), the report is
  //    shown, and "Aplicar" sends the same text for real.
  var csvText = null;
  function csvSend(form, simulate) {
    return fetch(form.dataset.csv + (simulate ? '?simular=true' : ''), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'text/csv; charset=utf-8', 'Accept': 'application/json' },
      body: csvText
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); });
  }
  function csvReport(report) {
    var rows = [['Se crearían', report.creados, report.detalle_creados], ['Cambiarían', report.actualizados, report.detalle_actualizados],
                ['Sin cambios', report.sin_cambios, []], ['Con error', report.con_error, []]];
    var body = document.querySelector('#resumen-importacion tbody');
    body.textContent = '';
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      [row[0], String(row[1]), (row[2] || []).join(', ')].forEach(function (text) {
        var td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var errors = document.getElementById('errores-importacion');
    errors.textContent = '';
    (report.errores || []).concat(report.advertencias || []).forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = 'Línea ' + e.linea + ': ' + (e.error || e.aviso);
      errors.appendChild(li);
    });
    document.getElementById('vista-previa').hidden = false;
  }
  Array.prototype.forEach.call(document.querySelectorAll('form[data-csv]'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = form.querySelector('input[type=file]').files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        csvText = text;
        return csvSend(form, true);
      }).then(function (answer) {
        if (answer.ok) { csvReport(answer.body); } else { notice(answer.body.error || 'No se pudo leer el CSV.', true); }
      });
    });
    var apply = document.getElementById('aplicar-importacion');
    apply.addEventListener('click', function () {
      if (csvText === null || !window.confirm('¿Aplicar la importación? Se guardan los cambios mostrados.')) { return; }
      csvSend(form, false).then(function (answer) {
        if (answer.ok) {
          notice('Importación aplicada: ' + answer.body.creados + ' creados, ' + answer.body.actualizados + ' actualizados.', false);
          window.setTimeout(function () { window.location.reload(); }, 1200);
        } else {
          notice(answer.body.error || 'La importación falló.', true);
        }
      });
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
