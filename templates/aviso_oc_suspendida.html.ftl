<#import "layout.ftl" as l>
<@l.page title="OC recibida para una reserva suspendida">
<p>Llegó la orden de compra de una reserva que estaba <strong>suspendida</strong>. La reserva quedó como OC recibida.</p>
<@l.details/>
<p><strong>Qué hacer:</strong> si corresponde, reactive la reserva con el hotel<#if reserva.hotel?has_content> (${reserva.hotel}<#if reserva.telefono_hotel?has_content>, teléfono ${reserva.telefono_hotel}</#if>)</#if> e informe al cliente.</p>
</@l.page>
