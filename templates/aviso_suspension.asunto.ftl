Reserva suspendida por falta de OC - Reserva ${reserva.id} - LOC ${reserva.loc}
