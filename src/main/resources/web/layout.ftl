<#-- The dashboard's frame: header with the user and logout, navigation, and the page. Output is HTML-escaped. -->
<#macro pagina titulo activo="">
<!DOCTYPE html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf" content="${csrf}">
<title>${titulo} · Seguimiento OC</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="barra">
  <a class="marca" href="/">Seguimiento OC</a>
  <nav>
    <#list [["inicio","/","Inicio"],["reservas","/reservas","Reservas"],["oc","/oc-sin-asignar","OC sin asignar"],["mensajes","/mensajes","Mensajes"],["clientes","/clientes","Clientes"],["agenda","/agenda","Agenda"],["calendario","/calendario","Calendario"],["plantillas","/plantillas","Plantillas"]] as n>
      <a href="${n[1]}"<#if activo == n[0]> class="activo" aria-current="page"</#if>>${n[2]}</a>
    </#list>
    <#if esAdmin><a href="/usuarios"<#if activo == "usuarios"> class="activo" aria-current="page"</#if>>Usuarios</a></#if>
    <a href="/docs">API</a>
  </nav>
  <div class="quien">
    <a href="/cuenta" id="usuario-actual" title="Mi cuenta: contraseña y tokens de API"<#if activo == "cuenta"> aria-current="page"</#if>>${usuario}</a> <span class="rol">${rol}</span>
    <form method="post" action="/salir" data-accion="salir" class="en-linea">
      <input type="hidden" name="_csrf" value="${csrf}">
      <button type="submit" id="salir">Salir</button>
    </form>
  </div>
</header>
<main>
<h1>${titulo}</h1>
<div id="aviso" class="aviso" role="status" hidden></div>
<#nested>
</main>
</body>
</html>
</#macro>

<#macro estado codigo><span class="estado estado-${codigo}">${codigo?replace("_", " ")}</span></#macro>
