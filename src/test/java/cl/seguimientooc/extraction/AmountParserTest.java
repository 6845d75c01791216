package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.extraction.AmountParser.AmountException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // the earlier system read this one as 52 870 100
        "CLP 528.701,00        | 528701.00  | CLP",
        "CLP 528.701           | 528701.00  | CLP",
        "$ 1.234.567           | 1234567.00 | CLP",
        "$1.234.567            | 1234567.00 | CLP",
        "CLP $1.234.567        | 1234567.00 | CLP",
        "Total a Pagar: $ 99.990 | 99990.00 | CLP",
        "CLP 450.000 Total     | 450000.00  | CLP",
        "45.000                | 45000.00   | CLP",
        "CLP 1.000.000,50      | 1000000.50 | CLP",
        "CLP 999               | 999.00     | CLP",
        "CLP 0                 | 0.00       | CLP",
        "US$ 1.234,56          | 1234.56    | USD",
        "US$1.200              | 1200.00    | USD",
        "USD 1,234.56          | 1234.56    | USD",
        "USD 1,234,567.89      | 1234567.89 | USD",
        "U$S 250,5             | 250.50     | USD",
        "1,234.56 USD          | 1234.56    | USD",
        "EUR 980,50            | 980.50     | EUR",
        "€ 980,50              | 980.50     | EUR",
        "€980.50               | 980.50     | EUR",
        "980,50 EUR            | 980.50     | EUR",
        "EUR 12.345,60         | 12345.60   | EUR",
        "1 234 567             | 1234567.00 | CLP",
        "CLP 1 234 567,00      | 1234567.00 | CLP",
        "12.5                  | 12.50      | CLP",
    })
    void readsAmountsAndCurrencies(String text, String amount, String currency) throws AmountException {
        Money money = AmountParser.parse(text, "CLP");
        assertEquals(new BigDecimal(amount), money.amount());
        assertEquals(currency, money.currency());
    }

    @Test
    void amountsAlwaysCarryTwoDecimals() throws AmountException {
        assertEquals(2, AmountParser.parse("CLP 528.701", "CLP").amount().scale());
    }

    @Test
    void defaultCurrencyAppliesOnlyWithoutAToken() throws AmountException {
        assertEquals("USD", AmountParser.parse("1.500", "USD").currency());
        assertEquals("CLP", AmountParser.parse("CLP 1.500", "USD").currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0.500",          // thousands or decimals?
        "0,123",
        "1234.567",       // four digits before a three-digit group cannot be grouping
        "1.234,567",      // three decimals
        "1.23.456",       // broken groups
        "12,34,56",       // Indian grouping
        "1.234.56",
        "1,234,5",
        "1,234.567.8",
        "1 23 456",
    })
    void refusesAmbiguousOrMalformedAmounts(String text) {
        AmountException e = assertThrows(AmountException.class, () -> AmountParser.parse(text, "CLP"));
        assertTrue(e.getMessage().contains(text.strip()), e.getMessage());
    }

    @Test
    void refusesTextWithoutNumber() {
        assertThrows(AmountException.class, () -> AmountParser.parse("Total: por confirmar", "CLP"));
    }
}
