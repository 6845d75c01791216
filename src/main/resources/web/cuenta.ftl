<#import "layout.ftl" as l>
<@l.pagina titulo="Mi cuenta" activo="cuenta">
<#if local>
<p class="nota">Está usando el servicio sin contraseña (solo desde este equipo). Cree un usuario administrador en <a href="/usuarios">Usuarios</a> para tener contraseña y tokens.</p>
<#else>
<section>
  <h2>Cambiar contraseña</h2>
  <form method="post" action="/api/cuenta/clave" data-accion="clave" data-confirmar="¿Cambiar su contraseña? Sus otras sesiones se cerrarán.">
    <label>Contraseña actual <input type="password" name="actual" id="clave-actual" autocomplete="current-password" required></label>
    <label>Contraseña nueva (mínimo ${minimo} caracteres) <input type="password" name="nueva" id="clave-nueva" autocomplete="new-password" minlength="${minimo}" required></label>
    <button type="submit" id="cambiar-clave">Cambiar contraseña</button>
  </form>
  <p class="nota">La sesión se cierra sola tras ${inactividad} minutos sin actividad.</p>
</section>
<section>
  <h2>Tokens de API</h2>
  <p class="nota">Para integraciones: envíe <code>Authorization: Bearer &lt;token&gt;</code>. Un token tiene los permisos de su usuario y se muestra una sola vez.</p>
  <form method="post" action="/api/cuenta/tokens" data-accion="token" data-mostrar="token">
    <label>Nombre del token <input name="nombre" id="nombre-token" maxlength="80" required placeholder="p. ej. integración contable"></label>
    <button type="submit" id="crear-token">Crear token</button>
  </form>
  <table class="lista" id="tabla-tokens">
    <thead><tr><th>Nombre</th><th>Comienza con</th><th>Creado</th><th>Último uso</th><th></th></tr></thead>
    <tbody>
    <#list tokens as t>
      <tr><td>${t.name()}</td><td><code>${t.prefix()}…</code></td><td>${fecha(t.createdAt()?string)}</td>
        <td><#if t.lastUsedAt()??>${fecha(t.lastUsedAt()?string)}<#else>nunca</#if></td>
        <td><form method="post" action="/api/cuenta/tokens/${t.id()?c}/revocar" data-accion="revocar" data-confirmar="¿Revocar el token «${t.name()}»? Las integraciones que lo usen dejarán de funcionar.">
          <button type="submit" class="secundario">Revocar</button></form></td></tr>
    <#else>
      <tr><td colspan="5" class="vacio">No tiene tokens vigentes.</td></tr>
    </#list>
    </tbody>
  </table>
</section>
</#if>
</@l.pagina>
