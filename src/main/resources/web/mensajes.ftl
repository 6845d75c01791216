<#import "layout.ftl" as l>
<@l.pagina titulo="Mensajes" activo="mensajes">
<form method="get" action="/mensajes" class="filtros">
  <label>Resultado <select name="resultado" id="filtro-resultado"><option value="">Todos</option>
    <#list resultados as r><option value="${r}"<#if resultado == r> selected</#if>>${r?replace("_", " ")}</option></#list></select></label>
  <button type="submit">Filtrar</button>
</form>
<p class="nota">${miles(d.total)} mensajes.</p>
<table class="lista" id="tabla-mensajes">
<thead><tr><th>Recibido</th><th>Buzón</th><th>Remitente</th><th>Asunto</th><th>Tipo</th><th>Resultado</th><th>Motivo</th><th></th></tr></thead>
<tbody>
<#list d.mensajes as m>
<tr>
  <td>${fecha(m.recibido!"")}</td><td>${m.buzon!""}</td><td>${m.remitente!""}</td><td>${m.asunto!""}</td>
  <td>${m.tipo!""}</td><td><span class="estado estado-${m.resultado}">${m.resultado?replace("_", " ")}</span></td>
  <td>${m.motivo!""}<#if m.error??><br><span class="error">${m.error}</span></#if>
    <#list m.reservas as r><br><a href="/reservas/${r.id_reserva?url}">${r.id_reserva}</a> (${r.efecto})</#list></td>
  <td><#if puedeActuar && m.reprocesable>
    <form method="post" action="/api/mensajes/${m.id?c}/reprocesar" data-accion="reprocesar" data-confirmar="¿Procesar este mensaje de nuevo?">
      <button type="submit" class="secundario">Reprocesar</button></form></#if></td>
</tr>
<#else>
<tr><td colspan="8" class="vacio">Sin mensajes.</td></tr>
</#list>
</tbody>
</table>
<nav class="paginas">
<#if pagina gt 1><a href="/mensajes?resultado=${resultado?url}&pagina=${pagina - 1}">← Anterior</a></#if>
<#if pagina * 50 lt d.total><a href="/mensajes?resultado=${resultado?url}&pagina=${pagina + 1}">Siguiente →</a></#if>
</nav>
</@l.pagina>
