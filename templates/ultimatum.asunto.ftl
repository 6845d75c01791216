Último aviso: Orden de Compra - Reserva ${reserva.id} - LOC ${reserva.loc} - suspensión el ${suspension.fecha_corta}
