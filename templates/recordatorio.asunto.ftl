Recordatorio: Orden de Compra pendiente - Reserva ${reserva.id} - LOC ${reserva.loc}
