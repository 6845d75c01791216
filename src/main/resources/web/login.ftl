<!DOCTYPE html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ingresar · Seguimiento OC</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body class="ingreso">
<main>
  <h1>Seguimiento OC</h1>
  <p>Ingrese con su usuario del panel.</p>
  <#if salida><p class="ok" id="mensaje-salida">Su sesión se cerró.</p></#if>
  <#if error??><p class="error" id="error-ingreso" role="alert">${error}</p></#if>
  <form method="post" action="/login">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="siguiente" value="${siguiente}">
    <label>Usuario <input name="usuario" id="usuario" autocomplete="username" required autofocus maxlength="100"></label>
    <label>Contraseña <input name="clave" id="clave" type="password" autocomplete="current-password" required maxlength="200"></label>
    <button type="submit" id="ingresar">Ingresar</button>
  </form>
</main>
</body>
</html>
