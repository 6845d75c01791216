<#import "layout.ftl" as l>
<@l.pagina titulo="OC sin asignar" activo="oc">
<p class="nota">OC recibidas que no se pudieron asignar solas: elija la reserva, o descarte la OC. ${miles(d.total)} en espera.</p>
<#list d.ordenes as o>
<article class="tarjeta-oc" id="oc-${o.id?c}">
  <h2>OC ${o.numero_oc!"sin número"} <span class="nota">recibida ${fecha(o.recibida)}</span></h2>
  <p>De <strong>${o.remitente!""}</strong>: «${o.asunto!""}»</p>
  <p class="motivo">Motivo: ${o.motivo!"sin motivo registrado"}</p>
  <#if o.archivos?has_content><p>Archivos:
    <#list o.archivos as f><a href="/api/oc/archivos/${f.id?c}" target="_blank" rel="noopener">${f.nombre}</a><#sep>, </#sep></#list></p></#if>
  <#if puedeActuar>
  <form method="post" action="/api/oc/${o.id?c}/asignar" data-accion="asignar" data-confirmar="¿Asignar esta OC a la reserva elegida? Su escalera se detiene.">
    <label>Reserva
      <select name="reserva_id" class="candidato">
        <#list o.candidatos![] as c><option value="${c.code}">${c.code} · LOC ${c.loc!""} (${c.status!""})</option></#list>
      </select></label>
    <label>u otro ID <input name="reserva_id" class="otro-id" maxlength="60" placeholder="ID de la reserva"></label>
    <button type="submit" class="asignar">Asignar</button>
  </form>
  <form method="post" action="/api/oc/${o.id?c}/descartar" data-accion="descartar" data-confirmar="¿Descartar esta OC? Queda registrada como descartada.">
    <label>Motivo <input name="motivo" maxlength="200" placeholder="p. ej. duplicada"></label>
    <button type="submit" class="secundario">Descartar</button>
  </form>
  </#if>
</article>
<#else>
<p class="vacio" id="cola-vacia">No hay OC esperando asignación.</p>
</#list>
<nav class="paginas">
<#if pagina gt 1><a href="/oc-sin-asignar?pagina=${pagina - 1}">← Anterior</a></#if>
<#if pagina * 50 lt d.total><a href="/oc-sin-asignar?pagina=${pagina + 1}">Siguiente →</a></#if>
</nav>
</@l.pagina>
