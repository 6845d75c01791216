<#import "layout.ftl" as l>
<@l.pagina titulo=titulo>
<p class="error" id="error-pagina">${mensaje}</p>
<p><a href="/">Volver al inicio</a></p>
</@l.pagina>
