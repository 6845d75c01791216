<#import "layout.ftl" as l>
<@l.pagina titulo="Calendario ${d.anio?c}" activo="calendario">
<nav class="paginas"><a href="/calendario?anio=${(d.anio - 1)?c}">← ${(d.anio - 1)?c}</a><a href="/calendario?anio=${(d.anio + 1)?c}">${(d.anio + 1)?c} →</a></nav>
<div class="dos-columnas">
<section>
  <h2>Feriados que ve la escalera</h2>
  <table class="lista" id="tabla-feriados"><thead><tr><th>Fecha</th><th>Feriado</th></tr></thead><tbody>
  <#list d.feriados as f><tr><td>${f.dia}</td><td>${f.nombre}</td></tr><#else><tr><td colspan="2" class="vacio">Sin feriados.</td></tr></#list>
  </tbody></table>
  <p class="nota">Calculados por regla (ley chilena, incluidos los trasladables y el solsticio) más los cambios de la derecha.</p>
</section>
<section>
  <h2>Cambios manuales</h2>
  <#if puedeActuar>
  <form method="post" action="/api/calendario/feriados" data-accion="feriado" data-confirmar="¿Guardar este cambio del calendario? La escalera se replanifica.">
    <label>Fecha <input type="date" name="fecha" required></label>
    <label>Nombre <input name="nombre" maxlength="100" placeholder="p. ej. Elecciones"></label>
    <label>Es <select name="feriado"><option value="true">feriado</option><option value="false">día hábil (se trabaja)</option></select></label>
    <button type="submit" id="agregar-feriado">Guardar</button>
  </form>
  </#if>
  <table class="lista" id="tabla-cambios"><thead><tr><th>Fecha</th><th>Cambio</th><th></th></tr></thead><tbody>
  <#list cambios as c>
    <tr><td>${c.dia()}</td><td><#if c.feriado()>feriado: ${c.nombre()!""}<#else>se trabaja</#if></td>
      <td><#if puedeActuar><form method="post" data-metodo="DELETE" action="/api/calendario/feriados/${c.fecha()}" data-accion="quitar-feriado"
          data-confirmar="¿Quitar el cambio del ${c.dia()}? Vuelve a regir la regla."><button type="submit" class="secundario">Quitar</button></form></#if></td></tr>
  <#else><tr><td colspan="3" class="vacio">Sin cambios manuales.</td></tr></#list>
  </tbody></table>
</section>
</div>
</@l.pagina>
