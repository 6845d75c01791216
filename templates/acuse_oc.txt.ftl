<#import "layout.ftl" as l>
Estimado/a cliente de ${reserva.agencia}:

Recibimos la orden de compra de la siguiente reserva. No necesita hacer nada más.

<@l.detailsText/>

Muchas gracias.

<@l.signatureText/>
