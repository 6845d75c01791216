<!DOCTYPE html>
<html lang="es-CL"><head><meta charset="utf-8"><title>Redirigiendo</title></head>
<body><p><a href="${destino}">Continuar</a></p></body></html>
