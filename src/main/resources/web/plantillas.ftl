<#import "layout.ftl" as l>
<@l.pagina titulo="Plantillas" activo="plantillas">
<form method="get" action="/plantillas" class="filtros">
  <label>Plantilla <select name="plantilla" id="plantilla"><#list plantillas as p><option value="${p}"<#if p == plantilla> selected</#if>>${p?replace("_", " ")}</option></#list></select></label>
  <label>Reserva (vacío = datos de ejemplo) <input name="reserva" id="reserva-plantilla" value="${reserva}" maxlength="60"></label>
  <button type="submit" id="ver-plantilla">Ver</button>
</form>
<p class="nota">Plantillas desde ${origen}. Se editan en templates/ (FreeMarker); ver templates/README.md.</p>
<h2>Asunto</h2>
<p id="asunto-plantilla"><strong>${asunto}</strong></p>
<h2>Cuerpo HTML</h2>
<iframe class="vista-correo" id="vista-html" sandbox title="vista del correo" src="/plantillas/vista?plantilla=${plantilla?url}&reserva=${reserva?url}"></iframe>
<h2>Texto plano</h2>
<pre id="texto-plantilla">${texto}</pre>
</@l.pagina>
