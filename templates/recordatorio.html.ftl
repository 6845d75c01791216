<#import "layout.ftl" as l>
<@l.page title="Recordatorio: orden de compra pendiente">
<p>Estimado/a cliente de <strong>${reserva.agencia}</strong>:</p>
<p>Le recordamos que aún no hemos recibido la orden de compra de la reserva que le solicitamos el ${solicitud.fecha}.</p>
<@l.details/>
<@l.how/>
<p>Si ya la envió, puede ignorar este mensaje. Muchas gracias.</p>
</@l.page>
