Solicitud de Orden de Compra - Reserva ${reserva.id} - LOC ${reserva.loc}
