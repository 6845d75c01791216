package cl.seguimientooc.extraction;

import java.math.BigDecimal;

/** An amount with its ISO currency code (CLP, USD, EUR); always two decimals. */
public record Money(BigDecimal amount, String currency) {
}
