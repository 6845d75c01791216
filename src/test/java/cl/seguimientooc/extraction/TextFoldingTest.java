package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void keepsLengthSoOffsetsCutTheOriginal() {
        String original = "Habitación 1 ‐ Categoría ‐ Twin – Región\u00a0Metropolitana";
        String folded = TextFolding.fold(original);
        assertEquals(original.length(), folded.length());
        assertEquals("Habitacion 1 - Categoria - Twin - Region Metropolitana", folded);
    }

    @Test
    void keyIgnoresCaseAccentsAndSpacing() {
        assertEquals("limite cancelacion reserva", TextFolding.key("  LÍMITE   Cancelación\tReserva "));
    }
}
