package com.lightpress.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** {@link RequestFirewall}'s checks answer as {@link StrictHttpFirewall}'s default expressions. */
class RequestFirewallTests {

    @Test
    void headerNamesAsTheDefaultForEveryCodePoint() {
        assertThat(disagreementsOverEveryCodePoint(
                        RequestFirewall::isHeaderName, StrictHttpFirewall.ALLOWED_HEADER_NAMES))
                .isEmpty();
    }

    @Test
    void headerValuesAsTheDefaultForEveryCodePoint() {
        assertThat(disagreementsOverEveryCodePoint(
                        RequestFirewall::isHeaderValue, StrictHttpFirewall.ALLOWED_HEADER_VALUES))
                .isEmpty();
    }

    @Test
    void mixedValuesAsTheDefault() {
        var pieces = new String[] {
            "a",
            "Z",
            " ",
            "\t",
            "\n",
            "\r",
            "\u0000",
            "\u007f",
            "\u0085",
            "é",
            "\u0378",
            "\ud83d\ude00",
            "\ud83d",
            "\ude00",
            "\ufffe",
            "\uffff",
            "\udb40\udc01"
        };
        var random = new Random(14);
        var disagreements = new ArrayList<String>();
        for (var i = 0; i < 100_000; i++) {
            var value = new StringBuilder();
            var length = random.nextInt(8);
            for (var j = 0; j < length; j++) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            var text = value.toString();
            if (RequestFirewall.isHeaderValue(text) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text)
                    || RequestFirewall.isHeaderName(text) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text)) {
                disagreements.add(text);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void refusesControlsAndUnassignedCharacters() {
        assertThat(RequestFirewall.isHeaderValue("Bearer abc\tdef")).isTrue();
        assertThat(RequestFirewall.isHeaderName("X-Name\t")).isFalse();
        assertThat(RequestFirewall.isHeaderValue("abc\r\nSet-Cookie: x=y")).isFalse();
        assertThat(RequestFirewall.isHeaderValue("abc\u0000")).isFalse();
        assertThat(RequestFirewall.isHeaderValue("abc\u0378")).isFalse();
        assertThat(RequestFirewall.isHeaderValue("Grüße 😀")).isTrue();
    }

    private static ArrayList<String> disagreementsOverEveryCodePoint(Predicate<String> ours, Predicate<String> theirs) {
        var disagreements = new ArrayList<String>();
        for (var codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            var alone = new String(Character.toChars(codePoint));
            var inText = "a" + alone + "b";
            if (ours.test(alone) != theirs.test(alone) || ours.test(inText) != theirs.test(inText)) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }
        return disagreements;
    }
}
