<#import "layout.ftl" as l>
<@l.page title="Orden de compra recibida">
<p>Estimado/a cliente de <strong>${reserva.agencia}</strong>:</p>
<p>Recibimos la orden de compra de la siguiente reserva. No necesita hacer nada más.</p>
<@l.details/>
<p>Muchas gracias.</p>
</@l.page>
