package com.lightpress.notifications.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void windowAcrossMidnightEndsTheNextMorning() {
        var evening = LocalDateTime.of(2026, 3, 10, 23, 15).atZone(BERLIN).toInstant();

        assertThat(NIGHT.endOfWindowAround(evening, BERLIN))
                .contains(LocalDateTime.of(2026, 3, 11, 7, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void windowAcrossMidnightEndsTheSameMorningAfterMidnight() {
        var earlyMorning = LocalDateTime.of(2026, 3, 11, 6, 59).atZone(BERLIN).toInstant();

        assertThat(NIGHT.endOfWindowAround(earlyMorning, BERLIN))
                .contains(LocalDateTime.of(2026, 3, 11, 7, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void outsideTheWindowNothingWaits() {
        var morning = LocalDateTime.of(2026, 3, 11, 7, 0).atZone(BERLIN).toInstant();
        var evening = LocalDateTime.of(2026, 3, 11, 21, 59).atZone(BERLIN).toInstant();

        assertThat(NIGHT.endOfWindowAround(morning, BERLIN)).isEmpty();
        assertThat(NIGHT.endOfWindowAround(evening, BERLIN)).isEmpty();
    }

    @Test
    void windowWithinOneDayEndsThatDay() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));
        var noon = LocalDateTime.of(2026, 3, 11, 12, 45).atZone(BERLIN).toInstant();

        assertThat(lunch.endOfWindowAround(noon, BERLIN))
                .contains(LocalDateTime.of(2026, 3, 11, 13, 30).atZone(BERLIN).toInstant());
    }

    @Test
    void endThatFallsIntoTheSpringForwardGapMovesToTheFirstValidMinute() {
        var quiet = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        var night = LocalDateTime.of(2026, 3, 29, 1, 30).atZone(BERLIN).toInstant();

        assertThat(quiet.endOfWindowAround(night, BERLIN))
                .contains(LocalDateTime.of(2026, 3, 29, 3, 30).atZone(BERLIN).toInstant());
    }

    @Test
    void windowMustHaveALength() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
