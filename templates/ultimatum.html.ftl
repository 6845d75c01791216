<#import "layout.ftl" as l>
<@l.page title="Último aviso: orden de compra">
<p>Estimado/a cliente de <strong>${reserva.agencia}</strong>:</p>
<p>No hemos recibido la orden de compra de la siguiente reserva, solicitada el ${solicitud.fecha}.</p>
<@l.details/>
<p style="background:#fdecea;border-left:4px solid #c62828;padding:10px 12px;">
Si no recibimos la orden de compra, la reserva será <strong>suspendida el ${suspension.fecha} a las ${suspension.hora}</strong>.
</p>
<@l.how/>
<p>Muchas gracias.</p>
</@l.page>
