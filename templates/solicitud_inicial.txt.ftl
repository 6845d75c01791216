<#import "layout.ftl" as l>
Estimado/a cliente de ${reserva.agencia}:

Hemos confirmado la siguiente reserva de hotel. Para poder facturarla necesitamos la orden de compra (OC) correspondiente.

<@l.detailsText/>

<@l.howText/>

Muchas gracias.

<@l.signatureText/>
