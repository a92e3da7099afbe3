package com.certportal.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issue 10: what an operator reads in the log while the database is away: one warning when the portal
 * first meets it (and a reminder each minute it lasts), one line when it answers again, and no stack
 * trace for each of the requests answered "temporarily unavailable" in between.
 */
@Component
public class DatabaseAvailability {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final Duration REMIND_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final AtomicReference<Instant> unavailableSince = new AtomicReference<>();
    private final AtomicReference<Instant> lastWarned = new AtomicReference<>();

    DatabaseAvailability(Clock clock) {
        this.clock = clock;
    }

    /** The portal could not use the database ({@link DatabaseFailures#isUnavailability}). */
    public void unavailable(Throwable failure) {
        Instant now = clock.instant();
        unavailableSince.compareAndSet(null, now);
        Instant warned = lastWarned.get();
        boolean due = warned == null || !now.isBefore(warned.plus(REMIND_EVERY));
        if (due && lastWarned.compareAndSet(warned, now)) {
            log.warn(
                    "The database is unavailable (since {}): health is DOWN and pages answer 503 until it is"
                            + " back. {}",
                    unavailableSince.get(),
                    DatabaseFailures.describe(failure));
        } else {
            log.debug("The database is still unavailable: {}", DatabaseFailures.describe(failure));
        }
    }

    /** The database answered. */
    public void available() {
        lastWarned.set(null);
        Instant since = unavailableSince.getAndSet(null);
        if (since != null) {
            log.info("The database is available again (it was not since {}).", since);
        }
    }
}
