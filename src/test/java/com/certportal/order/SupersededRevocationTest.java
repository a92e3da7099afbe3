package com.certportal.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** K2: when a superseded certificate is due, and which certificates a reissue supersedes. */
class SupersededRevocationTest {

    private static final Instant REISSUED = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void k2NotDueAt47h59m59sAfterTheReissue() {
        Instant due = SupersededRevocation.dueAt(REISSUED);

        assertThat(SupersededRevocation.isDue(
                        due, REISSUED.plus(Duration.ofHours(48)).minusSeconds(1)))
                .isFalse();
    }

    @Test
    void k2DueAtExactly48hAfterTheReissue() {
        Instant due = SupersededRevocation.dueAt(REISSUED);

        assertThat(due).isEqualTo(Instant.parse("2026-05-03T09:00:00Z"));
        assertThat(SupersededRevocation.isDue(due, REISSUED.plus(Duration.ofHours(48))))
                .isTrue();
    }

    @Test
    void k2AJobOfAnyCadenceUpTo24HoursRevokesBy72Hours() {
        assertThat(SupersededRevocation.keepsTheBound(Duration.ofHours(24))).isTrue();
        assertThat(SupersededRevocation.keepsTheBound(Duration.ofHours(24).plusSeconds(1)))
                .isFalse();
        assertThat(SupersededRevocation.latestRevocation(REISSUED, Duration.ofMinutes(1)))
                .isEqualTo(REISSUED.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(1)));
    }

    @Test
    void k2ACommonNameChangeSupersedes() {
        assertThat(SupersededRevocation.supersedes(
                        "new.example.com",
                        List.of("new.example.com", "www.example.com", "old.example.com"),
                        "old.example.com",
                        Set.of("old.example.com", "www.example.com")))
                .isTrue();
    }

    @Test
    void k2ARemovedSanSupersedes() {
        assertThat(SupersededRevocation.supersedes(
                        "example.com", List.of("example.com"), "example.com", Set.of("example.com", "www.example.com")))
                .isTrue();
    }

    @Test
    void k2AChangedSanSupersedes() {
        assertThat(SupersededRevocation.supersedes(
                        "example.com",
                        List.of("example.com", "shop.example.com"),
                        "example.com",
                        Set.of("example.com", "www.example.com")))
                .isTrue();
    }

    @Test
    void k2OnlyAddedNamesSupersedeNothing() {
        assertThat(SupersededRevocation.supersedes(
                        "example.com",
                        List.of("example.com", "www.example.com", "api.example.com"),
                        "example.com",
                        Set.of("example.com", "www.example.com")))
                .isFalse();
    }

    @Test
    void k2TheSameNamesSupersedeNothing() {
        assertThat(SupersededRevocation.supersedes(
                        "example.com",
                        List.of("www.example.com", "example.com"),
                        "example.com",
                        Set.of("example.com", "www.example.com")))
                .isFalse();
    }
}
