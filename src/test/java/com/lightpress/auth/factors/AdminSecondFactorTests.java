package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Browser;
import com.lightpress.testing.ControlledClock;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/**
 * With {@code required-for-admins}, an ADMIN reaches the admin API only after a login with a
 * second factor, even before enrolling one; enrolling needs no second factor, so the admin can
 * get there. Other users are not affected.
 */
@LightpressTest(properties = "lightpress.auth.factors.required-for-admins=true")
@Import(ControlledClock.class)
class AdminSecondFactorTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    SecondFactorClient factors;

    @BeforeEach
    void connect() {
        factors = new SecondFactorClient(port, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdminWithoutASecondFactorIsSentToEnrolOne() {
        var admin = factors.oauth().admin();
        assertThat(admin.tokens().claims().path("second_factor_required").asBoolean())
                .isTrue();
        var refused = factors.call("GET", "/api/admin/users", admin.bearer(), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("insufficient_user_authentication");

        var enrolled = factors.enrol(admin);
        var stepped = factors.logIn(new Browser(port), admin, factors.code(enrolled.secret()), Map.of());
        assertThat(factors.call("GET", "/api/admin/users", "Bearer " + stepped.accessToken(), null)
                        .statusCode())
                .isEqualTo(200);

        var user = factors.oauth().newUser("Not An Admin");
        assertThat(user.tokens().claims().path("second_factor_required").asBoolean())
                .isFalse();
        assertThat(factors.call("GET", "/api/users/me", user.bearer(), null).statusCode())
                .isEqualTo(200);
    }
}
