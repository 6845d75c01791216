<#import "layout.ftl" as l>
<#-- The admins' daily summary (DAILY_SUMMARY_*): what happened since the previous business day and what needs a person. -->
<@l.page title="Resumen diario · ${fecha}">
<p>Desde el ${desde} hasta hoy:</p>
<h3 style="font-size:15px;margin:16px 0 6px;">Correos enviados por nivel</h3>
<#if envios?has_content>
<table role="presentation" cellpadding="4" style="border-collapse:collapse;">
<#list envios as e><tr><td>${e.paso?replace("_", " ")}</td><td style="text-align:right;"><strong>${e.n}</strong></td></tr></#list>
</table>
<#else><p>Ninguno.</p></#if>
<#if fallidos gt 0><p style="color:#b42318;">${fallidos} envío(s) fallido(s) o inciertos: revíselos en el panel.</p></#if>
<p><strong>${oc_recibidas}</strong> OC recibida(s) y asignada(s).</p>

<h3 style="font-size:15px;margin:16px 0 6px;">Pendientes por antigüedad (días hábiles)</h3>
<table role="presentation" cellpadding="4" style="border-collapse:collapse;">
<#list antiguedad as a><tr><td>${a.tramo}</td><td style="text-align:right;"><strong>${a.n}</strong></td></tr></#list>
<tr><td>Total pendientes</td><td style="text-align:right;"><strong>${pendientes}</strong></td></tr>
</table>
<p>Suspendidas: ${suspendidas} · Sin contacto: ${sin_contacto} · En revisión: ${revision}</p>

<h3 style="font-size:15px;margin:16px 0 6px;">OC sin asignar</h3>
<#if sin_asignar gt 0><p><strong>${sin_asignar}</strong> OC esperan que alguien elija su reserva (la más antigua, del ${sin_asignar_desde}).</p>
<#else><p>Ninguna.</p></#if>

<h3 style="font-size:15px;margin:16px 0 6px;">Requiere atención</h3>
<#if atencion_total == 0 && mensajes_con_error == 0><p>Nada.</p></#if>
<#if atencion_total gt 0><p>${atencion_total} reserva(s) pendiente(s) con un problema de envío:</p>
<ul><#list atencion as a><li>${a.id_reserva}: ${a.motivo}</li></#list></ul></#if>
<#if mensajes_con_error gt 0><p>${mensajes_con_error} correo(s) recibido(s) con error (reprocesables en Mensajes):</p>
<ul><#list errores_mensajes as m><li>«${m.asunto!"sin asunto"}»: ${m.error!""}</li></#list></ul></#if>
</@l.page>
