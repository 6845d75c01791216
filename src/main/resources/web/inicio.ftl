<#import "layout.ftl" as l>
<@l.pagina titulo="Inicio" activo="inicio">
<section id="inicio-datos" data-refrescar="/?fragmento=1" data-cada="30">
<#include "inicio-datos.ftl">
</section>
</@l.pagina>
