<#-- Shared layout of every e-mail. "page" wraps HTML bodies; "details" is the reservation table.
     HTML output format: every ${...} is HTML-escaped (a name from a PDF cannot inject markup). -->
<#macro page title>
<!DOCTYPE html>
<html lang="es">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:6px;overflow:hidden;">
<tr><td style="background:#12355b;color:#ffffff;padding:18px 24px;font-size:18px;font-weight:bold;">${title}</td></tr>
<tr><td style="padding:24px;font-size:14px;line-height:1.5;">
<#nested>
</td></tr>
<tr><td style="background:#f0f2f5;color:#52606d;padding:14px 24px;font-size:12px;">
${remitente.nombre}<#if remitente.correo?has_content> · ${remitente.correo}</#if><br>
Este es un mensaje automático del seguimiento de órdenes de compra. Para responder, envíe la OC a
<a href="mailto:${oc.buzon}" style="color:#12355b;">${oc.buzon}</a>.
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
</#macro>

<#macro details>
<table role="presentation" cellpadding="6" cellspacing="0" style="border-collapse:collapse;width:100%;margin:16px 0;font-size:14px;">
<tr><td style="color:#52606d;width:40%;border-bottom:1px solid #e4e7eb;">ID de reserva</td><td style="border-bottom:1px solid #e4e7eb;"><strong>${reserva.id}</strong></td></tr>
<tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">LOC</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.loc}</td></tr>
<#if reserva.localizador?has_content><tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Localizador</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.localizador}</td></tr></#if>
<tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Empresa</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.agencia}</td></tr>
<#if reserva.hotel?has_content><tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Hotel</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.hotel}</td></tr></#if>
<#if reserva.checkin?has_content><tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Check-in</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.checkin}</td></tr></#if>
<#if reserva.checkout?has_content><tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Check-out</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.checkout}</td></tr></#if>
<#if reserva.huespedes?has_content><tr><td style="color:#52606d;border-bottom:1px solid #e4e7eb;">Huéspedes</td><td style="border-bottom:1px solid #e4e7eb;">${reserva.huespedes?join(", ")}</td></tr></#if>
<tr><td style="color:#52606d;">Monto total</td><td><strong>${reserva.monto}</strong></td></tr>
</table>
</#macro>

<#macro how>
<p>Por favor envíe la orden de compra a <a href="mailto:${oc.buzon}" style="color:#12355b;"><strong>${oc.buzon}</strong></a>
indicando en el asunto: <strong>${oc.asunto}</strong></p>
</#macro>

<#-- Plain-text versions of the same blocks: plain text, not HTML-escaped. -->
<#outputformat "plainText">
<#macro detailsText>
ID de reserva: ${reserva.id}
LOC: ${reserva.loc}
<#if reserva.localizador?has_content>Localizador: ${reserva.localizador}
</#if>Empresa: ${reserva.agencia}
<#if reserva.hotel?has_content>Hotel: ${reserva.hotel}
</#if><#if reserva.checkin?has_content>Check-in: ${reserva.checkin}
</#if><#if reserva.checkout?has_content>Check-out: ${reserva.checkout}
</#if><#if reserva.huespedes?has_content>Huéspedes: ${reserva.huespedes?join(", ")}
</#if>Monto total: ${reserva.monto}
</#macro>

<#macro howText>
Envíe la orden de compra a ${oc.buzon} indicando en el asunto: ${oc.asunto}
</#macro>

<#macro signatureText>
--
${remitente.nombre}<#if remitente.correo?has_content> · ${remitente.correo}</#if>
Mensaje automático del seguimiento de órdenes de compra.
</#macro>
</#outputformat>
