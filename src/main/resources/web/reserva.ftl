<#import "layout.ftl" as l>
<@l.pagina titulo="Reserva ${r.id_reserva}" activo="reservas">
<section class="ficha" id="ficha">
  <dl>
    <dt>Estado</dt><dd><@l.estado r.estado/><#if r.motivo_estado??> <span class="motivo">${r.motivo_estado}</span></#if></dd>
    <dt>LOC interno</dt><dd id="loc">${r.loc_interno!""}</dd>
    <dt>Localizador</dt><dd>${r.localizador!""}</dd>
    <dt>Agencia</dt><dd id="agencia">${r.agencia!""}<#if r.cliente??> · cliente ${r.cliente.nombre}</#if></dd>
    <dt>Hotel</dt><dd id="hotel">${r.nombre_hotel!""}<#if r.ciudad_hotel??>, ${r.ciudad_hotel}</#if></dd>
    <dt>Estadía</dt><dd><#if r.fecha_checkin??>${fechaLarga(r.fecha_checkin)}</#if> → <#if r.fecha_checkout??>${fechaLarga(r.fecha_checkout)}</#if> (${r.numero_noches!"?"} noches)</dd>
    <dt>Monto</dt><dd>${plata(r.monto_total!"0", r.moneda!"CLP")}</dd>
    <dt>Huéspedes</dt><dd><#list r.habitaciones as h><#list h.huespedes as g>${g.nombres!""} ${g.apellidos!""}<#sep>; </#sep></#list><#sep>; </#sep></#list></dd>
    <dt>Próximo paso</dt><dd><#if r.proximo_paso??>${r.proximo_paso?replace("_", " ")}<#if r.proximo_paso_desde??> desde ${fecha(r.proximo_paso_desde)}</#if><#else>ninguno</#if></dd>
    <#if r.requiere_atencion??><dt>Atención</dt><dd class="error">${r.requiere_atencion}</dd></#if>
    <#if r.observaciones_hotel??><dt>Observaciones</dt><dd id="observaciones">${r.observaciones_hotel}</dd></#if>
  </dl>
</section>

<#if puedeActuar>
<section class="acciones" id="acciones">
  <h2>Acciones</h2>
  <form method="post" action="/api/reservas/${r.id_reserva?url}/marcar-oc-recibida" data-accion="marcar-oc"
        data-confirmar="¿Marcar la OC de esta reserva como recibida? La escalera se detiene." data-consulta="numero_oc">
    <label>N° de OC <input name="numero_oc" id="numero-oc" maxlength="60"></label>
    <label>Archivo de la OC (opcional) <input type="file" name="archivo" id="archivo-oc" accept=".pdf,application/pdf,image/*"></label>
    <button type="submit" id="marcar-oc">Marcar OC recibida</button>
  </form>
  <form method="post" action="/api/reservas/${r.id_reserva?url}/reenviar-correo" data-accion="reenviar"
        data-confirmar="¿Reenviar este correo al cliente ahora?" data-consulta="tipo_correo">
    <label>Correo <select name="tipo_correo"><#list niveles as n><option value="${n}">${n?replace("_", " ")}</option></#list></select></label>
    <button type="submit" id="reenviar">Reenviar</button>
  </form>
  <form method="post" action="/api/reservas/${r.id_reserva?url}/pausar" data-accion="pausar" data-json="motivo,hasta"
        data-confirmar="¿Pausar la escalera de esta reserva?">
    <label>Motivo <input name="motivo" required maxlength="200"></label>
    <label>Reanudar el <input type="date" name="hasta"></label>
    <button type="submit" id="pausar">Pausar</button>
  </form>
  <form method="post" action="/api/reservas/${r.id_reserva?url}/reanudar" data-accion="reanudar" data-confirmar="¿Reanudar la escalera?">
    <button type="submit" id="reanudar">Reanudar</button>
  </form>
  <form method="post" action="/api/reservas/${r.id_reserva?url}/cancelar" data-accion="cancelar"
        data-confirmar="¿Cancelar esta reserva? No se pedirá más su OC.">
    <label>Motivo <input name="motivo" required maxlength="200" placeholder="p. ej. el huésped anuló el viaje"></label>
    <button type="submit" id="cancelar" class="peligro">Cancelar reserva</button>
  </form>
</section>
</#if>

<section class="linea" id="linea-de-tiempo">
  <h2>Historia</h2>
  <ol>
  <#list linea as e>
    <li class="evento evento-${e.tipo}"><time>${fecha(e.fecha!"")}</time> <strong>${e.titulo}</strong><#if e.detalle?has_content><br><span class="detalle">${e.detalle}</span></#if>
      <#list e.enlaces as k><br><a href="${k.url}" target="_blank" rel="noopener">${k.texto}</a></#list></li>
  <#else>
    <li class="vacio">Sin eventos.</li>
  </#list>
  </ol>
</section>
</@l.pagina>
