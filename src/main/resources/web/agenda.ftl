<#import "layout.ftl" as l>
<@l.pagina titulo="Agenda" activo="agenda">
<form method="get" action="/agenda" class="filtros">
  <label>Próximos días hábiles <input type="number" name="dias" min="1" max="60" value="${dias}"></label>
  <button type="submit">Ver</button>
</form>
<p class="nota">${miles(total)} envíos o suspensiones previstos hasta el ${fechaLarga(hasta)} para las ${mostradas} reservas pendientes con el próximo paso más cercano, según la escalera de hoy (una OC recibida los detiene). La lista completa: <a href="/api/agenda?hasta=${hasta}">/api/agenda</a>.</p>
<#list porDia as dia, items>
<section class="dia">
  <h2>${fechaLarga(dia)}</h2>
  <table class="lista"><thead><tr><th>Hora</th><th>Reserva</th><th>Agencia</th><th>Paso</th></tr></thead><tbody>
  <#list items as i>
    <tr><td>${(i.fecha_local?length gt 15)?then(i.fecha_local?substring(11, 16), "")}</td>
      <td><a href="/reservas/${i.id_reserva?url}">${i.id_reserva}</a></td><td>${i.agencia!""}</td>
      <td><span class="estado<#if i.paso == "suspension"> estado-suspendida</#if>">${i.paso?replace("_", " ")}</span></td></tr>
  </#list>
  </tbody></table>
</section>
<#else>
<p class="vacio" id="agenda-vacia">Nada previsto en estos días.</p>
</#list>
</@l.pagina>
