<#import "layout.ftl" as l>
Llegó la orden de compra de una reserva que estaba SUSPENDIDA. La reserva quedó como OC recibida.

<@l.detailsText/>

Qué hacer: si corresponde, reactive la reserva con el hotel<#if reserva.hotel?has_content> (${reserva.hotel}<#if reserva.telefono_hotel?has_content>, teléfono ${reserva.telefono_hotel}</#if>)</#if> e informe al cliente.

<@l.signatureText/>
