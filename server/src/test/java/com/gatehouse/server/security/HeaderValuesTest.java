package com.gatehouse.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header name and value rules without regular expressions answer as Spring Security's own, character by character. */
class HeaderValuesTest {

    @Test
    void answersAsSpringSecuritysRuleForEveryCharacter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String value = "Bearer x" + new String(Character.toChars(c)) + "y";
            assertThat(HeaderValues.allowed(value)).as("U+%04X", c)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
            assertThat(HeaderValues.allowedName(value)).as("name with U+%04X", c)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(value));
        }
        for (String value : new String[] {null, "", "\t", "a\tb", "\u0000", "a\nb", "\r", "\u007f", "\ud800", "x\udfff"}) {
            assertThat(HeaderValues.allowed(value)).as("%s", value)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }
}
