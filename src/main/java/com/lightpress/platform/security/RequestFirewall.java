package com.lightpress.platform.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its default rules, whose checks of header
 * names ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}) and values (the same, tab allowed) run as a
 * loop over the characters instead of regular expressions with Unicode properties. The expression,
 * over the kilobyte of an access token in every authenticated request, was about 5% of the CPU of
 * {@code GET /api/users/me} (JFR under {@code bench/run}'s load). {@code RequestFirewallTests}
 * holds the loop and the expressions to the same answer for every code point.
 */
final class RequestFirewall {

    private RequestFirewall() {}

    static StrictHttpFirewall strict() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestFirewall::isHeaderName);
        firewall.setAllowedHeaderValues(RequestFirewall::isHeaderValue);
        return firewall;
    }

    static boolean isHeaderName(String name) {
        return assignedWithoutControls(name, false);
    }

    static boolean isHeaderValue(String value) {
        return assignedWithoutControls(value, true);
    }

    private static boolean assignedWithoutControls(String value, boolean tabAllowed) {
        var index = 0;
        while (index < value.length()) {
            var c = value.charAt(index);
            if ((c >= 0x20 && c < 0x7f) || (tabAllowed && c == '\t')) {
                index++;
                continue;
            }
            var codePoint = value.codePointAt(index);
            var type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            index += Character.charCount(codePoint);
        }
        return true;
    }
}
