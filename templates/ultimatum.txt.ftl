<#import "layout.ftl" as l>
Estimado/a cliente de ${reserva.agencia}:

No hemos recibido la orden de compra de la siguiente reserva, solicitada el ${solicitud.fecha}.

<@l.detailsText/>

IMPORTANTE: si no recibimos la orden de compra, la reserva será suspendida el ${suspension.fecha} a las ${suspension.hora}.

<@l.howText/>

Muchas gracias.

<@l.signatureText/>
