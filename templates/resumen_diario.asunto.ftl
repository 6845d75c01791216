Resumen diario de OC - ${fecha}: ${pendientes} pendientes, ${oc_recibidas} OC recibidas<#if (sin_asignar + atencion_total + mensajes_con_error + fallidos) gt 0>, requiere atención</#if>
