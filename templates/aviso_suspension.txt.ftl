<#import "layout.ftl" as l>
La siguiente reserva quedó SUSPENDIDA el ${suspension.fecha} a las ${suspension.hora}: el cliente no envió la orden de compra después de la solicitud del ${solicitud.fecha}, el recordatorio y el último aviso.

<@l.detailsText/>

Qué hacer: avise al hotel<#if reserva.hotel?has_content> (${reserva.hotel}<#if reserva.telefono_hotel?has_content>, teléfono ${reserva.telefono_hotel}</#if>)</#if> y decida con el cliente. No se enviarán más correos al cliente. Si la OC llega, la reserva se marcará como recibida y podrá reactivarse.

<@l.signatureText/>
