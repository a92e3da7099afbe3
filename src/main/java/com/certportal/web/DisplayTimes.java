package com.certportal.web;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Instants as the signed-in member reads them: in its time zone (Asia/Tokyo unless it chose another). */
@Component("times")
public class DisplayTimes {

    private final Clock clock;

    DisplayTimes(Clock clock) {
        this.clock = clock;
    }

    /**
     * D3: whole days from now until {@code instant} (negative once it has passed), as the member
     * reads "days left" beside an expiry.
     */
    public long daysLeft(Instant instant) {
        return Math.floorDiv(Duration.between(clock.instant(), instant).toSeconds(), 86_400);
    }

    /** Whether {@code instant} has passed (an expiry, a deadline). */
    public boolean passed(Instant instant) {
        return instant != null && !clock.instant().isBefore(instant);
    }

    /**
     * Whether a deadline that includes its own instant is over (R3's refund deadline: a revocation
     * submitted no later than it counts), so from the instant after it, never on it.
     */
    public boolean over(Instant deadline) {
        return deadline != null && clock.instant().isAfter(deadline);
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z");

    public String format(Instant instant) {
        return render(instant, MINUTES);
    }

    /** To the second, for deadlines (R4) and the history. */
    public String precise(Instant instant) {
        return render(instant, SECONDS);
    }

    public ZoneId zone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentMember member) {
            return member.zone();
        }
        return Member.DEFAULT_ZONE;
    }

    private String render(Instant instant, DateTimeFormatter formatter) {
        if (instant == null) {
            return "";
        }
        return formatter.withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(zone()));
    }
}
