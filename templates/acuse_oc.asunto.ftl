Recibimos su Orden de Compra - Reserva ${reserva.id} - LOC ${reserva.loc}
