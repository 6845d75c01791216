<#import "layout.ftl" as l>
<@l.page title="Solicitud de orden de compra">
<p>Estimado/a cliente de <strong>${reserva.agencia}</strong>:</p>
<p>Hemos confirmado la siguiente reserva de hotel. Para poder facturarla necesitamos la orden de compra (OC) correspondiente.</p>
<@l.details/>
<@l.how/>
<p>Muchas gracias.</p>
</@l.page>
