<#import "layout.ftl" as l>
<@l.pagina titulo="Usuarios" activo="usuarios">
<section>
  <h2>Nuevo usuario</h2>
  <form method="post" action="/api/usuarios" data-accion="crear-usuario" class="filtros">
    <label>Usuario <input name="usuario" id="nuevo-usuario" required maxlength="60"></label>
    <label>Nombre <input name="nombre" maxlength="100"></label>
    <label>Rol <select name="rol" id="nuevo-rol"><#list roles as r><option value="${r.code()}">${r.label()}</option></#list></select></label>
    <label>Contraseña inicial (mínimo ${minimo}) <input type="password" name="clave" id="nueva-clave" minlength="${minimo}" required autocomplete="new-password"></label>
    <button type="submit" id="crear-usuario">Crear usuario</button>
  </form>
</section>
<table class="lista" id="tabla-usuarios">
  <thead><tr><th>Usuario</th><th>Nombre</th><th>Rol</th><th>Estado</th><th>Último ingreso</th><th>Tokens</th><th>Cambiar</th></tr></thead>
  <tbody>
  <#list usuarios as u>
    <tr>
      <td>${u.username()}</td><td>${u.displayName()!""}</td><td>${u.role().code()}</td>
      <td><#if u.active()>activo<#else>inactivo</#if></td>
      <td><#if u.lastLoginAt()??>${fecha(u.lastLoginAt()?string)}<#else>nunca</#if></td>
      <td class="n">${u.tokens()}</td>
      <td>
        <form method="post" action="/api/usuarios/${u.id()?c}" data-accion="cambiar-usuario" data-confirmar="¿Guardar los cambios de «${u.username()}»?" class="en-linea">
          <select name="rol" aria-label="rol"><#list roles as r><option value="${r.code()}"<#if r == u.role()> selected</#if>>${r.code()}</option></#list></select>
          <select name="activo" aria-label="estado"><option value="true"<#if u.active()> selected</#if>>activo</option><option value="false"<#if !u.active()> selected</#if>>inactivo</option></select>
          <input type="password" name="clave" placeholder="contraseña nueva (opcional)" autocomplete="new-password" aria-label="contraseña nueva">
          <button type="submit">Guardar</button>
        </form>
      </td>
    </tr>
  </#list>
  </tbody>
</table>
</@l.pagina>
