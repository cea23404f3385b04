package dev.intake.document.insight;

import java.math.BigDecimal;

/**
 * An amount of money as written in a text.
 *
 * @param amount never negative; scale is the currency's minor units, or more when the text had more
 *        (1200.50 USD, 300.00 EUR, 5000 JPY)
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {
}
