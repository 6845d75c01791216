OC recibida para una reserva suspendida - Reserva ${reserva.id} - LOC ${reserva.loc}
