<#import "layout.ftl" as l>
Estimado/a cliente de ${reserva.agencia}:

Le recordamos que aún no hemos recibido la orden de compra de la reserva que le solicitamos el ${solicitud.fecha}.

<@l.detailsText/>

<@l.howText/>

Si ya la envió, puede ignorar este mensaje. Muchas gracias.

<@l.signatureText/>
