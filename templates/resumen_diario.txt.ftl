<#import "layout.ftl" as l>
Resumen diario de OC - ${fecha}
Desde el ${desde} hasta hoy:

Correos enviados por nivel:
<#list envios as e>  ${e.paso?replace("_", " ")}: ${e.n}
<#else>  ninguno
</#list>
<#if fallidos gt 0>${fallidos} envío(s) fallido(s) o inciertos: revíselos en el panel.
</#if>
OC recibidas y asignadas: ${oc_recibidas}

Pendientes por antigüedad (días hábiles):
<#list antiguedad as a>  ${a.tramo}: ${a.n}
</#list>  Total pendientes: ${pendientes}
Suspendidas: ${suspendidas} · Sin contacto: ${sin_contacto} · En revisión: ${revision}

OC sin asignar: <#if sin_asignar gt 0>${sin_asignar} (la más antigua, del ${sin_asignar_desde})<#else>ninguna</#if>

Requiere atención:
<#if atencion_total == 0 && mensajes_con_error == 0>  nada
</#if><#list atencion as a>  ${a.id_reserva}: ${a.motivo}
</#list><#if mensajes_con_error gt 0>  ${mensajes_con_error} correo(s) recibido(s) con error (reprocesables en Mensajes)
<#list errores_mensajes as m>  «${m.asunto!"sin asunto"}»: ${m.error!""}
</#list></#if>
<@l.signatureText/>
