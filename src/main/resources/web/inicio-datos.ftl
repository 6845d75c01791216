<#-- The part of Inicio that refreshes itself (app.js fetches /?fragmento=1 every 30 s). -->
<#macro tarjeta id titulo n enlace>
<a class="tarjeta" id="tarjeta-${id}" href="${enlace}"><span class="cifra">${miles(n)}</span><span>${titulo}</span></a>
</#macro>
<#macro barras filas etiqueta="etiqueta">
<table class="barras">
<#list filas as f>
<tr><th>${f[etiqueta]}</th><td><svg class="barra" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${f.ancho}" height="10"/></svg></td><td class="n">${miles(f.n)}</td></tr>
</#list>
</table>
</#macro>
<div class="tarjetas">
  <@tarjeta "pendientes" "Pendientes" d.pendientes "/reservas?estado=pendiente"/>
  <@tarjeta "vencen-hoy" "Vencen hoy" d.vencen_hoy "/reservas?estado=pendiente"/>
  <@tarjeta "suspendidas" "Suspendidas" d.suspendidas "/reservas?estado=suspendida"/>
  <@tarjeta "recibidas-mes" "OC recibidas este mes" d.recibidas_mes "/reservas?estado=recibida"/>
  <@tarjeta "sin-contacto" "Sin contacto" d.sin_contacto "/reservas?estado=sin_contacto"/>
  <@tarjeta "revision" "En revisión" d.revision "/reservas?estado=revision"/>
  <@tarjeta "oc-sin-asignar" "OC sin asignar" d.oc_sin_asignar "/oc-sin-asignar"/>
  <@tarjeta "errores-correo" "Errores de correo" d.errores_correo "/mensajes?resultado=error"/>
</div>
<div class="graficos">
  <figure><figcaption>Pendientes por antigüedad (días hábiles)</figcaption><@barras edades/></figure>
  <figure><figcaption>OC recibidas por semana</figcaption>
    <#if semanas?has_content><@barras semanas/><#else><p class="vacio">Sin OC recibidas en las últimas 12 semanas.</p></#if>
  </figure>
  <figure><figcaption>Cómo se resolvió cada OC (90 días)</figcaption>
    <#if resolucion?has_content><@barras resolucion/><#else><p class="vacio">Sin OC en los últimos 90 días.</p></#if>
  </figure>
  <figure><figcaption>Tiempo hasta la OC (90 días)</figcaption><@barras tramosOc/></figure>
</div>
<p class="nota">Tarjetas actualizadas a las ${actualizado} (se actualizan solas cada 30 segundos); gráficos de OC calculados a las ${graficosDe} (cada 2 minutos).</p>
