<#import "layout.ftl" as l>
<@l.pagina titulo="Reservas" activo="reservas">
<form method="get" action="/reservas" class="filtros" id="filtros">
  <label>Buscar <input name="q" id="buscar" value="${f.q}" placeholder="ID, LOC, localizador o apellido" maxlength="100"></label>
  <label>Estado <select name="estado" id="filtro-estado"><option value="">Todos</option>
    <#list estados as e><option value="${e}"<#if f.estado == e> selected</#if>>${e?replace("_", " ")}</option></#list></select></label>
  <label>Agencia <input name="agencia" value="${f.agencia}" maxlength="100"></label>
  <label>Entrada desde <input type="date" name="desde" value="${f.desde}"></label>
  <label>hasta <input type="date" name="hasta" value="${f.hasta}"></label>
  <button type="submit" id="filtrar">Filtrar</button>
  <a class="boton secundario" id="exportar" href="/reservas.csv?estado=${f.estado?url}&agencia=${f.agencia?url}&desde=${f.desde?url}&hasta=${f.hasta?url}&q=${f.q?url}">Exportar CSV</a>
</form>
<p class="nota">${miles(r.total)} reservas<#if r.total gt 0>; página ${pagina} de ${((r.total + porPagina - 1) / porPagina)?floor}</#if>.</p>
<table class="lista" id="tabla-reservas">
<thead><tr><th>ID</th><th>LOC</th><th>Agencia</th><th>Hotel</th><th>Entrada</th><th>Monto</th><th>Estado</th></tr></thead>
<tbody>
<#list r.reservas as x>
<tr>
  <td><a href="/reservas/${x.id_reserva?url}">${x.id_reserva}</a></td>
  <td>${x.loc_interno!""}</td>
  <td>${x.agencia!""}</td>
  <td>${x.nombre_hotel!""}</td>
  <td>${fecha(x.fecha_checkin!"")}</td>
  <td class="n">${plata(x.monto_total!"0", x.moneda!"CLP")}</td>
  <td><@l.estado x.estado/></td>
</tr>
<#else>
<tr><td colspan="7" class="vacio">No hay reservas con estos filtros.</td></tr>
</#list>
</tbody>
</table>
<nav class="paginas">
<#assign base = "/reservas?estado=${f.estado?url}&agencia=${f.agencia?url}&desde=${f.desde?url}&hasta=${f.hasta?url}&q=${f.q?url}">
<#if pagina gt 1><a href="${base}&pagina=${pagina - 1}" id="anterior">← Anterior</a></#if>
<#if pagina * porPagina lt r.total><a href="${base}&pagina=${pagina + 1}" id="siguiente">Siguiente →</a></#if>
</nav>
</@l.pagina>
