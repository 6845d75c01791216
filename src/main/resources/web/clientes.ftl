<#import "layout.ftl" as l>
<#macro formulario c={} id="nuevo">
<form method="post" action="/api/clientes" data-accion="guardar-cliente" class="cliente" id="cliente-${id}"
      data-confirmar="¿Guardar el cliente? Sus reservas abiertas se vuelven a evaluar.">
  <label>Nombre (como viene en la confirmación) <input name="nombre" value="${c.nombre!""}" required maxlength="200"<#if id != "nuevo"> readonly</#if>></label>
  <label>¿Requiere OC? <select name="requiere_oc"><option value="true"<#if (c.requiere_oc!true)> selected</#if>>sí</option><option value="false"<#if !(c.requiere_oc!true)> selected</#if>>no</option></select></label>
  <label>Activo <select name="activo"><option value="true"<#if (c.activo!true)> selected</#if>>sí</option><option value="false"<#if !(c.activo!true)> selected</#if>>no</option></select></label>
  <label>Correos (separados por coma) <input name="correos" value="${(c.correos![])?join(", ")}" maxlength="1000"></label>
  <label>Copia (CC) <input name="correos_cc" value="${(c.correos_cc![])?join(", ")}" maxlength="1000"></label>
  <label>Alias (uno por línea) <textarea name="alias" rows="2" maxlength="2000">${(c.alias![])?join("\n")}</textarea></label>
  <label>Variante de escalera <input name="escalera" value="${c.escalera!""}" maxlength="60"></label>
  <label>Días por nivel (p. ej. recordatorio=3; ultimatum=5) <input name="dias_escalera" value="<#if c.dias_escalera??><#list c.dias_escalera as nivel, dias>${nivel}=${dias}<#sep>; </#sep></#list></#if>" maxlength="200"></label>
  <label>Omitir niveles <input name="omitir_niveles" value="${(c.omitir_niveles![])?join(", ")}" maxlength="200"></label>
  <label>Notas <input name="notas" value="${c.notas!""}" maxlength="1000"></label>
  <button type="submit">Guardar</button>
</form>
</#macro>
<@l.pagina titulo="Clientes" activo="clientes">
<#if d.agencias_desconocidas?has_content>
<section id="agencias-desconocidas">
  <h2>Agencias sin cliente</h2>
  <p class="nota">Confirmaciones de agencias que ningún cliente ni alias reconoce: sus reservas esperan en revisión.</p>
  <table class="lista"><thead><tr><th>Agencia</th><th>Reservas</th><th>Última</th><th></th></tr></thead><tbody>
  <#list d.agencias_desconocidas as a>
    <tr><td>${a.agencia}</td><td class="n">${a.reservas}</td><td>${fecha(a.ultima)}</td>
      <td><#if puedeActuar><form method="post" action="/api/clientes" data-accion="crear-cliente" data-confirmar="¿Crear el cliente «${a.agencia}» (requiere OC)?">
        <input type="hidden" name="nombre" value="${a.agencia}"><input type="hidden" name="requiere_oc" value="true">
        <button type="submit" class="crear-cliente">Crear cliente</button></form></#if></td></tr>
  </#list>
  </tbody></table>
</section>
</#if>

<#if puedeActuar>
<section id="importar">
  <h2>Importar CSV</h2>
  <p class="nota">Columnas de clientes.csv: nombre_agencia, requiere_oc (SI/NO), correos, correos_cc, activo, alias, notas, escalera, dias_escalera, omitir_niveles. Primero verá qué cambiaría; nada se guarda hasta que aplique.</p>
  <form data-csv="/api/clientes/importar" id="form-importar">
    <input type="file" name="archivo" id="archivo-csv" accept=".csv,text/csv" required>
    <button type="submit" id="previsualizar">Ver qué cambiaría</button>
  </form>
  <div id="vista-previa" hidden>
    <table class="lista" id="resumen-importacion"><tbody></tbody></table>
    <ul id="errores-importacion" class="error"></ul>
    <button type="button" id="aplicar-importacion">Aplicar importación</button>
  </div>
</section>
<section><h2>Nuevo cliente</h2><@formulario/></section>
</#if>

<h2>Clientes (${miles(d.total)})</h2>
<table class="lista" id="tabla-clientes">
<thead><tr><th>Nombre</th><th>OC</th><th>Correos</th><th>Estado</th><th>Escalera</th><th>Reservas abiertas</th></tr></thead>
<tbody>
<#list d.clientes as c>
<tr>
  <td><#if puedeActuar><details><summary>${c.nombre}</summary><@formulario c=c id=c.id?c/></details><#else>${c.nombre}</#if>
    <#if c.alias?has_content><br><span class="nota">alias: ${c.alias?join(", ")}</span></#if></td>
  <td>${c.requiere_oc?string("sí", "no")}</td>
  <td>${(c.correos![])?join(", ")}</td>
  <td>${c.activo?string("activo", "inactivo")}</td>
  <td>${c.escalera!"normal"}<#if c.omitir_niveles?has_content> · omite ${c.omitir_niveles?join(", ")}</#if></td>
  <td class="n">${c.reservas_abiertas}</td>
</tr>
<#else>
<tr><td colspan="6" class="vacio">No hay clientes.</td></tr>
</#list>
</tbody>
</table>
<nav class="paginas">
<#if pagina gt 1><a href="/clientes?pagina=${pagina - 1}">← Anterior</a></#if>
<#if pagina * 100 lt d.total><a href="/clientes?pagina=${pagina + 1}">Siguiente →</a></#if>
</nav>
</@l.pagina>
